"""Rule sets as data: load a TOML rule file, validate it, and write a modified copy back.

A rule set names its families (with weights), its verdict bands, global parameters, the category
vocabulary with reference data per category (service life, consumption, maintenance hours…), and
its rules. Each rule names a *kind* from the engine's closed registry; loading checks every rule
against the kind's declared parameters and condition placeholders, so a bad file fails here with
the file, the rule id and the key named, never later during an assessment.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .assessment import Text
from .engine.registry import KINDS
from .errors import RuleSetError
from .normalise import category_key
from .render import renderer
from .resources import default_ruleset_path, rules_dir
from .user_files import user_rules_dir

# {name} or {name|singular|plural}; only the name is captured (see engine.wording.fill).
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\|[^{}|]*\|[^{}|]*)?\}")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
NO_SOURCE = Text("", "")


@dataclass(frozen=True)
class FamilyDef:
    id: str
    title: Text
    weight: float


ON_KNOCKOUT = ("condition", "redirect", "decline")


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    kind: str
    title: Text
    explanation: Text
    weight: float
    knockout: bool
    params: Mapping[str, Any]
    condition: Text
    # Where the criterion and its thresholds come from, in each language ("[O]" marks a
    # threshold suggested for tuning); a rule file may give one text for both.
    source: Text
    # What a failed knock-out leaves possible: "condition" (its condition lifts it: the verdict
    # is at best "conditional", e.g. "the donor funds the RHD-to-LHD conversion"), "redirect"
    # (only a smaller quantity or another model fits) or "decline" (nothing does).
    on_knockout: str = "decline"
    condition_when_unknown: bool = False
    # Its condition must be met before acceptance (an "accept" never carries one).
    condition_mandatory: bool = False
    # When its data is missing, it is judged at its worst case and asks for the figure.
    critical: bool = False

    @property
    def knockout_removable(self) -> bool:
        return self.on_knockout == "condition"


@dataclass(frozen=True)
class VerdictBands:
    """Lower bounds of the accept, conditional and redirect bands; below redirect is decline."""

    accept: float
    conditional: float
    redirect: float
    source: Text = NO_SOURCE


@dataclass(frozen=True)
class CategoryDef:
    """A canonical equipment category, its synonyms (French and English) and reference data."""

    id: str
    title: Text
    synonyms: tuple[str, ...]
    reference: Mapping[str, Any]
    source: Text = NO_SOURCE


@dataclass(frozen=True)
class CategoryVocabulary:
    categories: Mapping[str, CategoryDef]
    _exact: Mapping[str, str] = field(init=False, repr=False, compare=False)
    _phrases: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exact: dict[str, str] = {}
        for cat in self.categories.values():
            for syn in (cat.id, cat.title.en, cat.title.fr, *cat.synonyms):
                exact.setdefault(category_key(syn), cat.id)
        # Longest phrase first: "vehicule blinde" must win over "vehicule".
        phrases = tuple(sorted(exact.items(), key=lambda kv: (-len(kv[0]), kv[0])))
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_phrases", phrases)

    def match(self, text: object) -> str | None:
        """Canonical category id for a category name in French or English; None if not known."""
        key = category_key(text)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        padded = f" {key} "
        for phrase, cat in self._phrases:
            if phrase and f" {phrase} " in padded:
                return cat
        return None

    def canonical(self, text: object) -> str:
        """The category id, or the folded text itself so two unknown spellings still meet."""
        found = self.match(text)
        return found if found is not None else "other:" + category_key(text)

    def title(self, cat: str) -> Text:
        if cat in self.categories:
            return self.categories[cat].title
        name = cat.removeprefix("other:")
        return Text(name, name)

    def reference(self, cat: str) -> Mapping[str, Any]:
        found = self.categories.get(cat)
        return found.reference if found else MappingProxyType({})


@dataclass(frozen=True)
class RuleSet:
    name: str
    version: str
    sha256: str
    path: str | None
    families: Mapping[str, FamilyDef]
    rules: tuple[Rule, ...]
    verdict_bands: VerdictBands
    parameters: Mapping[str, Any]
    categories: CategoryVocabulary
    description: Text = field(default_factory=lambda: Text("", ""))
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)
    # The text of the file it was read from, kept so a save changes only what was changed and
    # keeps the file's comments and layout; what-if copies carry their base's text.
    source: str = field(default="", repr=False, compare=False)
    title: Text | None = None  # the name in both languages, when the file gives both

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.rules})

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError if there is none)."""
        by_id: dict[str, Rule] = self.__dict__["_by_id"]
        return by_id[rule_id]

    def param(self, key: str, default: Any = None) -> Any:
        return self.parameters.get(key, default)

    def with_family_weights(self, weights: Mapping[str, float]) -> RuleSet:
        """A copy with some family weights changed (what-if sliders); unknown ids are an error."""
        raw = _thaw(self.raw)
        for fam, weight in weights.items():
            if fam not in self.families:
                raise _error(
                    self.path, f"family {fam}", "weight", "unknown family", "famille inconnue"
                )
            raw["families"][fam]["weight"] = float(weight)
        return _rebuilt(raw, self)

    def with_rule_weights(self, weights: Mapping[str, float]) -> RuleSet:
        raw = _thaw(self.raw)
        by_id = {r["id"]: r for r in raw["rules"]}
        for rule_id, weight in weights.items():
            if rule_id not in by_id:
                raise _error(self.path, rule_id, "weight", "unknown rule", "règle inconnue")
            by_id[rule_id]["weight"] = float(weight)
        return _rebuilt(raw, self)

    def to_toml(self) -> str:
        """The rule set as TOML text that load_ruleset() reads back to an equal rule set: the
        file it was read from with the changed values written in (comments and layout kept),
        or, for a rule set made in memory, a fresh text."""
        if not self.source:
            return dump_toml(self.raw)
        from .toml_edit import with_values

        return with_values(self.source, _thaw(self.raw))


