"""Docs that cannot drift: every command, option and setting is in the README."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import typer

from newsprism.cli import app
from newsprism.config import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, Any]]:
    # typer vendors its own click: read groups by their `commands` attribute.
    root: Any = typer.main.get_command(app)
    out: list[tuple[str, Any]] = []
    for name, cmd in root.commands.items():
        if hasattr(cmd, "commands"):
            out += [(f"{name} {sub}", subcmd) for sub, subcmd in cmd.commands.items()]
        else:
            out.append((name, cmd))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda x: str(x))
def test_every_command_and_option_is_documented(name: str, command: Any) -> None:
    assert f"newsprism {name}" in README
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}`" in README or re.search(rf"{opt}\b", README), opt


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_documented(name: str) -> None:
    assert f"| `{name}` |" in README


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "bash scripts/demo" in first_block and "bash .ci/run" in first_block
