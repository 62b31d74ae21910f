"""Where run settings come from, and which source wins.

Four layers, each overriding the one before:

1. the defaults of `Settings`;
2. the `[briefgen]` table of a TOML config file: `--config FILE`, else `$BRIEFGEN_CONFIG`,
   else `~/.config/briefgen/config.toml` (or `$XDG_CONFIG_HOME/briefgen/config.toml`) when
   it exists;
3. environment variables `BRIEFGEN_<FIELD>` (`BRIEFGEN_LANG`, `BRIEFGEN_SUMMARIZER_MODEL`...);
4. the command-line flags the user actually typed.

Other tables of the same file belong to other parts (`[smtp]` for email delivery); they read
them with `load_config_file()`.  Values are checked here so that a typo in a config file is
one clear line naming the file and the key, not a failure three stages later.
"""

from __future__ import annotations

import os
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from .errors import BriefgenError
from .settings import (
    DEVICES,
    FORMATS,
    LANGUAGES,
    LENGTHS,
    PDF_VARIANTS,
    SUMMARIZER_CHOICES,
    TRANSLATOR_CHOICES,
    Settings,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TABLE = "briefgen"
ENV_PREFIX = "BRIEFGEN_"
ENV_CONFIG = "BRIEFGEN_CONFIG"

# Allowed values of the settings that take one of a fixed set, checked for every source.
CHOICES: dict[str, tuple[str, ...]] = {
    "lang": LANGUAGES, "length": LENGTHS, "formats": FORMATS, "summarizer": SUMMARIZER_CHOICES,
    "translator": TRANSLATOR_CHOICES, "device": DEVICES, "issues_mode": ("replace", "merge"),
    "pdf_variant": PDF_VARIANTS,
}


def default_config_path(environ: Mapping[str, str] = os.environ) -> Path | None:
    """$BRIEFGEN_CONFIG, else the per-user file when it exists, else None."""
    if environ.get(ENV_CONFIG):
        return Path(environ[ENV_CONFIG]).expanduser()
    base = Path(environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    candidate = base / "briefgen" / "config.toml"
    return candidate if candidate.is_file() else None


def load_config_file(path: str | Path | None = None,
                     environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """The whole parsed config file (every table), or {} when there is none.

    An explicit path (or $BRIEFGEN_CONFIG) that does not exist or does not parse is an
    error: the user asked for that file.
    """
    path = Path(path).expanduser() if path else default_config_path(environ)
    if path is None:
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise BriefgenError(f"config file {path} not found: fix --config or "
                            f"${ENV_CONFIG}") from None
    except OSError as exc:
        raise BriefgenError(f"cannot read config file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BriefgenError(f"config file {path} is not valid TOML: {exc}") from None


def _field_types() -> dict[str, Any]:
    hints = typing.get_type_hints(Settings)
    return {f.name: hints[f.name] for f in fields(Settings) if f.name != "extra"}


def _coerce(name: str, value: Any, kind: Any, where: str) -> Any:
    """A config or environment value as the Settings field's type, or a one-line error."""
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        if value in ("", None):
            return None
        kind = args[0]
        args = list(typing.get_args(kind))
    origin = typing.get_origin(kind)
    if origin is tuple:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise BriefgenError(f"{where}: {name} must be a list or a comma-separated string")
        return tuple(str(item).strip().lower() for item in items if str(item).strip())
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off", ""):
            return False
        raise BriefgenError(f"{where}: {name} must be true or false, not {value!r}")
    if kind is Path:
        return Path(str(value)).expanduser()
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise BriefgenError(f"{where}: {name} must be a string, not {value!r}")
    return str(value)


def _value(name: str, value: Any, kind: Any, where: str) -> Any:
    """Coerced and checked against CHOICES: a typo fails here, naming where it was."""
    value = _coerce(name, value, kind, where)
    allowed = CHOICES.get(name)
    for item in (value if isinstance(value, tuple) else (value,)) if allowed else ():
        if item not in allowed:
            raise BriefgenError(f"{where}: {name} = {item!r} is not one of {', '.join(allowed)}")
    return value


def file_settings(document: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Settings fields from the [briefgen] table; an unknown key is an error (a typo)."""
    table = document.get(TABLE, {})
    if not isinstance(table, Mapping):
        raise BriefgenError(f"{where}: [{TABLE}] must be a table")
    kinds = _field_types()
    unknown = sorted(set(table) - set(kinds))
    if unknown:
        raise BriefgenError(f"{where}: unknown setting {unknown[0]!r} in [{TABLE}]; "
                            f"known: {', '.join(kinds)}")
    return {name: _value(name, value, kinds[name], f"{where} [{TABLE}]")
            for name, value in table.items()}


def env_settings(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Settings fields from BRIEFGEN_<FIELD> variables that are set."""
    kinds = _field_types()
    found = {}
    for name, kind in kinds.items():
        variable = ENV_PREFIX + name.upper()
        if variable in environ:
            found[name] = _value(name, environ[variable], kind, variable)
    return found


def layered(explicit: Mapping[str, Any], config: str | Path | None = None,
            environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Field values from the config file, then the environment, then `explicit` (flags)."""
    path = Path(config).expanduser() if config else default_config_path(environ)
    values = file_settings(load_config_file(path, environ), str(path)) if path else {}
    values.update(env_settings(environ))
    values.update(explicit)  # flags: already checked by click
    return values


def resolve_settings(explicit: Mapping[str, Any] | None = None, config: str | Path | None = None,
                     environ: Mapping[str, str] = os.environ) -> Settings:
    """Settings with every layer applied (see the module docstring for the order)."""
    return Settings(**layered(explicit or {}, config, environ))
