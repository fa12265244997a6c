"""Assessments built directly from the contract dataclasses, for the report and export tests.

The sample reads like a real case: a three-line offer of vehicles to an army in the Sahel, with
one good fit, one new type the workshops cannot yet support, and one line with a blocking fuel
mismatch that a condition lifts. Sensitive evidence carries distinctive numbers and place names
so tests can prove the shareable version does not leak them.
"""

from __future__ import annotations

import datetime as dt

from donation_checker.assessment import (
    Assessment,
    CategoryImpact,
    Condition,
    CostYear,
    CounterProposal,
    FamilySensitivity,
    Finding,
    InputRecord,
    LifecycleCost,
    LineAssessment,
    LineCost,
    RowRef,
    Sensitivity,
    Status,
    Text,
    Verdict,
)
from donation_checker.assessment import Evidence as EvidenceItem
from donation_checker.messages import (
    Message,
    Value,
    count,
    money,
    number,
    place,
    text,
    untyped,
)
from donation_checker.messages import model as model_name
from donation_checker.model import OfferHeader

# Values the shareable version must never show (recipient holdings and locations).
SENSITIVE_NUMBERS = ("4821", "137", "3907", "58213")
SENSITIVE_PLACES = ("Tessalit-Nord", "Camp Boiteux")
HEADROOM = 312_450_000.0  # recipient budget headroom, withheld when shared

FAMILIES = (
    "compatibility",
    "spares",
    "maintenance",
    "absorption",
    "condition",
    "ownership",
    "documentation",
)
WEIGHTS = {
    "compatibility": 25.0,
    "spares": 20.0,
    "maintenance": 20.0,
    "absorption": 15.0,
    "condition": 10.0,
    "ownership": 5.0,
    "documentation": 5.0,
}

_MODELS = (
    ("Toyota Land Cruiser 79 pick-up", 20, "Light vehicles"),
    ("Mercedes-Benz Unimog U4000", 12, "Medium trucks"),
    ("Renault Master ambulance", 6, "Ambulances"),
)


def _t(en: str, fr: str) -> Text:
    return Text(en=en, fr=fr)


def _m(en: str, fr: str) -> Message:
    """A finished sentence with no typed values: the shareable version never shows it."""
    return untyped(Text(en=en, fr=fr))


def _v(value: object, unit: str = "", sensitive: bool = False) -> Value:
    topic = "holdings" if sensitive else ""
    if isinstance(value, str):
        return place(value) if sensitive else text(value)
    assert isinstance(value, int | float)
    if unit.startswith("FCFA"):
        return money(value, unit)
    return count(value, topic) if isinstance(value, int) and unit != "km" else number(value, topic)


def Evidence(
    key: str,
    label: Text,
    value: object,
    unit: str = "",
    sensitive: bool = False,
    rows: tuple[RowRef, ...] = (),
) -> EvidenceItem:
    return EvidenceItem(key, label, _v(value, unit, sensitive), rows)


