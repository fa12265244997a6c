"""Where the shipped data files (rule sets, field vocabulary, aliases) live."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    """The folder of shipped rule files: the repository's rules/ in a checkout, package data when
    installed (pyproject maps rules/ to donation_checker._rules)."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if (checkout / "fields.toml").is_file():
        return checkout
    installed = Path(__file__).resolve().parent / "_rules"
    return installed


def default_ruleset_path() -> Path:
    return rules_dir() / "default.toml"


def fields_path() -> Path:
    return rules_dir() / "fields.toml"


def aliases_path() -> Path:
    return rules_dir() / "aliases.toml"