@dataclass(frozen=True)
class RuleSetFile:
    """A rule set the user can choose: shipped, or in the user's folder."""

    path: Path
    user: bool


def available_rulesets() -> list[RuleSetFile]:
    """The shipped rule sets and the user's (user_files.py), by file name; a user rule set
    named like a shipped one (default.toml) replaces it."""
    found = {p.name: RuleSetFile(p, False) for p in _shipped_rulesets(str(rules_dir()))}
    found.update({p.name: RuleSetFile(p, True) for p in sorted(user_rules_dir().glob("*.toml"))})
    return sorted(found.values(), key=lambda f: (f.path.name != "default.toml", f.path.name))


@functools.cache
def _shipped_rulesets(folder: str) -> tuple[Path, ...]:
    # The shipped folder does not change while the application runs: read its files once.
    return tuple(p for p in sorted(Path(folder).glob("*.toml")) if is_ruleset_file(p))


def default_ruleset_file() -> RuleSetFile:
    """The rule set used when none is named: the user's default.toml when it loads, else the
    shipped one (the user's file, if broken, is reported by user_data.ignored_user_files)."""
    user = user_rules_dir() / default_ruleset_path().name
    if user.is_file():
        try:
            load_ruleset(user)
            return RuleSetFile(user, True)
        except RuleSetError:
            pass
    return RuleSetFile(default_ruleset_path(), False)


def load_ruleset(path: str | os.PathLike[str] | None = None) -> RuleSet:
    """Read and validate a rule file; None loads the default rule set (default_ruleset_file)."""
    target = Path(path) if path is not None else default_ruleset_file().path
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise RuleSetError(
            f"cannot read the rule file: {exc.strerror or exc}",
            f"impossible de lire le fichier de règles\u00a0: {exc.strerror or exc}",
            hint="Check the path given with --rules.",
            hint_fr="Vérifiez le chemin donné avec --rules.",
            place=_place(str(target)),
            reason="rules_unreadable",
        ) from exc
    return parse_ruleset(data, str(target))


