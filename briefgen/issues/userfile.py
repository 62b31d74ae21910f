"""Issues a newsroom defines itself (`--issues FILE`), in TOML:

    [[issue]]
    id = "kazakhstan"
    label = { en = "Kazakhstan crisis", fr = "Crise au Kazakhstan" }
    terms = { en = ["Kazakhstan", "Kazakh"], fr = ["Kazakhstan", "kazakh"] }
    patterns = { en = ['\\bCSTO deployment\\b'], fr = [] }   # optional regexes

A term matches words that start with it, whatever the case and accents ("kazakh" matches
"kazakhstanaise"); patterns are Python regular expressions matched case-insensitively on
the text as written.  Terms and patterns are read in the release's language.
"""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

from briefgen.errors import BriefgenError

from .labels import slug
from .matchers import USER, Matcher
from .text import fold


def load_user_issues(path: Path, release_lang: str, note_lang: str) -> list[Matcher]:
    """The file's issues as matchers; BriefgenError (one line naming the file) if it is bad."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BriefgenError(f"cannot read issues file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BriefgenError(f"issues file {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise BriefgenError(f"issues file {path} is not valid TOML: {exc}") from None
    entries = data.get("issue")
    if not isinstance(entries, list) or not entries:
        raise BriefgenError(f"issues file {path} has no [[issue]] tables; "
                            "see `briefgen make --help` for the format")
    return [_matcher(entry, n, path, release_lang, note_lang) for n, entry in enumerate(entries, 1)]


def _by_lang(entry: dict, field: str, lang: str, where: str) -> list[str]:
    value = entry.get(field, {})
    if isinstance(value, list):  # the same words in every language
        items = value
    elif isinstance(value, dict):
        items = value.get(lang, [])
    else:
        raise BriefgenError(f"{where}: `{field}` must be a table by language or a list of strings")
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise BriefgenError(f"{where}: `{field}.{lang}` must be a list of strings")
    return items


def _matcher(entry: dict, n: int, path: Path, release_lang: str, note_lang: str) -> Matcher:
    where = f"issues file {path}, issue {n}"
    if not isinstance(entry, dict):
        raise BriefgenError(f"{where}: expected a table")
    label = entry.get("label")
    if isinstance(label, str):
        label = {note_lang: label}
    if not isinstance(label, dict) or not label:
        raise BriefgenError(f"{where}: `label` is missing (e.g. label = {{ en = \"…\", fr = \"…\" }})")
    text = label.get(note_lang) or next(iter(label.values()))
    issue_id = str(entry.get("id") or slug(text))
    where = f"issues file {path}, issue {issue_id!r}"
    terms = [t for t in _by_lang(entry, "terms", release_lang, where) if t.strip()]
    patterns = _by_lang(entry, "patterns", release_lang, where)
    if not terms and not patterns:
        raise BriefgenError(f"{where}: no `terms` or `patterns` for language {release_lang!r}")
    compiled_patterns = None
    if patterns:
        try:
            compiled_patterns = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        except re.error as exc:
            raise BriefgenError(f"{where}: bad regular expression in `patterns`: {exc}") from None
    compiled_terms = re.compile(
        "|".join(rf"(?<!\w){re.escape(fold(t.strip()))}" for t in terms), re.IGNORECASE
    ) if terms else None
    return Matcher(id=issue_id, kind=USER, labels={note_lang: str(text)},
                   terms=compiled_terms, patterns=compiled_patterns)
