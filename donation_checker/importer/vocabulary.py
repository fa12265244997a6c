"""The import vocabulary (rules/fields.toml) and header matching by content.

Headers are matched to fields through the synonym table, ignoring case, accents and punctuation,
and through a close-variant score on word stems, so "Qté en état de marche" finds
quantity_serviceable although that exact wording is in no list.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuleSetError
from ..normalise import fold
from ..resources import fields_path

FIELD_TYPES = frozenset({"text", "code", "int", "number", "money", "date", "bool", "list"})

# Words that carry no meaning in a header.
_STOPWORDS = frozenset(
    [
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "en",
        "a",
        "au",
        "aux",
        "of",
        "the",
        "per",
        "par",
        "et",
        "and",
        "in",
        "on",
        "for",
        "pour",
        "sur",
        "dont",
        "un",
        "une",
        "an",
        "by",
    ]
)
# Abbreviations clerks use in headers, expanded before stemming.
_ABBREVIATIONS: Mapping[str, str] = {
    "qte": "quantite",
    "qty": "quantity",
    "nb": "nombre",
    "nbre": "nombre",
    "no": "numero",
    "n": "numero",
    "num": "numero",
    "nr": "number",
    "ref": "reference",
    "desc": "description",
    "dispo": "disponible",
    "qualif": "qualification",
    "mecano": "mecanicien",
    "mecanos": "mecaniciens",
    "vehic": "vehicule",
    "veh": "vehicule",
    "loc": "localisation",
    "h": "heures",
    "hrs": "hours",
    "km": "kilometrage",
    "obs": "observations",
    "immat": "immatriculation",
    "fab": "fabrication",
}
_STEM = 5
MATCH_THRESHOLD = 0.6


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    name: str
    title_en: str
    title_fr: str
    sheet_names: tuple[str, ...]
    required: tuple[str, ...]
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@functools.lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    words = []
    for word in fold(text).split():
        word = _ABBREVIATIONS.get(word, word)
        for part in word.split():
            if part not in _STOPWORDS:
                words.append(part[:_STEM])
    return frozenset(words)


def _blend(fh: str, a: frozenset[str], fs: str, b: frozenset[str]) -> float:
    if not fh or not fs:
        return 0.0
    if fh == fs:
        return 1.0
    if not a or not b:
        return 0.0
    common = len(a & b)
    if common == 0:
        return 0.0
    jaccard = common / len(a | b)
    containment = common / len(b)
    return min(0.95, 0.5 * jaccard + 0.5 * containment)


def similarity(header: str, synonym: str) -> float:
    """1.0 for the same folded text; otherwise a blend of overlap and containment of word stems."""
    return _blend(fold(header), stems(header), fold(synonym), stems(synonym))


def could_be_header(text: str) -> bool:
    """Headers are short texts with letters; codes, numbers and long notes are not."""
    return 0 < len(text) <= 80 and any(ch.isalpha() for ch in text)


class Vocabulary:
    """All table specs of one fields file, with cached header scoring."""

    def __init__(self, tables: Mapping[str, TableSpec], path: Path) -> None:
        self.tables = dict(tables)
        self.path = path
        self._scores: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}
        # Synonyms folded and stemmed once, and indexed by folded text and by stem: a header
        # can only score against a synonym it equals or shares a stem with, so a data cell
        # such as "Toyota" costs a few lookups instead of a comparison with every synonym.
        self._exact: dict[str, dict[str, list[str]]] = {}
        self._by_stem: dict[str, dict[str, list[tuple[str, str, frozenset[str]]]]] = {}
        for name, t in self.tables.items():
            exact: dict[str, list[str]] = {}
            by_stem: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
            for f in t.fields:
                for x in (f.name, *f.synonyms):
                    fs, b = fold(x), stems(x)
                    if not fs:
                        continue
                    exact.setdefault(fs, []).append(f.name)
                    for stem in b:
                        by_stem.setdefault(stem, []).append((f.name, fs, b))
            self._exact[name], self._by_stem[name] = exact, by_stem

    def table(self, name: str) -> TableSpec:
        return self.tables[name]

    def score_header(self, table: str, header: str) -> dict[str, float]:
        """Best similarity of one header to each field of a table."""
        return dict(self._score(table, header))

    def match_columns(self, table: str, headers: Sequence[str]) -> dict[int, tuple[str, float]]:
        """Assign columns to fields: highest scores first, each field and column at most once."""
        candidates: list[tuple[float, int, str]] = []
        for col, header in enumerate(headers):
            if not header:
                continue
            for field_name, score in self._score(table, header):
                if score >= MATCH_THRESHOLD:
                    candidates.append((score, -col, field_name))
        candidates.sort(reverse=True)
        taken_fields: set[str] = set()
        result: dict[int, tuple[str, float]] = {}
        for score, neg_col, field_name in candidates:
            col = -neg_col
            if col in result or field_name in taken_fields:
                continue
            result[col] = (field_name, score)
            taken_fields.add(field_name)
        return result

    def _score(self, table: str, header: str) -> tuple[tuple[str, float], ...]:
        key = (table, header)
        cached = self._scores.get(key)
        if cached is None:
            out = []
            if could_be_header(header):
                fh, a = fold(header), stems(header)
                forms = [(fh, a)]
                if len(fh) > 2 and all(len(w) == 1 for w in fh.split()):
                    # "N.S.N.", "S/N": initials written apart are the acronym
                    joined = fh.replace(" ", "")
                    forms.append((joined, stems(joined)))
                best: dict[str, float] = {}
                exact, by_stem = self._exact[table], self._by_stem[table]
                for h, hs in forms:
                    for name in exact.get(h, ()):
                        best[name] = 1.0
                    for stem in hs:
                        for name, fs, b in by_stem.get(stem, ()):
                            score = _blend(h, hs, fs, b)
                            if score > best.get(name, 0.0):
                                best[name] = score
                out = [
                    (f.name, best[f.name])
                    for f in self.tables[table].fields
                    if best.get(f.name, 0.0) > 0
                ]
            cached = self._scores[key] = tuple(out)
        return cached


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Load and validate a fields file; errors name the file and the table/field."""
    p = Path(path) if path is not None else fields_path()
    return _load_vocabulary_cached(str(p))


