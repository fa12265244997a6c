"""The message catalogue and the share settings, read from the rule folder's data files.

rules/messages.toml holds every sentence, word and vocabulary value in English and French;
rules/share.toml says which facts are sovereign and how hidden values are banded. The user's
messages.toml (their configuration folder, user_files.py) overrides entries of the shipped one,
key by key, as a rule set does; so does a file given to load_catalogue(). The report's fixed
labels are entries under [labels] and are reworded the same way.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    _groups: dict[str, Mapping[str, Entry]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def group(self, prefix: str) -> Mapping[str, Entry]:
        """The entries whose key starts with `prefix` ("labels."), keyed without it; gathered
        once per catalogue, for callers that ask for thousands of words."""
        found = self._groups.get(prefix)
        if found is None:
            found = MappingProxyType(
                {k.removeprefix(prefix): e for k, e in self.entries.items() if k.startswith(prefix)}
            )
            self._groups[prefix] = found
        return found


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


def entries_of(data: Mapping[str, Any], source: str) -> dict[str, Entry]:
    """The entries of a catalogue's data; CatalogueError names the first malformed one."""
    out: dict[str, Entry] = {}
    _flatten(data, "", out, source)
    return out


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_catalogue(user_file: Path | None = None) -> Catalogue:
    """The shipped catalogue with the user's messages.toml over it, and the entries of
    user_file (same layout) over both."""
    from .user_files import MESSAGES, stamp

    return _catalogue(user_file, stamp(MESSAGES))


@functools.lru_cache(maxsize=8)
def _catalogue(user_file: Path | None, _user_state: object) -> Catalogue:
    from .user_files import load_messages

    entries = entries_of(load_messages().value, "messages.toml")
    if user_file is not None:
        entries.update(entries_of(_read(user_file), user_file.name))
    return Catalogue(MappingProxyType(entries))


@functools.cache
def shipped_catalogue() -> Catalogue:
    """The product's own catalogue, without the user's entries: what a user's wording that
    cannot be used falls back to."""
    from .user_files import MESSAGES, shipped_data

    return Catalogue(MappingProxyType(entries_of(shipped_data(MESSAGES), MESSAGES)))


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