def parse_ruleset(data: bytes, path: str | None = None) -> RuleSet:
    """Validate rule-file bytes; `path` only names the file in error messages."""
    label = path or "<rules>"
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _error(
            label, None, None, "the file is not UTF-8 text", "le fichier n’est pas un texte UTF-8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise _error(
            label, None, None, f"TOML syntax error: {exc}", f"erreur de syntaxe TOML : {exc}"
        ) from exc
    built = _build(raw, hashlib.sha256(data).hexdigest(), path)
    return replace(built, source=data.decode("utf-8"))


def is_ruleset_file(path: str | os.PathLike[str]) -> bool:
    """True for rule sets (a top-level [ruleset] table), False for vocabularies like fields.toml."""
    try:
        return "ruleset" in tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


# --- building and validation -------------------------------------------------------------------


def _place(path: str | None) -> Any:
    from .model import Place

    return Place(file=Path(path).name if path else "<rules>")


def _error(path: str | None, rule: str | None, key: str | None, en: str, fr: str) -> RuleSetError:
    where_en = " ".join(
        p for p in (f"rule {rule}" if rule else "", f"key '{key}'" if key else "") if p
    )
    where_fr = " ".join(
        p for p in (f"règle {rule}" if rule else "", f"clé «\u00a0{key}\u00a0»" if key else "") if p
    )
    return RuleSetError(
        f"{where_en}: {en}" if where_en else en,
        f"{where_fr} : {fr}" if where_fr else fr,
        hint="Correct the rule file (see docs/rules.md) or use the default rules.",
        hint_fr="Corrigez le fichier de règles (voir docs/rules.md) ou utilisez les règles par défaut.",
        place=_place(path),
        reason="invalid_rules",
    )


class _Ctx:
    def __init__(self, path: str | None) -> None:
        self.path = path

    def fail(self, rule: str | None, key: str | None, en: str, fr: str) -> RuleSetError:
        return _error(self.path, rule, key, en, fr)

    def table(self, obj: Mapping[str, Any], key: str, rule: str | None) -> Mapping[str, Any]:
        value = obj.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(rule, key, "a table is required", "une table est requise")
        return value

    def text(
        self, obj: Mapping[str, Any], key: str, rule: str | None, required: bool = True
    ) -> Text:
        value = obj.get(key)
        if value is None and not required:
            return Text("", "")
        if not isinstance(value, Mapping):
            raise self.fail(
                rule, key, 'expected { en = "…", fr = "…" }', 'attendu { en = "…", fr = "…" }'
            )
        en, fr = value.get("en"), value.get("fr")
        if not isinstance(en, str) or not isinstance(fr, str) or not en.strip() or not fr.strip():
            raise self.fail(
                rule,
                key,
                "both an English (en) and a French (fr) text are required",
                "un texte en anglais (en) et en français (fr) sont requis",
            )
        return Text(en, fr)

    def number(
        self, obj: Mapping[str, Any], key: str, rule: str | None, default: float | None = None
    ) -> float:
        value = obj.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise self.fail(rule, key, "a finite number is required", "un nombre fini est requis")
        if value < 0:
            raise self.fail(rule, key, "must not be negative", "ne doit pas être négatif")
        return float(value)

    def source(
        self, obj: Mapping[str, Any], key: str, rule: str | None, required: bool = True
    ) -> Text:
        """A reference to sources: one text for both languages, or { en = "…", fr = "…" }."""
        value = obj.get(key)
        if isinstance(value, Mapping):
            return self.text(obj, key, rule)
        if not required and (value is None or value == ""):
            return NO_SOURCE
        text = self.string(obj, key, rule)
        return Text(text, text)

    def string(
        self, obj: Mapping[str, Any], key: str, rule: str | None, default: str | None = None
    ) -> str:
        value = obj.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                rule, key, "a non-empty text is required", "un texte non vide est requis"
            )
        return value


