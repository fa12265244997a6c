"""The message catalogue and the share settings, read from the rule folder's data files.

rules/messages.toml holds every sentence, word and vocabulary value in English and French;
rules/share.toml says which facts are sovereign and how hidden values are banded. A user file
given to load_catalogue() overrides entries of the shipped one, key by key, as a rule set does.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .resources import rules_dir

LANGS = ("en", "fr")


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: its text in each language, and optionally the wording the shareable
    version uses when some of its values are hidden."""

    text: Mapping[str, str]
    share: Mapping[str, str]


@dataclass(frozen=True)
class Catalogue:
    entries: Mapping[str, Entry]

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(self.entries)


@dataclass(frozen=True)
class ShareSettings:
    sensitive: frozenset[str]  # topics shown only as bands or left out
    bands: Mapping[str, tuple[float, ...]]  # unit -> increasing limits


class CatalogueError(ValueError):
    pass


def _flatten(table: Mapping[str, Any], prefix: str, out: dict[str, Entry], source: str) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if not isinstance(value, dict):
            raise CatalogueError(f"{source}: '{key}' must be a table with en and fr texts")
        # An entry holds texts; a group holds tables (a vocabulary may have a value "en").
        if any(isinstance(value.get(lang), str) for lang in LANGS):
            texts = {lang: value.get(lang) for lang in LANGS}
            shared = {lang: value.get(f"share_{lang}") for lang in LANGS}
            for lang, t in (*texts.items(), *shared.items()):
                if t is not None and not isinstance(t, str):
                    raise CatalogueError(f"{source}: '{key}': the {lang} text must be a string")
            if any(t is None for t in texts.values()):
                raise CatalogueError(f"{source}: '{key}' needs both an en and a fr text")
            out[key] = Entry(
                MappingProxyType({k: str(v) for k, v in texts.items()}),
                MappingProxyType({k: str(v) for k, v in shared.items() if v is not None}),
            )
        else:
            _flatten(value, f"{key}.", out, source)


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@functools.lru_cache(maxsize=8)
def load_catalogue(user_file: Path | None = None) -> Catalogue:
    """The shipped catalogue, with the entries of user_file (same layout) taking precedence."""
    entries: dict[str, Entry] = {}
    shipped = rules_dir() / "messages.toml"
    _flatten(_read(shipped), "", entries, shipped.name)
    if user_file is not None:
        _flatten(_read(user_file), "", entries, user_file.name)
    return Catalogue(MappingProxyType(entries))


@functools.lru_cache(maxsize=8)
def load_share_settings(user_file: Path | None = None) -> ShareSettings:
    data = _read(user_file or rules_dir() / "share.toml").get("share", {})
    sensitive = set(data.get("sensitive", ()))
    if data.get("model_names", False):
        sensitive.add("model_names")
    bands = {
        str(unit): tuple(float(x) for x in limits)
        for unit, limits in dict(data.get("bands", {})).items()
    }
    return ShareSettings(frozenset(sensitive), MappingProxyType(bands))