def _line_findings(i: int) -> list[Finding]:
    kind = i % 3
    rows = tuple(RowRef("fleet", "Parc", 12 + i * 3 + k) for k in range(3 if kind == 0 else 12))
    if kind == 0:
        return [
            Finding(
                rule_id="COMP-01",
                family="compatibility",
                title=_t("Commonality with the fleet", "Communauté avec le parc"),
                line=i,
                score=100.0,
                status=Status.PASS,
                weight=3.0,
                knockout=False,
                message=_m(
                    "Same model already in service: 137 units, 4821 vehicles in the category.",
                    "Même modèle déjà en service : 137 unités, 4821 véhicules dans la catégorie.",
                ),
                evidence=(
                    Evidence(
                        "units_same_model",
                        _t("Units of this model in the fleet", "Unités de ce modèle au parc"),
                        137,
                        "units",
                        sensitive=True,
                        rows=rows,
                    ),
                    Evidence(
                        "category_units",
                        _t("Vehicles in the category", "Véhicules dans la catégorie"),
                        4821,
                        "",
                        sensitive=True,
                    ),
                ),
                source=Text(
                    "NATO AAP-06 standardisation levels; EDA practice (S13, S19)",
                    "niveaux de standardisation NATO AAP-06 ; pratique de l’EDA (S13, S19)",
                ),
            ),
            Finding(
                rule_id="COND-01",
                family="condition",
                title=_t("Remaining economic life", "Durée de vie économique restante"),
                line=i,
                score=50.0,
                status=Status.WARN,
                weight=2.0,
                knockout=False,
                message=_m(
                    "Built 2016 with 182,000 km: 38% of the economic life remains.",
                    "Construit en 2016, 182 000 km : il reste 38 % de la durée de vie économique.",
                ),
                evidence=(
                    Evidence("year", _t("Model year", "Année modèle"), 2016),
                    Evidence("odometer", _t("Odometer", "Compteur"), 182000, "km"),
                    Evidence("remaining", _t("Life remaining", "Vie restante"), 38, "%"),
                ),
                source=Text(
                    "Life benchmarks by category (S21, S23)",
                    "durées de vie de référence par catégorie (S21, S23)",
                ),
            ),
        ]
    if kind == 1:
        return [
            Finding(
                rule_id="MAINT-01",
                family="maintenance",
                title=_t("Qualified mechanics", "Mécaniciens qualifiés"),
                line=i,
                score=20.0,
                status=Status.FAIL,
                weight=3.0,
                knockout=False,
                message=_m(
                    "3907 mechanics on strength at Tessalit-Nord but none qualified on Unimog; "
                    "9 needed.",
                    "3907 mécaniciens à Tessalit-Nord mais aucun qualifié Unimog ; 9 nécessaires.",
                ),
                evidence=(
                    Evidence(
                        "mechanics",
                        _t("Mechanics on strength", "Mécaniciens en poste"),
                        3907,
                        "",
                        sensitive=True,
                        rows=rows,
                    ),
                    Evidence(
                        "workshop",
                        _t("Nearest workshop", "Atelier le plus proche"),
                        "Tessalit-Nord",
                        sensitive=True,
                    ),
                    Evidence("required", _t("Mechanics required", "Mécaniciens nécessaires"), 9),
                ),
                source=Text(
                    "One mechanic per 12 vehicles (S25)", "un mécanicien pour 12 véhicules (S25)"
                ),
                condition=Condition(
                    "MAINT-01",
                    i,
                    _m(
                        "Maintenance training for 9 mechanics on the Unimog before handover, with "
                        "the special tools and diagnostic kit.",
                        "Formation de 9 mécaniciens sur Unimog avant la remise, avec l’outillage "
                        "spécial et la valise de diagnostic.",
                    ),
                ),
            ),
            Finding(
                rule_id="DOC-01",
                family="documentation",
                title=_t("Manuals in the working language", "Manuels dans la langue de travail"),
                line=i,
                score=50.0,
                status=Status.WARN,
                weight=1.0,
                knockout=False,
                message=_m(
                    "Operator and workshop manuals in English only.",
                    "Manuels d’utilisation et d’atelier en anglais seulement.",
                ),
                evidence=(
                    Evidence(
                        "manuals_language", _t("Manual languages", "Langues des manuels"), "en"
                    ),
                ),
                source=Text(
                    "WHO donation guidelines (S8)", "principes de l’OMS pour les dons (S8)"
                ),
            ),
            Finding(
                rule_id="SPARE-01",
                family="spares",
                title=_t("Initial spares package", "Lot initial de pièces"),
                line=i,
                score=None,
                status=Status.UNKNOWN,
                weight=3.0,
                knockout=False,
                message=_m(
                    "The offer does not say how many months of spares are included.",
                    "L’offre ne précise pas combien de mois de pièces sont inclus.",
                ),
                source=Text("DSCA SAMM C5 (24 months)", "DSCA SAMM C5 (24 mois)"),
            ),
        ]
    return [
        Finding(
            rule_id="COMP-04",
            family="compatibility",
            title=_t("Fuel in the supply chain", "Carburant disponible"),
            line=i,
            score=0.0,
            status=Status.FAIL,
            weight=3.0,
            knockout=True,
            message=_m(
                "Petrol engine; the army's depots at Camp Boiteux hold diesel and jet fuel only.",
                "Moteur essence ; les dépôts de Camp Boiteux ne stockent que gazole et "
                "carburéacteur.",
            ),
            evidence=(
                Evidence("fuel", _t("Fuel", "Carburant"), "petrol"),
                Evidence(
                    "depot", _t("Fuel depot", "Dépôt de carburant"), "Camp Boiteux", sensitive=True
                ),
            ),
            source=Text("TPA support package example (S14)", "exemple de lot de soutien TPA (S14)"),
            condition=Condition(
                "COMP-04",
                i,
                _m(
                    "Supply the diesel version of the ambulance.",
                    "Fournir la version gazole de l’ambulance.",
                ),
                removes_knockout=True,
            ),
        )
    ]


