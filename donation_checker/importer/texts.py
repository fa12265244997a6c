"""The import's sentences in English and French, written from the message catalogue's import.*
entries.

A RowIssue carries its text in both languages (message, message_fr), read by the report, the
JSON texts, the window and the errors alike; both are filled here from one catalogue entry. A
problem found in thousands of cells costs one rendering per problem kind and column
(problem_text): each cell only puts its value between a ready-made beginning and end.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..assessment import Text
from ..errors import InputRejected
from ..messages import Part, count, msg
from ..model import Place, TableReport
from ..render import renderer

LANGS = ("en", "fr")
_SLOT = "\x00"  # stands for a cell's value while a sentence is rendered once for many cells


def both(key: str, **values: Part) -> tuple[str, str]:
    """The catalogue entry `key` filled with `values`, in English and in French."""
    en, fr = (renderer(lang).message(msg(key, **values)) for lang in LANGS)
    return en, fr


def in_lang(key: str, lang: str, **values: Part) -> str:
    return renderer(lang).message(msg(key, **values))


def quoted(value: object) -> Part:
    """A cell value or a header as the reader's language quotes it: 'x', « x »."""
    return msg("import.quoted", value=str(value))


def field_label(name: str) -> Text:
    """A field by its label in both languages ("make_model" is the pair make and model)."""
    names = ("make", "model") if name == "make_model" else (name,)
    en, fr = (renderer(lang).fields(names) for lang in LANGS)
    return Text(en, fr)


def table_title(name: str, lang: str) -> str:
    """A table by its title in rules/fields.toml; a table the vocabulary does not name by its
    name."""
    from .vocabulary import load_vocabulary

    spec = load_vocabulary().tables.get(name)
    if spec is None:
        return name
    return spec.title_fr if renderer(lang).lang == "fr" else spec.title_en


def problem_phrase(code: str, lang: str) -> str:
    """What is wrong with a cell ("is not a number"), after the column's header; a code the
    catalogue does not know says the cell could not be read."""
    from .convert import CELL_LIMIT, FIRST_YEAR, LAST_YEAR

    r = renderer(lang)
    key = (
        f"import.problem.{code}" if r.has(f"import.problem.{code}") else "import.problem.unreadable"
    )
    return r.message(
        msg(
            key,
            first=str(FIRST_YEAR),
            last=str(LAST_YEAR),
            limit=count(CELL_LIMIT),
        )
    )


Frames = tuple[tuple[str, str], tuple[str, str]]


def frames(key: str, slot: str, **values: Part) -> Frames:
    """The entry `key` rendered once in each language with its placeholder `slot` left open,
    for sentences said of many cells that differ only by that value (see fill)."""
    out = []
    for lang in LANGS:
        before, _, after = in_lang(key, lang, **{slot: _SLOT}, **values).partition(_SLOT)
        out.append((before, after))
    return out[0], out[1]


def fill(frames: Frames, value: str) -> tuple[str, str]:
    (en_before, en_after), (fr_before, fr_after) = frames
    return f"{en_before}{value}{en_after}", f"{fr_before}{value}{fr_after}"


@functools.lru_cache(maxsize=4096)
def problem_frames(code: str, header: str, with_value: bool) -> Frames:
    """A cell's problem under this header, in both languages, with its quoted value left
    open."""
    key = "import.problem.with_value" if with_value else "import.problem.without_value"
    problem = Text(problem_phrase(code, "en"), problem_phrase(code, "fr"))
    out = []
    for lang in LANGS:
        text = in_lang(key, lang, header=quoted(header), problem=problem, value=quoted(_SLOT))
        before, _, after = text.partition(_SLOT)
        out.append((before, after))
    return out[0], out[1]


def problem_text(code: str, header: str, value: str) -> tuple[str, str]:
    """A cell's problem in both languages: "'Quantity' is not a number: 'abc'"."""
    return fill(problem_frames(code, header, bool(value)), value)


def normalised_kind(key: str) -> tuple[str, str]:
    """A normalisation count's key ("fuel:canonical", "merged_cells_filled") as the field it
    concerns ("" for none) and its kind."""
    field, _, kind = key.rpartition(":")
    return field, kind


def normalised_line(key: str, n: int, lang: str) -> str:
    """One count of normalised values: "Fuel: vocabulary values recognised (3)"."""
    field, kind = normalised_kind(key)
    r = renderer(lang)
    phrase_key = f"import.normalised.{kind}"
    phrase = r.word(phrase_key) if r.has(phrase_key) else r.word("import.normalised.other")
    where = field_label(field).get(r.lang) if field else r.word("import.report.whole_table")
    return r.message(msg("import.report.normalised_item", field=where, kind=phrase, count=count(n)))


_IGNORED = re.compile(r"^([A-Z]+) \('(.*)'\)$", re.DOTALL)


def ignored_column(text: str, lang: str) -> str:
    """A column the import left aside, stored as "D ('Observations 2')", with its header quoted
    as the reader's language does."""
    m = _IGNORED.match(text)
    if m is None:
        return text
    return in_lang("import.report.ignored_column", lang, column=m[1], header=quoted(m[2]))


def rejected(
    key: str,
    *,
    reason: str,
    place: Place | None = None,
    hint: str = "",
    option: str = "",
    **values: Part,
) -> InputRejected:
    """A file refused, said by the catalogue's import.error.<key> and, when given, the hint
    import.error.hint.<hint> (`option`: the command-line option that does what it asks)."""
    en, fr = both(f"import.error.{key}", **values)
    hint_en, hint_fr = both(f"import.error.hint.{hint}") if hint else ("", "")
    return InputRejected(
        en, fr, hint=hint_en, hint_fr=hint_fr, place=place, reason=reason, option=option
    )


def fields_text(names: Sequence[str]) -> Text:
    """Several fields by their labels, as a list in each language."""
    return Text(renderer("en").fields(names), renderer("fr").fields(names))


def first_problem(report: TableReport) -> tuple[str, str]:
    """The hint of a table with no usable row: its first rejected row and why ("" if none)."""
    if not report.rejected:
        return "", ""
    first = report.rejected[0]
    return both(
        "import.error.first_problem",
        place=Text(first.place.describe(), first.place.describe_fr()),
        problem=Text(first.message, first.message_fr),
    )
