"""The import vocabulary (rules/fields.toml) and header matching by content.

Headers are matched to fields through the synonym table, ignoring case, accents and punctuation,
and through a close-variant score on word stems, so "Qté en état de marche" finds
quantity_serviceable although that exact wording is in no list.
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RuleSetError
from ..normalise import fold
from ..resources import fields_path
from ..user_files import FIELDS, Layered, layered, stamp
from .dateorder import DateRules, date_rules

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
# Abbreviations expanded before stemming; fields.toml's [abbreviations] adds to these.
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
# Defaults of fields.toml's [matching]: a match at or above TAKE is used, one between PROPOSE
# and TAKE is only proposed to the user; a rival field within RIVAL_MARGIN makes it a question.
TAKE_THRESHOLD = 0.7
PROPOSE_THRESHOLD = 0.5
RIVAL_MARGIN = 0.1
# Two words sharing their first letters are the same word (an inflection, a spelling variant)
# only when they are this alike; "technicians" and "technologie" are not.
_SAME_WORD = 0.8


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    synonyms: tuple[str, ...]
    # Plausible bounds of a number an officer would question beyond: a value outside is a
    # problem at its cell (the row is rejected when the field is required, else the value is
    # set aside as not stated). years_ahead bounds a year by the current year.
    min: float | None = None
    max: float | None = None
    years_ahead: int | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    title_en: str
    title_fr: str
    sheet_names: tuple[str, ...]
    required: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    informs: tuple[str, ...] = ()  # rule kinds whose findings need this table
    # Required columns whose cell may be blank on a row: the row is kept, the value reported.
    blank_allowed: tuple[str, ...] = ()
    # How its date fields read dates that go either way (fields.toml's [dates]).
    dates: DateRules = field(default_factory=DateRules)

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True)
class Match:
    """One header read as one field. `taken` matches are used; the others are proposals that
    wait for the user's answer (a mapping), because a wrong match is worse than none."""

    field: str
    score: float
    taken: bool
    rival: str = ""  # another field the header may as well mean
    guess: bool = False  # the words only share their first letters
    unknown: tuple[str, ...] = ()  # words of the header the vocabulary has never seen


@dataclass(frozen=True)
class RowMatch:
    """A header row read against a table: columns taken and columns only proposed."""

    taken: Mapping[int, tuple[str, float]]
    proposed: Mapping[int, Match]


@dataclass(frozen=True)
class MatchingRules:
    take: float = TAKE_THRESHOLD
    propose: float = PROPOSE_THRESHOLD
    rival_margin: float = RIVAL_MARGIN
    negations: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()  # headers that mean no field (row counters: "S/No")
    abbreviations: Mapping[str, str] = field(default_factory=lambda: dict(_ABBREVIATIONS))


_DEFAULT_RULES = MatchingRules()


def _words(text: str, abbreviations: Mapping[str, str]) -> tuple[str, ...]:
    out = []
    for word in fold(text).split():
        for part in abbreviations.get(word, word).split():
            if part not in _STOPWORDS:
                out.append(part)
    return tuple(out)


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


def _same_word(a: str, b: str) -> bool:
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= _SAME_WORD


def could_be_header(text: str) -> bool:
    """Headers are short texts with letters; codes, numbers and long notes are not."""
    return 0 < len(text) <= 80 and any(ch.isalpha() for ch in text)