def _build(raw: Mapping[str, Any], sha256: str, path: str | None) -> RuleSet:
    ctx = _Ctx(path)
    head = ctx.table(raw, "ruleset", None)
    # The name may be given in both languages, as the report shows it in the reader's.
    title = ctx.text(head, "name", None) if isinstance(head.get("name"), dict) else None
    name = title.en if title is not None else ctx.string(head, "name", None)
    version = str(head.get("version", "")).strip()
    if not version:
        raise ctx.fail(None, "ruleset.version", "a version is required", "une version est requise")
    description = ctx.text(head, "description", None, required=False)

    bands_raw = ctx.table(raw, "verdict_bands", None)
    bands = VerdictBands(
        accept=ctx.number(bands_raw, "accept", None),
        conditional=ctx.number(bands_raw, "conditional", None),
        redirect=ctx.number(bands_raw, "redirect", None),
        source=ctx.source(bands_raw, "source", None, required=False),
    )
    if not (100 >= bands.accept > bands.conditional > bands.redirect >= 0):
        raise ctx.fail(
            None,
            "verdict_bands",
            "bands must satisfy 100 ≥ accept > conditional > redirect ≥ 0",
            "les seuils doivent vérifier 100 ≥ accept > conditional > redirect ≥ 0",
        )

    families: dict[str, FamilyDef] = {}
    for fam_id, fam in ctx.table(raw, "families", None).items():
        if not isinstance(fam, Mapping):
            raise ctx.fail(
                None, f"families.{fam_id}", "a table is required", "une table est requise"
            )
        families[fam_id] = FamilyDef(
            fam_id,
            ctx.text(fam, "title", f"family {fam_id}"),
            ctx.number(fam, "weight", f"family {fam_id}"),
        )
    if not families:
        raise ctx.fail(
            None, "families", "at least one family is required", "au moins une famille est requise"
        )

    parameters = dict(raw.get("parameters", {}))
    _check_parameters(ctx, parameters)
    categories = _build_categories(ctx, raw.get("categories", {}))

    rules_raw = raw.get("rules")
    if not isinstance(rules_raw, list) or not rules_raw:
        raise ctx.fail(
            None,
            "rules",
            "at least one [[rules]] entry is required",
            "au moins une entrée [[rules]] est requise",
        )
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, item in enumerate(rules_raw, start=1):
        if not isinstance(item, Mapping):
            raise ctx.fail(f"#{index}", None, "a table is required", "une table est requise")
        rule_id = item.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            raise ctx.fail(
                f"#{index}",
                "id",
                "a rule id such as COMP-01 is required",
                "un identifiant de règle tel que COMP-01 est requis",
            )
        if rule_id in seen:
            raise ctx.fail(
                rule_id, "id", "this id is used twice", "cet identifiant est utilisé deux fois"
            )
        seen.add(rule_id)
        rules.append(_build_rule(ctx, item, rule_id, families, KINDS))

    return RuleSet(
        name=name,
        title=title,
        version=version,
        sha256=sha256,
        path=path,
        families=MappingProxyType(families),
        rules=tuple(rules),
        verdict_bands=bands,
        parameters=MappingProxyType(parameters),
        categories=categories,
        description=description,
        raw=_freeze(raw),
    )


_GLOBAL_NUMBERS = (
    "horizon_years",
    "vehicles_per_mechanic",
    "pass_at",
    "fail_below",
    "sensitivity_range",
    "pledge_window_months",
    "max_evidence_rows",
)