def make_assessment(
    n_lines: int = 3,
    *,
    donor: str = "Royaume de Belgique — Défense",
    verdict: Verdict = Verdict.CONDITIONAL,
    families: dict[str, float | None] | None = None,
) -> Assessment:
    """A complete assessment of an offer with `n_lines` lines (cycling over three models)."""
    findings: list[Finding] = []
    lines: list[LineAssessment] = []
    for i in range(n_lines):
        model, qty, _ = _MODELS[i % 3]
        fs = _line_findings(i)
        findings += fs
        weakest = min(fs, key=lambda f: f.score if f.score is not None else 101)
        lines.append(
            LineAssessment(
                index=i,
                label=f"{model} × {qty}",
                score=(88.0, 41.0, 35.0)[i % 3],
                confidence=(1.0, 0.7, 0.9)[i % 3],
                verdict=(Verdict.ACCEPT, Verdict.REDIRECT, Verdict.CONDITIONAL)[i % 3],
                main_finding=weakest.rule_id,
            )
        )
    conditions = (
        *[f.condition for f in findings if f.condition][:6],
        Condition(
            "OWN-04",
            None,
            _m(
                "The donor pays transport, port clearance and registration, or this is agreed "
                "in writing.",
                "Le donateur prend à sa charge le transport, le dédouanement et "
                "l’immatriculation, ou cela est convenu par écrit.",
            ),
        ),
    )
    offer_findings = (
        Finding(
            rule_id="COMP-02",
            family="compatibility",
            title=_t("Fleet fragmentation", "Fragmentation du parc"),
            line=None,
            score=50.0,
            status=Status.WARN,
            weight=2.0,
            knockout=False,
            message=_m(
                "Adds one model to medium trucks, which already count 4 models.",
                "Ajoute un modèle aux camions moyens, qui en comptent déjà 4.",
            ),
            evidence=(
                Evidence("models_before", _t("Models before", "Modèles avant"), 4, sensitive=True),
            ),
            source=Text("Assessment criteria COMP-02", "critères d’évaluation COMP-02"),
        ),
    )
    if families is None:
        families = {
            "compatibility": 71.0,
            "spares": None,
            "maintenance": 28.0,
            "absorption": 62.0,
            "condition": 55.0,
            "ownership": 80.0,
            "documentation": 50.0,
        }
    years = 5
    totals = tuple(
        CostYear(
            y,
            fuel=61_200_000 + y * 1_000_000,
            maintenance=38_500_000 + y * 2_500_000,
            parts=24_750_000 + y * 3_000_000,
            headroom=HEADROOM if y < 4 else 120_000_000.0,
        )
        for y in range(1, years + 1)
    )
    line_costs = tuple(
        LineCost(
            i,
            tuple(
                CostYear(y, 20_400_000 / 3 * (1 + i % 3), 12_000_000.0, 8_000_000.0)
                for y in range(1, years + 1)
            ),
        )
        for i in range(n_lines)
    )
    return Assessment(
        verdict=verdict,
        score=58.4,
        confidence=0.82,
        families=families,
        family_weights=WEIGHTS,
        findings=tuple(findings),
        conditions=conditions,
        lines=tuple(lines),
        counter_proposals=(
            CounterProposal(
                line=1,
                offered=12,
                absorbable=4,
                limiting_factor=_m(
                    "No mechanic qualified on the Unimog; 58213 km of road between workshops.",
                    "Aucun mécanicien qualifié Unimog ; 58213 km de route entre ateliers.",
                ),
                alternative=model_name("Toyota Land Cruiser 79", "model_names"),
                alternative_reason=_m(
                    "already in service in large numbers, parts stocked",
                    "déjà en service en grand nombre, pièces en stock",
                ),
                evidence=(
                    Evidence("distance", _t("Road distance", "Distance"), 58213, "km", True),
                ),
            ),
        )
        if n_lines > 1
        else (),
        lifecycle=LifecycleCost(
            currency="FCFA",
            horizon_years=years,
            lines=line_costs,
            totals=totals,
            assumptions=(
                Evidence("fuel_price", _t("Diesel price", "Prix du gazole"), 775, "FCFA/L"),
                Evidence("km_year", _t("Distance per year", "Distance annuelle"), 15000, "km"),
            ),
        ),
        sensitivity=Sensitivity(
            robust=False,
            families=(
                FamilySensitivity("maintenance", 20.0, -0.4, Verdict.ACCEPT),
                FamilySensitivity("compatibility", 25.0, None, None),
            ),
            statement=_m(
                "The verdict changes only if maintenance counts 40% less.",
                "L’avis ne change que si la maintenance pèse 40 % de moins.",
            ),
        ),
        fleet_impact=(
            CategoryImpact("Light vehicles", 3, 3, 4821, 4841, ()),
            CategoryImpact("Medium trucks", 4, 5, 3907, 3919, ("Mercedes-Benz Unimog U4000",)),
            CategoryImpact("Ambulances", 1, 2, 137, 143, ("Renault Master ambulance",)),
        ),
        offer_findings=offer_findings,
        knockouts=(),
        inputs=(
            InputRecord("inventory", "Inventaire_Tessalit-Nord_2025.xlsx", "a" * 64, 4821, 3),
            InputRecord("offer", "offre_belgique_2026.xlsx", "b" * 64, n_lines, 0),
            InputRecord("rules", "default.toml", "c" * 64),
        ),
        ruleset_name="Default rule set (Sahel)",
        ruleset_version="2026.1",
        ruleset_sha256="c" * 64,
        offer_header=OfferHeader(
            donor=donor,
            reference="BE-DEF-2026-014",
            date=dt.date(2026, 3, 12),
            recipient="Forces armées maliennes",
            currency="EUR",
        ),
        recipient="Forces armées maliennes",
        currency="FCFA",
    )


def rule_ids(a: Assessment) -> set[str]:
    return {f.rule_id for f in (*a.findings, *a.offer_findings)}


def spellings(value: float | int) -> set[str]:
    """The ways a number may be written in a report (grouped or not, either decimal mark), to
    look for a hidden figure in extracted text."""
    number = float(value)
    out = {str(value)}
    for decimals in (0, 1, 2) if not number.is_integer() else (0,):
        grouped = f"{number:,.{decimals}f}"
        out.add(grouped.replace(",", ""))
        out.add(grouped.replace(",", "").replace(".", ","))
        out.add(grouped)
        for sep in ("\u202f", "\u00a0", " ", "."):
            out.add(grouped.replace(",", "\0").replace(".", ",").replace("\0", sep))
    return out