class Vocabulary:
    """All table specs of one fields file, with cached header scoring."""

    def __init__(
        self, tables: Mapping[str, TableSpec], path: Path, rules: MatchingRules | None = None
    ) -> None:
        self.tables = dict(tables)
        self.path = path
        self.rules = rules or _DEFAULT_RULES
        self._abbrev = self.rules.abbreviations
        self._stem_cache: dict[str, frozenset[str]] = {}
        self._word_cache: dict[str, tuple[str, ...]] = {}
        self._scores: dict[tuple[str, str], tuple[tuple[str, float, str], ...]] = {}
        self._guesses: dict[tuple[str, str], bool] = {}
        # Synonyms folded and stemmed once, and indexed by folded text and by stem: a header
        # can only score against a synonym it equals or shares a stem with, so a data cell
        # such as "Toyota" costs a few lookups instead of a comparison with every synonym.
        self._exact: dict[str, dict[str, list[str]]] = {}
        self._by_stem: dict[str, dict[str, list[tuple[str, str, frozenset[str]]]]] = {}
        self._negated: dict[str, bool] = {}
        for name, t in self.tables.items():
            exact: dict[str, list[str]] = {}
            by_stem: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
            for f in t.fields:
                for x in (f.name, *f.synonyms):
                    fs, b = fold(x), self.stems(x)
                    if not fs:
                        continue
                    exact.setdefault(fs, []).append(f.name)
                    for stem in b:
                        by_stem.setdefault(stem, []).append((f.name, fs, b))
            self._exact[name], self._by_stem[name] = exact, by_stem
        # Every stem a table's vocabulary knows: a header word outside it may change the
        # meaning of the words that matched ("Lease type", "Revised estimates").
        self._known = {
            name: frozenset(
                s for f in t.fields for x in (f.name, *f.synonyms) for s in self.stems(x)
            )
            for name, t in self.tables.items()
        }

    def table(self, name: str) -> TableSpec:
        return self.tables[name]

    def words(self, text: str) -> tuple[str, ...]:
        cached = self._word_cache.get(text)
        if cached is None:
            cached = self._word_cache[text] = _words(text, self._abbrev)
        return cached

    def stems(self, text: str) -> frozenset[str]:
        cached = self._stem_cache.get(text)
        if cached is None:
            cached = self._stem_cache[text] = frozenset(w[:_STEM] for w in self.words(text))
        return cached

    def score_header(self, table: str, header: str) -> dict[str, float]:
        """Best similarity of one header to each field of a table."""
        return {name: score for name, score, _ in self._score(table, header)}

    def match_columns(self, table: str, headers: Sequence[str]) -> dict[int, tuple[str, float]]:
        """The columns matched with confidence (proposals left out)."""
        return dict(self.match_row(table, headers).taken)

    def match_row(self, table: str, headers: Sequence[str]) -> RowMatch:
        """Assign columns to fields, highest scores first, each field and column at most once;
        then keep as taken only the confident matches, and propose the others."""
        rules = self.rules
        scored: dict[int, tuple[tuple[str, float, str], ...]] = {}
        candidates: list[tuple[bool, float, int, str, str]] = []
        # Blank labels skipped in one comprehension: a wide sheet's empty columns cost nothing.
        for col, header in [(c, h) for c, h in enumerate(headers) if h]:
            scores = self._score(table, header)
            scored[col] = scores
            for field_name, score, synonym in scores:
                if score >= rules.propose:
                    sure = score >= rules.take and not self._is_guess(header, synonym)
                    candidates.append((sure, score, -col, field_name, synonym))
        candidates.sort(reverse=True)
        taken_fields: set[str] = set()
        assigned: dict[int, tuple[str, float, str]] = {}
        for _, score, neg_col, field_name, synonym in candidates:
            col = -neg_col
            if col in assigned or field_name in taken_fields:
                continue
            assigned[col] = (field_name, score, synonym)
            taken_fields.add(field_name)
        taken: dict[int, tuple[str, float]] = {}
        proposed: dict[int, Match] = {}
        for col, (field_name, score, synonym) in assigned.items():
            guess = score < 1.0 and self._is_guess(headers[col], synonym)
            rival = ""
            if score < 1.0:
                rival = next(
                    (
                        other
                        for other, s, other_synonym in sorted(scored[col], key=lambda x: -x[1])
                        if other != field_name
                        and other not in taken_fields
                        and s >= max(rules.propose, score - rules.rival_margin)
                        and not self._is_guess(headers[col], other_synonym)
                    ),
                    "",
                )
            unknown = self._unknown_words(table, headers[col]) if score < 1.0 else ()
            if score >= rules.take and not guess and not rival and not unknown:
                taken[col] = (field_name, score)
            else:
                proposed[col] = Match(field_name, score, False, rival, guess, unknown)
        return RowMatch(taken, proposed)

    def match_key(self, table: str, key: str) -> Match | None:
        """A key of a key/value block read as a field: taken, proposed or (None) unknown."""
        row = self.match_row(table, [key])
        if 0 in row.taken:
            name, score = row.taken[0]
            return Match(name, score, True)
        return row.proposed.get(0)

    def _unknown_words(self, table: str, header: str) -> tuple[str, ...]:
        """Words of three letters or more that no synonym of the table uses (units such as
        "(V)" and numbers such as "2025" are not words)."""
        known = self._known[table]
        return tuple(
            w for w in self.words(header) if len(w) >= 3 and w.isalpha() and w[:_STEM] not in known
        )

    def _is_guess(self, header: str, synonym: str) -> bool:
        """True when a word of the header meets a word of the synonym only by their first
        letters: a stem collision, not the same word."""
        key = (header, synonym)
        cached = self._guesses.get(key)
        if cached is None:
            mine = {w[:_STEM]: w for w in self.words(header)}
            theirs = {w[:_STEM]: w for w in self.words(synonym)}
            cached = any(not _same_word(mine[s], theirs[s]) for s in mine.keys() & theirs.keys())
            self._guesses[key] = cached
        return cached

    def _negates(self, text: str) -> bool:
        cached = self._negated.get(text)
        if cached is None:
            cached = self._negated[text] = bool(
                self.rules.negations and set(fold(text).split()) & self.rules.negations
            )
        return cached

    def _score(self, table: str, header: str) -> tuple[tuple[str, float, str], ...]:
        """Per field: the best score and the synonym (folded) that gave it."""
        key = (table, header)
        cached = self._scores.get(key)
        if cached is None:
            out = []
            if could_be_header(header) and fold(header) not in self.rules.ignore:
                fh, a = fold(header), self.stems(header)
                forms = [(fh, a)]
                if len(fh) > 2 and all(len(w) == 1 for w in fh.split()):
                    # "N.S.N.", "S/N": initials written apart are the acronym
                    joined = fh.replace(" ", "")
                    forms.append((joined, self.stems(joined)))
                # "Non disponibles", "Hors service": a negated header never means the field
                # its other words name, unless the synonym carries the negation too.
                negated = self._negates(header)
                best: dict[str, tuple[float, str]] = {}
                exact, by_stem = self._exact[table], self._by_stem[table]
                for h, hs in forms:
                    for name in exact.get(h, ()):
                        best[name] = (1.0, h)
                    for stem in hs:
                        for name, fs, b in by_stem.get(stem, ()):
                            score = _blend(h, hs, fs, b)
                            if negated and not self._negates(fs):
                                continue
                            held, synonym = best.get(name, (0.0, ""))
                            # On a tie, a synonym sharing whole words beats one that only
                            # shares first letters ("unite" over "detenteur").
                            if score > held or (
                                score == held
                                and held < 1.0
                                and self._is_guess(header, synonym)
                                and not self._is_guess(header, fs)
                            ):
                                best[name] = (score, fs)
                out = [
                    (f.name, best[f.name][0], best[f.name][1])
                    for f in self.tables[table].fields
                    if best.get(f.name, (0.0, ""))[0] > 0
                ]
            cached = self._scores[key] = tuple(out)
        return cached


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """The import vocabulary: a given fields file alone, or by default the shipped one with
    the user's fields.toml merged in (user_files.py). Errors name the file and table/field."""
    if path is not None:
        return _load_file_cached(str(Path(path)))
    return vocabulary_layers().value


