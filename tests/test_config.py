"""Settings come from defaults < config file < environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.config import Settings, load_settings, parse_field_map
from newsprism.errors import UsageError


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in Settings.__dataclass_fields__:
        monkeypatch.delenv("NEWSPRISM_" + name.upper(), raising=False)
    monkeypatch.delenv("NEWSPRISM_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def test_later_layers_override_earlier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "np.toml"
    cfg.write_text('max_bytes = 1000\nhttp_timeout = 3\ndate = "2025-01-01"\n')
    monkeypatch.setenv("NEWSPRISM_HTTP_TIMEOUT", "7.5")
    s = load_settings(cfg, date="2025-12-01")
    assert s.max_bytes == 1000  # from the file
    assert s.http_timeout == 7.5  # environment beats file
    assert s.date == "2025-12-01"  # flag beats both
    assert s.spacy_model == Settings().spacy_model  # default kept


def test_flags_left_as_none_do_not_override(tmp_path: Path) -> None:
    cfg = tmp_path / "np.toml"
    cfg.write_text("max_bytes = 1000\n")
    assert load_settings(cfg, max_bytes=None).max_bytes == 1000


def test_newsprism_toml_in_working_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / "newsprism.toml").write_text('spacy_model = "other_model"\n')
    assert load_settings().spacy_model == "other_model"


def test_jsonl_field_map_from_text_and_table(tmp_path: Path) -> None:
    assert parse_field_map("title=headline, text=body") == {"title": "headline", "text": "body"}
    cfg = tmp_path / "np.toml"
    cfg.write_text('[jsonl_fields]\ntitle = "hed"\n')
    assert load_settings(cfg).jsonl_fields == {"title": "hed"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("max_bytes = 'lots'\n", "whole number"),
        ("colour = 'red'\n", "unknown setting 'colour'"),
        ("max_bytes = \n", "not valid TOML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / "np.toml"
    cfg.write_text(content)
    with pytest.raises(UsageError, match=message):
        load_settings(cfg)


def test_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_bad_field_map_is_explained() -> None:
    with pytest.raises(UsageError, match="title=headline"):
        parse_field_map("title")
