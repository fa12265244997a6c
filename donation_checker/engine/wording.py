"""Numbers and sentences in English and French, and evidence items, for the rule kinds."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from typing import Any

from ..assessment import Evidence, RowRef, Text

NBSP = "\u202f"  # French thousands separator (narrow no-break space)


def num(value: Any, lang: str = "en", digits: int = 0) -> str:
    """1234567.5 -> "1,234,568" (en) / "1 234 568" (fr); digits after the decimal point on request."""
    if value is None:
        return "?"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "?"
    if digits == 0 or (float(value).is_integer() and digits <= 1):
        text = f"{round(value):,}"
    else:
        text = f"{value:,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)
    return text


def pct(ratio: float | None, lang: str = "en") -> str:
    if ratio is None:
        return "?"
    return f"{num(ratio * 100, lang)}{NBSP if lang == 'fr' else ''}%"


def T(en: str, fr: str) -> Text:
    return Text(en, fr)


def ev(
    key: str,
    en: str,
    fr: str,
    value: str | int | float | bool | None,
    unit: str = "",
    sensitive: bool = False,
    rows: tuple[RowRef, ...] = (),
) -> Evidence:
    return Evidence(
        key=key, label=Text(en, fr), value=value, unit=unit, sensitive=sensitive, rows=rows
    )


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([^{}|]*)\|([^{}|]*))?\}")


def placeholders(template: str) -> frozenset[str]:
    """The names a condition template fills in."""
    return frozenset(m.group(1) for m in _PLACEHOLDER.finditer(template))


def is_singular(value: Any, lang: str) -> bool:
    """French counts 0 and 1 as singular ("0 an", "1 an"); English only 1."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) < 2 if lang == "fr" else value == 1


def counted(value: Any, one: str, many: str, lang: str) -> str:
    """A number and the word that agrees with it: "0 mécanicien", "3 mécaniciens", "1 mechanic",
    "0 mechanics"; "?" for an unknown number."""
    number = num(value, lang) if value is not None else "?"
    return f"{number} {one if is_singular(value, lang) else many}"


def fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    """Replace {name} with the value, numbers formatted for the language, and {name|one|many}
    with the number followed by the word that agrees with it ("1 mécanicien", "3 mécaniciens").
    Nothing is evaluated: only bare names are substituted, so a rule file cannot reach
    attributes or format specs."""
    pieces, tail = _pieces(template)
    out: list[str] = []
    for text, name, one, many in pieces:
        out.append(text)
        value = values.get(name)
        if one is not None:
            word = one if is_singular(value, lang) else many
            number = num(value, lang) if value is not None else "?"
            out.append(f"{number} {word}" if word else number)
        elif isinstance(value, Text):
            out.append(value.get(lang))
        elif isinstance(value, float) and not value.is_integer():
            out.append(num(value, lang, 1))
        else:
            out.append(num(value, lang) if value is not None else "?")
    out.append(tail)
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[tuple[str, str, str | None, str | None], ...], str]:
    """A template cut once into (text before, name, singular word, plural word) and the text
    after the last placeholder: rule sets reuse a few dozen templates for thousands of lines."""
    pieces = []
    start = 0
    for match in _PLACEHOLDER.finditer(template):
        pieces.append(
            (template[start : match.start()], match.group(1), match.group(2), match.group(3))
        )
        start = match.end()
    return tuple(pieces), template[start:]


def ladder(value: float, steps: Any, floor: float) -> float:
    """Score from [[threshold, score], …]: the first step whose threshold value reaches wins."""
    for threshold, score in sorted(((float(t), float(s)) for t, s in steps), reverse=True):
        if value >= threshold:
            return score
    return float(floor)