def vocabulary_layers() -> Layered[Vocabulary]:
    """The default vocabulary and what became of the user's fields.toml (merged or ignored)."""
    return _layers_cached(str(fields_path()), stamp(FIELDS))


@functools.lru_cache(maxsize=4)
def _layers_cached(shipped: str, user: object) -> Layered[Vocabulary]:
    # `user` (the user file's path, time and size) is in the key so an edit is seen at once.
    return layered(FIELDS, build_vocabulary)


@functools.lru_cache(maxsize=4)
def _load_file_cached(path: str) -> Vocabulary:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleSetError(
            f"Cannot read the field vocabulary {p.name}: {exc}",
            f"Impossible de lire le vocabulaire des colonnes {p.name} : {exc}",
            reason="vocabulary_invalid",
        ) from exc
    return build_vocabulary(data, str(p))


def build_vocabulary(data: Mapping[str, Any], label: str) -> Vocabulary:
    """Validate fields-file data; `label` (the file) names the place in errors."""
    p = Path(label)
    try:
        return _build_vocabulary(data, p)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        # A value of the wrong shape (a number where a table is expected): say where.
        raise RuleSetError(
            f"{p}: a value has the wrong form ({type(exc).__name__}: {exc})",
            f"{p} : une valeur n’a pas la forme attendue ({type(exc).__name__} : {exc})",
            hint="Compare the file with the shipped rules/fields.toml.",
            hint_fr="Comparez le fichier avec rules/fields.toml livré.",
            reason="vocabulary_invalid",
        ) from exc