def _check_parameters(ctx: _Ctx, params: Mapping[str, Any]) -> None:
    for key in _GLOBAL_NUMBERS:
        if key in params:
            ctx.number(params, key, None)
    if params.get("vehicles_per_mechanic", 1) == 0:
        raise ctx.fail(
            None,
            "parameters.vehicles_per_mechanic",
            "must be above zero",
            "doit être supérieur à zéro",
        )
    rates = params.get("exchange_rates", {})
    if not isinstance(rates, Mapping):
        raise ctx.fail(
            None, "parameters.exchange_rates", "a table is required", "une table est requise"
        )
    for pair in rates:
        if not re.fullmatch(r"[A-Z]{3}_[A-Z]{3}", pair):
            raise ctx.fail(
                None,
                f"parameters.exchange_rates.{pair}",
                "keys look like EUR_XOF",
                "les clés sont de la forme EUR_XOF",
            )
        ctx.number(rates, pair, None)


_REFERENCE_NUMBERS = (
    "life_years",
    "life_km",
    "life_hours",
    "maintenance_hours_per_year",
    "fuel_l_per_100km",
    "fuel_l_per_hour",
    "km_per_year",
    "hours_per_year",
    "maintenance_cost_ratio",
    "parts_cost_ratio",
    "crew_per_unit",
    "reference_unit_value",
    "spare_items_per_year",
)


def _build_categories(ctx: _Ctx, raw: Any) -> CategoryVocabulary:
    if not isinstance(raw, Mapping):
        raise ctx.fail(None, "categories", "a table is required", "une table est requise")
    cats: dict[str, CategoryDef] = {}
    for cat_id, item in raw.items():
        where = f"categories.{cat_id}"
        if not isinstance(item, Mapping):
            raise ctx.fail(None, where, "a table is required", "une table est requise")
        synonyms = item.get("synonyms", [])
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            raise ctx.fail(
                None,
                f"{where}.synonyms",
                "a list of texts is required",
                "une liste de textes est requise",
            )
        reference = {k: v for k, v in item.items() if k not in {"title", "synonyms", "source"}}
        for key in _REFERENCE_NUMBERS:
            if key in reference:
                ctx.number(reference, key, where)
        for key in ("road_vehicle", "major_item"):
            if key in reference and not isinstance(reference[key], bool):
                raise ctx.fail(
                    None, f"{where}.{key}", "true or false is required", "true ou false est requis"
                )
        cats[cat_id] = CategoryDef(
            cat_id,
            ctx.text(item, "title", where),
            tuple(synonyms),
            MappingProxyType(reference),
            ctx.source(item, "source", where, required=False),
        )
    return CategoryVocabulary(MappingProxyType(cats))


