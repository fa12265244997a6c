"""The report's own fixed wording in English and French (data texts come from the assessment)."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from ..assessment import VERDICT_NAMES, Status, Text, Verdict
from ..catalogue import Entry, load_catalogue

# key -> (English, French)
_LABELS: dict[str, tuple[str, str]] = {
    # document
    "doc_title": ("Donation assessment", "Évaluation d’une offre de don"),
    "doc_subject": (
        "Fit of an in-kind equipment donation to the recipient's fleet",
        "Adéquation d’un don de matériel au parc du bénéficiaire",
    ),
    "share_banner": (
        "Shareable version: the recipient's holdings, quantities and locations are shown as bands "
        "or withheld.",
        "Version partageable : les effectifs, quantités et implantations du bénéficiaire sont "
        "indiqués par tranches ou non communiqués.",
    ),
    "share_short": ("Shareable version", "Version partageable"),
    "page_of": ("page {n} of {m}", "page {n} sur {m}"),
    "generated_on": ("Generated on {date}", "Établi le {date}"),
    # summary block
    "offer_reference": ("Offer reference", "Référence de l’offre"),
    "donor": ("Donor", "Donateur"),
    "recipient": ("Recipient", "Bénéficiaire"),
    "offer_date": ("Offer date", "Date de l’offre"),
    "report_date": ("Report date", "Date du rapport"),
    "author": ("Prepared by", "Rédigé par"),
    "organisation": ("Organisation", "Organisme"),
    "verdict": ("Verdict", "Avis"),
    "overall_score": ("Overall score", "Note globale"),
    "confidence": ("Data coverage", "Couverture des données"),
    "confidence_note": (
        "share of the rules' weight for which data was available; what is missing is judged at "
        "its worst case",
        "part du poids des règles pour laquelle des données étaient disponibles ; ce qui manque "
        "est jugé au pire",
    ),
    "score_with_missing": (
        "Score range over the missing data (before the verdict's limit)",
        "Fourchette selon les données manquantes (avant le plafond de l’avis)",
    ),
    "for_information": ("for information", "pour information"),
    "knockouts": ("Blocking criteria not lifted", "Critères éliminatoires non levés"),
    "tables_not_found": ("Tables not found", "Tableaux non trouvés"),
    "conditions": ("Conditions to attach", "Conditions à poser"),
    "key_reasons": ("Why this verdict", "Motifs de l’avis"),
    "and_other_lines": ("(and {n} other lines)", "(et {n} autres lignes)"),
    "and_one_other_line": ("(and 1 other line)", "(et 1 autre ligne)"),
    "no_key_reasons": (
        "No rule failed or raised a warning.",
        "Aucune règle n’est en échec ni en réserve.",
    ),
    "cost_by_year": ("All lines, per year", "Toutes lignes, par année"),
    "cost_by_line": ("Per line, total per year", "Par ligne, total annuel"),
    "no_conditions": ("No condition is needed.", "Aucune condition n’est nécessaire."),
    "whole_offer": ("whole offer", "toute l’offre"),
    "line_n": ("line {n}", "ligne {n}"),
    "lines_word": ("lines", "lignes"),
    "counter_proposal": ("Counter-proposal", "Contre-proposition"),
    "no_counter_proposal": (
        "No counter-proposal: the quantities offered can be absorbed as they stand.",
        "Pas de contre-proposition : les quantités offertes peuvent être absorbées en l’état.",
    ),
    "offered": ("Offered", "Offert"),
    "absorbable": ("Absorbable", "Absorbable"),
    "limiting_factor": ("Limiting factor", "Facteur limitant"),
    "better_fit": ("Better-fitting model", "Modèle mieux adapté"),
    "removes_knockout": ("lifts a blocking criterion", "lève un critère éliminatoire"),
    # sections
    "sec_scores": ("Scores by family", "Notes par famille de critères"),
    "sec_fleet": ("Fleet impact", "Effet sur le parc"),
    "sec_lines": ("Offer lines", "Lignes de l’offre"),
    "sec_findings": ("Findings by family", "Constats par famille de critères"),
    "sec_cost": ("Life-cycle cost", "Coût sur le cycle de vie"),
    "sec_sensitivity": ("Sensitivity of the verdict", "Sensibilité de l’avis"),
    "sec_annex": ("Annex: method and inputs", "Annexe : méthode et données d’entrée"),
    "sec_offer_level": ("Offer as a whole", "Offre dans son ensemble"),
    # family chart and table
    "family": ("Family", "Famille"),
    "score": ("Score", "Note"),
    "weight": ("Weight", "Poids"),
    "chart_caption": (
        "Score out of 100 per family of criteria. Dashed lines: 50 (conditions) and 75 (accept). "
        "A family without data is marked “unknown”, not scored zero.",
        "Note sur 100 par famille de critères. Tirets : 50 (conditions) et 75 (acceptation). "
        "Une famille sans données est notée « inconnu », et non zéro.",
    ),
    # fleet impact
    "category": ("Category", "Catégorie"),
    "models_before": ("Models before", "Modèles avant"),
    "models_after": ("Models after", "Modèles après"),
    "units_before": ("Units before", "Unités avant"),
    "units_after": ("Units after", "Unités après"),
    "new_models": ("Models new to the fleet", "Modèles nouveaux pour le parc"),
    "fleet_caption": (
        "Each model added to a category is one more set of parts, tools and training to sustain.",
        "Chaque modèle ajouté à une catégorie est un jeu de pièces, d’outillage et de formation "
        "de plus à entretenir.",
    ),
    "fleet_share_caption": (
        "Model counts are shown as bands; unit counts are withheld in this version.",
        "Le nombre de modèles est indiqué par tranches ; le nombre d’unités n’est pas communiqué "
        "dans cette version.",
    ),
    "no_fleet_impact": ("No fleet-impact data.", "Aucune donnée sur l’effet sur le parc."),
    "before": ("before", "avant"),
    "after": ("after", "après"),
    # lines
    "line": ("Line", "Ligne"),
    "item": ("Item offered", "Matériel offert"),
    "main_finding": ("Main finding", "Constat principal"),
    "no_lines": ("The offer has no lines.", "L’offre ne comporte aucune ligne."),
    # findings
    "rule": ("Rule", "Règle"),
    "status": ("Result", "Résultat"),
    "explanation": ("Explanation", "Explication"),
    "evidence": ("Evidence", "Éléments probants"),
    "source": ("Source", "Source"),
    "inventory_rows": ("inventory rows", "lignes d’inventaire"),
    "and_more": ("and {n} more", "et {n} autres"),
    "knockout_tag": ("blocking", "éliminatoire"),
    "no_findings": ("No finding.", "Aucun constat."),
    "findings_summary_note": (
        "The offer has {n} lines. For each rule, this section counts the lines by result and "
        "details at most {m} lines, those with the lowest scores among the lines that did not "
        "pass. Every finding of every line, with its evidence, is in the Excel export.",
        "L’offre compte {n} lignes. Pour chaque règle, cette section dénombre les lignes par "
        "résultat et détaille au plus {m} lignes, les moins bien notées parmi celles qui ne sont "
        "pas conformes. Tous les constats de chaque ligne, avec leurs éléments probants, figurent "
        "dans l’export Excel.",
    ),
    "rule_lines": ("Lines", "Lignes"),
    "score_range": ("scores {n}", "notes {n}"),
    "other_lines_excel": (
        "… {n} other lines (see the Excel export).",
        "… {n} autres lignes (voir l’export Excel).",
    ),
    "one_other_line_excel": (
        "… 1 other line (see the Excel export).",
        "… 1 autre ligne (voir l’export Excel).",
    ),
    "conditions_more": (
        "… {n} other wordings of these conditions, for {m} lines, are listed in the Excel export.",
        "… {n} autres formulations de ces conditions, pour {m} lignes, figurent dans l’export "
        "Excel.",
    ),
    "counter_top": (
        "The {n} proposals that cut the most units.",
        "Les {n} propositions qui réduisent le plus les quantités.",
    ),
    "cost_top": (
        "The {n} costliest lines, total per year",
        "Les {n} lignes les plus coûteuses, total annuel",
    ),
    "lines_shortened": (
        "Long item names and main findings are shortened to two lines; the Excel export holds "
        "them in full.",
        "Les désignations et constats principaux trop longs sont abrégés à deux lignes ; "
        "l’export Excel les donne en entier.",
    ),
    "condition_tag": ("Condition", "Condition"),
    # life-cycle cost
    "year": ("Year", "Année"),
    "year_n": ("Year {n}", "Année {n}"),
    "fuel": ("Fuel", "Carburant"),
    "maintenance": ("Maintenance", "Entretien"),
    "parts": ("Parts", "Pièces"),
    "total": ("Total", "Total"),
    "headroom": ("Budget headroom", "Marge budgétaire"),
    "cost_share": ("Share of headroom", "Part de la marge"),
    "all_lines": ("All lines", "Toutes les lignes"),
    "horizon": (
        "Recurrent cost over {n} years after handover, in {currency}.",
        "Coût récurrent sur {n} ans après la remise, en {currency}.",
    ),
    "currency_unknown": ("an unstated currency", "une devise non précisée"),
    "assumptions": ("Assumptions", "Hypothèses"),
    "within_headroom": ("within headroom", "dans la marge"),
    "exceeds_headroom": ("exceeds headroom", "dépasse la marge"),
    "headroom_withheld": (
        "Budget headroom is withheld in this version; only whether the cost fits is shown.",
        "La marge budgétaire n’est pas communiquée dans cette version ; seule l’adéquation du "
        "coût est indiquée.",
    ),
    "no_lifecycle": (
        "No life-cycle cost could be computed (running-cost data missing).",
        "Aucun coût sur le cycle de vie n’a pu être calculé (données de coût manquantes).",
    ),
    "no_sensitivity": (
        "The sensitivity of the verdict was not computed.",
        "La sensibilité de l’avis n’a pas été calculée.",
    ),
    "robust": ("Robust", "Robuste"),
    "fragile": ("Sensitive to the weights", "Sensible aux pondérations"),
    "change_needed": (
        "Weight change that flips the verdict",
        "Variation de poids qui change l’avis",
    ),
    "verdict_after": ("Verdict after", "Avis après"),
    "none_flips": ("no change flips it", "aucune ne le change"),
    # annex
    "ruleset": ("Rule set", "Jeu de règles"),
    "version": ("Version", "Version"),
    "file": ("File", "Fichier"),
    "role": ("Role", "Rôle"),
    "rows_imported": ("Rows imported", "Lignes importées"),
    "rows_rejected": ("Rows rejected", "Lignes rejetées"),
    "role_inventory": ("inventory", "inventaire"),
    "role_offer": ("offer", "offre"),
    "role_rules": ("rules", "règles"),
    "role_vocabulary": ("column vocabulary", "vocabulaire des colonnes"),
    "role_aliases": ("aliases", "alias"),
    "role_messages": ("report wordings", "libellés du rapport"),
    "from_user_folder": ("{role} (your folder)", "{role} (votre dossier)"),
    "weights_used": ("Family weights used", "Poids des familles utilisés"),
    "withheld": ("withheld", "non communiqué"),
    "recipient_inventory": ("recipient's inventory", "inventaire du bénéficiaire"),
    "missing_glyphs": (
        "Some characters in the data cannot be drawn with the embedded font and are shown by "
        "their code, such as ‹U+4E1C›: {chars}. Names are reproduced verbatim in the source "
        "files and the Excel export.",
        "Certains caractères des données ne peuvent pas être dessinés avec la police intégrée et "
        "sont indiqués par leur code, par exemple ‹U+4E1C› : {chars}. Les noms figurent tels "
        "quels dans les fichiers sources et l’export Excel.",
    ),
    "right_to_left": (
        "Right-to-left text (Arabic, Hebrew) is laid out right to left, with Arabic letters "
        "joined; check such names against the source files.",
        "Les textes écrits de droite à gauche (arabe, hébreu) sont disposés de droite à gauche, "
        "lettres arabes liées ; vérifier ces noms dans les fichiers sources.",
    ),
    "sha_note": (
        "SHA-256 fingerprints identify the exact files used; anyone holding the files can check "
        "them.",
        "Les empreintes SHA-256 identifient les fichiers exacts utilisés ; quiconque détient ces "
        "fichiers peut les vérifier.",
    ),
    # bands (shareable version)
    "band_none": ("none", "aucun"),
    "band_few": ("a few (1–9)", "quelques-uns (1 à 9)"),
    "band_10_49": ("10–49", "10 à 49"),
    "band_50_plus": ("50 or more", "50 ou plus"),
    "band_models_1": ("1", "1"),
    "band_models_2_3": ("2–3", "2 à 3"),
    "band_models_4_plus": ("4 or more", "4 ou plus"),
}

_VERDICTS: dict[Verdict, tuple[str, str]] = {v: (t.en, t.fr) for v, t in VERDICT_NAMES.items()}

_VERDICT_ADVICE: dict[Verdict, tuple[str, str]] = {
    Verdict.ACCEPT: (
        "The offer fits the fleet and can be accepted as it stands.",
        "L’offre s’intègre au parc et peut être acceptée en l’état.",
    ),
    Verdict.CONDITIONAL: (
        "Accept only if the donor agrees to the conditions below.",
        "N’accepter que si le donateur souscrit aux conditions ci-dessous.",
    ),
    Verdict.REDIRECT: (
        "Ask the donor to change the offer: see the counter-proposal.",
        "Demander au donateur de modifier l’offre : voir la contre-proposition.",
    ),
    Verdict.DECLINE: (
        "Decline the offer as it stands.",
        "Décliner l’offre en l’état.",
    ),
}

_STATUSES: dict[Status, tuple[str, str]] = {
    Status.PASS: ("pass", "conforme"),
    Status.WARN: ("warning", "réserve"),
    Status.FAIL: ("fail", "non conforme"),
    Status.UNKNOWN: ("unknown", "inconnu"),
}

# Family keys as the shipped rule sets name them (long names and the criteria-id prefixes).
_FAMILIES: dict[str, tuple[str, str]] = {
    "compatibility": ("Compatibility", "Compatibilité"),
    "spares": ("Spare parts", "Pièces de rechange"),
    "maintenance": ("Maintenance capacity", "Capacité de maintenance"),
    "absorption": ("Absorptive capacity", "Capacité d’absorption"),
    "condition": ("Condition and age", "État et âge"),
    "ownership": ("Ownership and coordination", "Appropriation et coordination"),
    "documentation": ("Documentation and training", "Documentation et formation"),
}
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


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "fr" else pair[0]


def label(key: str, lang: str, **values: str) -> str:
    """A fixed label in the report's language, with `{name}` placeholders filled in; the
    user's messages.toml may reword it (user_files.py)."""
    text = _pick(_LABELS[key], lang)
    entry = user_labels().get(key)
    mine = entry.text.get(lang) if entry is not None else None
    if mine is not None:
        try:
            return mine.format(**values)
        except (KeyError, IndexError, ValueError):
            pass  # a placeholder the label does not have: keep the product's wording
    return text.format(**values) if values else text


@functools.cache
def user_labels() -> Mapping[str, Entry]:
    """The labels the user's messages.toml rewords under [labels], read once per run: a
    report asks for thousands of labels."""
    entries = load_catalogue().entries
    return {k.removeprefix("labels."): e for k, e in entries.items() if k.startswith("labels.")}


def verdict_name(verdict: Verdict, lang: str) -> str:
    return _pick(_VERDICTS[verdict], lang)


def verdict_advice(verdict: Verdict, lang: str) -> str:
    return _pick(_VERDICT_ADVICE[verdict], lang)


def status_name(status: Status, lang: str) -> str:
    return _pick(_STATUSES[status], lang)


def family_name(family: str, lang: str, titles: Mapping[str, Text] | None = None) -> str:
    """The family's display name: the rule set's title when the assessment carries it, else
    the shipped families' names; an unknown key is shown as written in the rule set."""
    if titles and family in titles:
        return titles[family].get(lang)
    key = family.strip().lower().replace("-", "_").replace(" ", "_")
    key = _FAMILY_ALIASES.get(key, key)
    pair = _FAMILIES.get(key)
    return _pick(pair, lang) if pair else family


def all_label_keys() -> tuple[str, ...]:
    return tuple(_LABELS)