def _build_vocabulary(data: Mapping[str, Any], p: Path) -> Vocabulary:
    tables: dict[str, TableSpec] = {}
    dates = date_rules(data)
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
            synonyms = f.get("synonyms", [])
            if not isinstance(synonyms, list) or not all(isinstance(x, str) for x in synonyms):
                raise RuleSetError(
                    f"{p.name}: table '{name}', field {f['name']}: synonyms must be a list of "
                    'texts, e.g. synonyms = ["serial", "n° de série"]',
                    f"{p.name} : table « {name} », champ {f['name']} : synonyms doit être une "
                    'liste de textes, par exemple synonyms = ["serial", "n° de série"]',
                    reason="vocabulary_invalid",
                )
            bounds = {k: f.get(k) for k in ("min", "max", "years_ahead")}
            if any(
                v is not None and (isinstance(v, bool) or not isinstance(v, int | float))
                for v in bounds.values()
            ):
                raise RuleSetError(
                    f"{p.name}: table '{name}', field {f['name']}: min, max and years_ahead "
                    "must be numbers",
                    f"{p.name} : table « {name} », champ {f['name']} : min, max et years_ahead "
                    "doivent être des nombres",
                    reason="vocabulary_invalid",
                )
            fields.append(
                FieldSpec(
                    f["name"],
                    ftype,
                    tuple(synonyms),
                    None if bounds["min"] is None else float(bounds["min"]),
                    None if bounds["max"] is None else float(bounds["max"]),
                    None if bounds["years_ahead"] is None else int(bounds["years_ahead"]),
                )
            )
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
            informs=tuple(str(k) for k in raw.get("informs", ())),
            blank_allowed=tuple(str(k) for k in raw.get("blank_allowed", ())),
            dates=dates,
        )
    return Vocabulary(tables, p, _matching_rules(data, p))


def _matching_rules(data: Mapping[str, object], p: Path) -> MatchingRules:
    raw = data.get("matching", {})
    abbreviations = data.get("abbreviations", {})
    if not isinstance(raw, dict) or not isinstance(abbreviations, dict):
        raise RuleSetError(
            f"{p.name}: [matching] and [abbreviations] must be tables",
            f"{p.name} : [matching] et [abbreviations] doivent être des tables",
            reason="vocabulary_invalid",
        )
    try:
        take = float(raw.get("take", TAKE_THRESHOLD))
        propose = float(raw.get("propose", PROPOSE_THRESHOLD))
        margin = float(raw.get("rival_margin", RIVAL_MARGIN))
    except (TypeError, ValueError) as exc:
        raise RuleSetError(
            f"{p.name}: [matching] thresholds must be numbers ({exc})",
            f"{p.name} : les seuils de [matching] doivent être des nombres ({exc})",
            reason="vocabulary_invalid",
        ) from exc
    if not 0 < propose <= take <= 1:
        raise RuleSetError(
            f"{p.name}: [matching] needs 0 < propose <= take <= 1 (got {propose}, {take})",
            f"{p.name} : [matching] exige 0 < propose <= take <= 1 ({propose}, {take})",
            reason="vocabulary_invalid",
        )
    expansions = dict(_ABBREVIATIONS)
    expansions.update({fold(k): fold(v) for k, v in abbreviations.items() if fold(k)})
    return MatchingRules(
        take=take,
        propose=propose,
        rival_margin=margin,
        negations=frozenset(fold(w) for w in raw.get("negations", ()) if fold(w)),
        ignore=frozenset(fold(w) for w in raw.get("ignore", ()) if fold(w)),
        abbreviations=expansions,
    )