def _build_rule(
    ctx: _Ctx,
    item: Mapping[str, Any],
    rule_id: str,
    families: Mapping[str, FamilyDef],
    kinds: Mapping[str, Any],
) -> Rule:
    family = ctx.string(item, "family", rule_id)
    if family not in families:
        raise ctx.fail(
            rule_id, "family", f"unknown family '{family}'", f"famille inconnue « {family} »"
        )
    kind_name = ctx.string(item, "kind", rule_id)
    kind = kinds.get(kind_name)
    if kind is None:
        raise ctx.fail(
            rule_id,
            "kind",
            f"unknown kind '{kind_name}' (see docs/rules.md)",
            f"type de règle inconnu «\u00a0{kind_name}\u00a0» (voir docs/rules.md)",
        )
    knockout = item.get("knockout", False)
    removable = item.get("knockout_removable", False)
    when_unknown = item.get("condition_when_unknown", False)
    mandatory = item.get("condition_mandatory", False)
    critical = item.get("critical", False)
    for key, value in (
        ("knockout", knockout),
        ("knockout_removable", removable),
        ("condition_when_unknown", when_unknown),
        ("condition_mandatory", mandatory),
        ("critical", critical),
    ):
        if not isinstance(value, bool):
            raise ctx.fail(rule_id, key, "true or false is required", "true ou false est requis")
    on_knockout = item.get("on_knockout", "condition" if removable else "decline")
    if on_knockout not in ON_KNOCKOUT:
        raise ctx.fail(
            rule_id,
            "on_knockout",
            f"one of {', '.join(ON_KNOCKOUT)} is required",
            f"une des valeurs {', '.join(ON_KNOCKOUT)} est requise",
        )
    params_raw = item.get("params", {})
    if not isinstance(params_raw, Mapping):
        raise ctx.fail(rule_id, "params", "a table is required", "une table est requise")
    params = dict(kind.defaults())
    for key, value in params_raw.items():
        spec = kind.params.get(key)
        if spec is None:
            known = ", ".join(sorted(kind.params)) or "none"
            raise ctx.fail(
                rule_id,
                f"params.{key}",
                f"unknown parameter for kind '{kind_name}' (known: {known})",
                f"paramètre inconnu pour le type «\u00a0{kind_name}\u00a0» (connus\u00a0: {known})",
            )
        problem = spec.check(value)
        if problem:
            en, fr = (renderer(lang).message(problem) for lang in ("en", "fr"))
            raise ctx.fail(rule_id, f"params.{key}", en, fr)
        params[key] = value
    condition = ctx.text(item, "condition", rule_id)
    for lang_text in (condition.en, condition.fr):
        for name in PLACEHOLDER.findall(lang_text):
            if name not in kind.placeholders:
                allowed = ", ".join(sorted(kind.placeholders))
                raise ctx.fail(
                    rule_id,
                    "condition",
                    f"placeholder {{{name}}} is not provided by kind '{kind_name}' (available: {allowed})",
                    f"la variable {{{name}}} n’est pas fournie par le type «\u00a0{kind_name}\u00a0» (disponibles\u00a0: {allowed})",
                )
    return Rule(
        id=rule_id,
        family=family,
        kind=kind_name,
        title=ctx.text(item, "title", rule_id),
        explanation=ctx.text(item, "explanation", rule_id),
        weight=ctx.number(item, "weight", rule_id),
        knockout=knockout,
        params=MappingProxyType(params),
        condition=condition,
        source=ctx.source(item, "source", rule_id),
        on_knockout=on_knockout,
        condition_when_unknown=when_unknown,
        condition_mandatory=mandatory,
        critical=critical,
    )


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _rebuilt(raw: Mapping[str, Any], base: RuleSet) -> RuleSet:
    text = dump_toml(raw)
    built = _build(raw, hashlib.sha256(text.encode("utf-8")).hexdigest(), base.path)
    return replace(built, path=None, source=base.source)


# --- a small TOML writer (the standard library only reads TOML) --------------------------------

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            repr(value)
            if math.isfinite(value)
            else ("nan" if math.isnan(value) else ("inf" if value > 0 else "-inf"))
        )
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + " }"
    if isinstance(value, Sequence):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_array(value: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
    )


def _inline(value: Mapping[str, Any]) -> bool:
    """Small tables of scalars (such as { en = …, fr = … }) are written inline."""
    return len(value) <= 4 and all(
        not isinstance(v, Mapping) and not _is_table_array(v) for v in value.values()
    )


def dump_toml(data: Mapping[str, Any]) -> str:
    lines: list[str] = []
    _dump_table(data, [], lines, top=True)
    return "\n".join(lines).strip() + "\n"


def _dump_table(
    data: Mapping[str, Any], prefix: list[str], lines: list[str], top: bool = False
) -> None:
    tables: list[tuple[str, Mapping[str, Any]]] = []
    arrays: list[tuple[str, Sequence[Mapping[str, Any]]]] = []
    for key, value in data.items():
        if isinstance(value, Mapping):
            if not top and _inline(value):
                lines.append(f"{_key(key)} = {_scalar(value)}")
            else:
                tables.append((key, value))
        elif _is_table_array(value):
            arrays.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in tables:
        path = [*prefix, key]
        lines.append("")
        lines.append("[" + ".".join(_key(p) for p in path) + "]")
        _dump_table(value, path, lines)
    for key, items in arrays:
        path = [*prefix, key]
        for item in items:
            lines.append("")
            lines.append("[[" + ".".join(_key(p) for p in path) + "]]")
            _dump_table(item, path, lines)
