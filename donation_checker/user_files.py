"""The user's own folder of data files, merged over the shipped ones.

An officer adds a header spelling, an alias, a rule set or a reworded message in the
configuration folder of their own account; the installed application and the command line read
it at the next import, with no reinstall. The folder holds:

- fields.toml    spellings and fields added to the import vocabulary (rules/fields.toml)
- aliases.toml   make and model aliases added to, or overriding, rules/aliases.toml
- messages.toml  wordings, in the layout of rules/messages.toml (`[labels]` for the report's own)
- rules/*.toml   rule sets, listed beside the shipped ones; one named like a shipped rule set
                 (default.toml) replaces it

How a user file merges over a shipped one is the same for every file (see `merge`). A user file
that cannot be read or used is set aside whole, with an error naming the file and the line:
the shipped data keeps working and the caller says what was ignored.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from .errors import RuleSetError
from .resources import rules_dir

CONFIG_DIR_ENV = "DONATION_CHECKER_CONFIG_DIR"
FIELDS = "fields.toml"
ALIASES = "aliases.toml"
MESSAGES = "messages.toml"
RULES_FOLDER = "rules"

T = TypeVar("T")


def user_config_dir() -> Path:
    """The user's configuration folder (not created here): %APPDATA%\\Donation Checker on
    Windows, ~/Library/Application Support/Donation Checker on macOS, $XDG_CONFIG_HOME/
    donation-checker on Linux; DONATION_CHECKER_CONFIG_DIR replaces it (tests, shared set-ups)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(appdata) / "Donation Checker"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Donation Checker"
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(xdg) / "donation-checker"


def user_rules_dir(create: bool = False) -> Path:
    """Where the user's rule sets live; `create` makes it (before a save)."""
    folder = user_config_dir() / RULES_FOLDER
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class DataFile:
    """A user file that was merged in: where it is and what it held (for the annex)."""

    path: Path
    sha256: str


@dataclass(frozen=True)
class Layered(Generic[T]):
    """Shipped data with the user's file merged in, or set aside with the reason."""

    value: T
    user_file: DataFile | None = None
    ignored: RuleSetError | None = None