@functools.lru_cache(maxsize=4)
def _load_vocabulary_cached(path: str) -> Vocabulary:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleSetError(
            f"Cannot read the field vocabulary {p.name}: {exc}",
            f"Impossible de lire le vocabulaire des colonnes {p.name} : {exc}",
            reason="vocabulary_invalid",
        ) from exc
    tables: dict[str, TableSpec] = {}
    for name, raw in data.get("tables", {}).items():
        fields = []
        for f in raw.get("fields", []):
            ftype = f.get("type", "text")
            if ftype not in FIELD_TYPES or "name" not in f:
                raise RuleSetError(
                    f"{p.name}: table '{name}', field {f.get('name', '?')}: unknown type '{ftype}'",
                    f"{p.name} : table « {name} », champ {f.get('name', '?')} : "
                    f"type inconnu « {ftype} »",
                    reason="vocabulary_invalid",
                )
            fields.append(FieldSpec(f["name"], ftype, tuple(f.get("synonyms", ()))))
        names = {f.name for f in fields}
        missing = [r for r in raw.get("required", []) if r not in names]
        if missing:
            raise RuleSetError(
                f"{p.name}: table '{name}' requires unknown fields {missing}",
                f"{p.name} : la table « {name} » exige des champs inconnus {missing}",
                reason="vocabulary_invalid",
            )
        title = raw.get("title", {})
        tables[name] = TableSpec(
            name=name,
            title_en=title.get("en", name),
            title_fr=title.get("fr", name),
            sheet_names=tuple(fold(s) for s in raw.get("sheet_names", ())),
            required=tuple(raw.get("required", ())),
            fields=tuple(fields),
        )
    return Vocabulary(tables, p)
