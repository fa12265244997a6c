"""What the user's own folder contributed: the files merged in, and those set aside with the
reason (user_files.py describes the folder and how its files merge)."""

from __future__ import annotations

from .errors import RuleSetError
from .importer.common import alias_layers
from .importer.vocabulary import vocabulary_layers
from .model import Place
from .user_files import DataFile, load_messages, user_rules_dir


def _layers() -> list[tuple[str, DataFile | None, RuleSetError | None]]:
    """(role in the annex, the user file merged in, why it was set aside) for each file."""
    return [
        (role, layer.user_file, layer.ignored)
        for role, layer in (
            ("vocabulary", vocabulary_layers()),
            ("aliases", alias_layers()),
            ("messages", load_messages()),
        )
    ]


def user_files_in_use() -> tuple[tuple[str, DataFile], ...]:
    """The user's fields, aliases and message files that the loaders merged in, by role."""
    return tuple((role, used) for role, used, _ in _layers() if used is not None)


def ignored_user_files() -> list[RuleSetError]:
    """Why each unusable file of the user's folder is set aside (the shipped data is used)."""
    problems = [ignored for _, _, ignored in _layers() if ignored is not None]
    rule_files = sorted(user_rules_dir().glob("*.toml"))
    if rule_files:
        # Loaded only for the user's own rule sets: the commands that read a workbook check
        # the folder first thing, while the reader is parsing.
        from .ruleset import load_ruleset
    for path in rule_files:
        try:
            load_ruleset(path)
        except RuleSetError as exc:
            # Rule errors name the file alone; here say which folder it is in.
            exc.place = Place(file=str(path))
            problems.append(exc)
    return problems