_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """The file's TOML data and SHA-256; errors name the file and, for syntax, the line."""
    from .model import Place

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleSetError(
            f"cannot be read ({exc.strerror or exc}).",
            f"illisible ({exc.strerror or exc}).",
            hint="Check that the file exists and that you may read it.",
            hint_fr="Vérifiez que le fichier existe et que vous pouvez le lire.",
            place=Place(file=str(path)),
            reason="user_file_unreadable",
        ) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RuleSetError(
            "the file is not UTF-8 text.",
            "le fichier n’est pas un texte UTF-8.",
            hint="Save it again as UTF-8 text.",
            hint_fr="Enregistrez-le de nouveau en texte UTF-8.",
            place=Place(file=str(path)),
            reason="user_file_invalid",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        found = _LINE.search(str(exc))
        problem = _LINE.sub("", str(exc)).replace("(at end of document)", "").strip()
        if found:
            where_en = f"line {found[1]}, column {found[2]}: "
            where_fr = f"ligne {found[1]}, colonne {found[2]} : "
        else:  # something left open (a list, a table) runs to the end of the file
            last = raw.decode("utf-8").count("\n") + 1
            where_en = f"line {last} (end of the file): "
            where_fr = f"ligne {last} (fin du fichier) : "
        raise RuleSetError(
            f"{where_en}TOML syntax error ({problem}).",
            f"{where_fr}erreur de syntaxe TOML ({problem}).",
            hint="Correct that line or remove the file; until then the shipped data is used.",
            hint_fr="Corrigez cette ligne ou retirez le fichier ; d’ici là, les données livrées "
            "sont utilisées.",
            place=Place(file=str(path)),
            reason="user_file_invalid",
        ) from exc
    return data, hashlib.sha256(raw).hexdigest()


def merge(shipped: Mapping[str, Any], user: Mapping[str, Any]) -> dict[str, Any]:
    """The user's data over the shipped data, the same rule for every file:

    - tables merge key by key, so a user file only names what it adds or changes;
    - a value that is not a list (a text, a number, a threshold) is replaced by the user's;
    - a list of texts keeps the shipped entries and adds the user's new ones (spellings,
      sheet names), so a user file never needs to copy the shipped list;
    - a list of tables (the fields of a table) merges entries with the same `name` (or `id`)
      and adds the others;
    - any other list is replaced.
    """
    out: dict[str, Any] = dict(shipped)
    for key, theirs in user.items():
        ours = out.get(key)
        if isinstance(ours, Mapping) and isinstance(theirs, Mapping):
            out[key] = merge(ours, theirs)
        elif isinstance(ours, list) and isinstance(theirs, list):
            out[key] = _merge_lists(ours, theirs)
        else:
            out[key] = theirs
    return out


def _merge_lists(ours: list[Any], theirs: list[Any]) -> list[Any]:
    if all(isinstance(x, str) for x in ours + theirs):
        return list(dict.fromkeys(ours + theirs))
    if all(isinstance(x, Mapping) for x in ours + theirs):
        key = next((k for k in ("name", "id") if all(k in x for x in ours + theirs)), None)
        if key is not None:
            merged = {x[key]: dict(x) for x in ours}
            for x in theirs:
                merged[x[key]] = merge(merged[x[key]], x) if x[key] in merged else dict(x)
            return list(merged.values())
    return list(theirs)


def shipped_data(name: str) -> dict[str, Any]:
    """A shipped file's data, or nothing when the product ships no such file (messages)."""
    path = rules_dir() / name
    return read_toml(path)[0] if path.is_file() else {}


def stamp(name: str) -> tuple[str, int, int] | None:
    """What identifies the present state of a user file (for caches), None when it is absent."""
    path = user_config_dir() / name
    try:
        st = path.stat()
    except OSError:
        return None
    return (str(path), st.st_mtime_ns, st.st_size)


def layered(name: str, build: Callable[[dict[str, Any], str], T]) -> Layered[T]:
    """Build the shipped file `name` with the user's file of that name merged over it.

    `build(data, label)` validates the data (raising RuleSetError naming `label`). The shipped
    data is known good, so a failure of the merged data is the user file's: it is set aside.
    """
    shipped = shipped_data(name)
    user = user_config_dir() / name
    ignored: RuleSetError | None = None
    if user.is_file():
        try:
            extra, sha = read_toml(user)
            return Layered(build(merge(shipped, extra), str(user)), DataFile(user, sha))
        except RuleSetError as exc:
            if exc.place is None:
                from .model import Place

                exc.place = Place(file=str(user))
            ignored = exc
    return Layered(build(shipped, str(rules_dir() / name)), None, ignored)


def check_messages(data: dict[str, Any], label: str) -> dict[str, Any]:
    """A message catalogue in the layout of rules/messages.toml: `[group] key = { en = "…",
    fr = "…" }`, nothing else."""
    from .catalogue import CatalogueError, entries_of
    from .model import Place

    try:
        entries_of(data, label)
    except CatalogueError as exc:
        raise RuleSetError(
            f'{exc} (write [group] key = {{ en = "…", fr = "…" }}).',
            f"{exc} (écrivez [groupe] clé = {{ en = « … », fr = « … » }}).",
            hint="Correct the file or remove it; until then the product's wordings are used.",
            hint_fr="Corrigez le fichier ou retirez-le ; d’ici là, les libellés du produit "
            "sont utilisés.",
            place=Place(file=label),
            reason="user_file_invalid",
        ) from exc
    return data


def load_messages() -> Layered[dict[str, Any]]:
    """The message catalogue: the shipped rules/messages.toml with the user's over it."""
    return layered(MESSAGES, check_messages)
