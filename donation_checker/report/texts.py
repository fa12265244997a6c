"""The report's own fixed wording (data texts come from the assessment).

The words are entries of the message catalogue under [labels] (rules/messages.toml, the user's
messages.toml over it): headings, column headers and notes by key, and the tables
labels.verdict_advice, labels.status_names and labels.family_names; a verdict's name is the
vocabulary value values.verdict.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..assessment import Status, Text, Verdict
from ..catalogue import Entry, shipped_catalogue
from ..render import renderer

PREFIX = "labels."

# Family keys as rule sets may write them (short forms, criteria-id prefixes) -> the key of
# their name under labels.family_names.
_FAMILY_ALIASES = {
    "comp": "compatibility",
    "spare": "spares",
    "spare_parts": "spares",
    "parts": "spares",
    "maint": "maintenance",
    "abs": "absorption",
    "absorptive": "absorption",
    "absorptive_capacity": "absorption",
    "cond": "condition",
    "own": "ownership",
    "doc": "documentation",
    "docs": "documentation",
}


def _lang(lang: str) -> str:
    return "fr" if lang == "fr" else "en"


def labels(lang: str = "en") -> Mapping[str, Entry]:
    """The [labels] entries by key (without the prefix), from the catalogue the report's messages
    are written with: the same state of the user's messages.toml for both. A report asks for
    thousands of labels, so they are gathered once per catalogue."""
    return renderer(lang).catalogue.group(PREFIX)


def label(key: str, lang: str, **values: str) -> str:
    """A fixed label in the report's language, with `{name}` placeholders filled in; the
    user's messages.toml may reword it (user_files.py)."""
    text = labels(lang)[key].text[_lang(lang)]
    if not values and "{" not in text:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        # A user's wording with a placeholder the label does not have: the product's stands.
        entry = shipped_catalogue().get(PREFIX + key)
        shipped = entry.text[_lang(lang)] if entry is not None else text
        try:
            return shipped.format(**values)
        except (KeyError, IndexError, ValueError):
            return shipped


def verdict_name(verdict: Verdict, lang: str) -> str:
    return renderer(lang).canonical("verdict", verdict.value)


def verdict_advice(verdict: Verdict, lang: str) -> str:
    return label(f"verdict_advice.{verdict.value}", lang)


def status_name(status: Status, lang: str) -> str:
    return label(f"status_names.{status.value}", lang)


def family_name(family: str, lang: str, titles: Mapping[str, Text] | None = None) -> str:
    """The family's display name: the rule set's title when the assessment carries it, else
    the shipped families' names; an unknown key is shown as written in the rule set."""
    if titles and family in titles:
        return titles[family].get(lang)
    key = family.strip().lower().replace("-", "_").replace(" ", "_")
    key = f"family_names.{_FAMILY_ALIASES.get(key, key)}"
    return label(key, lang) if key in labels(lang) else family


def all_label_keys() -> tuple[str, ...]:
    return tuple(labels())
