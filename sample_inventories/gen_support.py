"""The optional tables of the French inventory: workshops, spare parts, budget, drivers, other
partners' pledges and the recipient profile. Figures are sized against the generated fleet
(see check_design in generate.py and README.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gen_fleet import AMBULANCE, ARMOUR, GENERATOR, LIGHT, RADIO, TANKER, TRUCK
from gen_xlsx import BOLD, header_row, set_widths, title_rows, write_rows
from openpyxl.worksheet.worksheet import Worksheet

HOURS_PER_MECHANIC = 1600
FUEL_PRICE = 775  # FCFA per litre of diesel


@dataclass(frozen=True)
class Workshop:
    name: str
    location: str
    mechanics: int
    makes: tuple[str, ...]
    committed_share: float  # share of the annual hours already taken by the current fleet
    tools: tuple[str, ...]


# Mechanics are few and sectioned by make family, so that MAINT-01 passes for Toyota and
# Mercedes-Benz and fails for 150 more Ural trucks (checked in generate.check_design).
# fmt: off
WORKSHOPS: tuple[Workshop, ...] = (
    Workshop("Atelier central du matériel — section véhicules légers", "Kati", 16,
             ("Toyota", "Nissan", "Isuzu", "Hyundai", "Kia"), 0.95,
             ("Toyota (valise de diagnostic GTS)", "Nissan (Consult III)")),
    Workshop("Atelier central du matériel — section poids lourds", "Kati", 8,
             ("Mercedes-Benz", "Renault Trucks", "ACMAT", "Iveco"), 0.97,
             ("Mercedes-Benz (Star Diagnosis)", "Renault Trucks (NEXT)", "Iveco (E.A.SY)")),
    Workshop("Atelier central du matériel — section matériels d'origine soviétique", "Kati", 7,
             ("Ural", "KamAZ", "GAZ", "UAZ", "ZiL"), 0.96,
             ("Ural (lot d'outillage 4320)", "KamAZ (lot d'outillage 4310)")),
    Workshop("Atelier central du matériel — section blindés", "Kati", 6,
             ("GAZ", "Streit Group", "DCD Protected Mobility", "ACMAT"), 0.97,
             ("Streit Group (valise de diagnostic)",)),
    Workshop("Atelier des transmissions", "Bamako", 5, ("Codan", "Motorola", "L3Harris"), 0.90,
             ("Codan (banc de test HF)", "Motorola (CPS et banc de test)",
              "L3Harris (lot de maintenance RF-7800)")),
    Workshop("Atelier des groupes électrogènes", "Bamako", 3,
             ("SDMO", "Caterpillar", "Hyundai", "Kipor"), 0.92, ("Caterpillar (ET)",)),
    Workshop("Atelier du Service de santé (ambulances)", "Bamako", 3,
             ("Toyota", "Mercedes-Benz", "Hyundai", "Nissan"), 0.94, ()),
    Workshop("Garage de la Compagnie de transport", "Kati", 6,
             ("Mercedes-Benz", "Dongfeng", "Sinotruk", "Shacman"), 0.96,
             ("Sinotruk (valise HOWO)",)),
    Workshop("Atelier régional de Gao (1re RM)", "Gao", 9,
             ("Toyota", "Nissan", "Renault Trucks", "KamAZ"), 0.97,
             ("Toyota (valise de diagnostic GTS)",)),
    Workshop("Atelier régional de Sévaré (6e RM)", "Sévaré", 8,
             ("Toyota", "Mercedes-Benz", "Dongfeng", "Sinotruk"), 0.95,
             ("Mercedes-Benz (Star Diagnosis)",)),
    Workshop("Atelier régional de Sikasso", "Sikasso", 5, ("Toyota", "Hyundai", "Shacman"), 0.93, ()),
    Workshop("Atelier régional de Kayes (4e RM)", "Kayes", 5, ("Toyota", "Nissan"), 0.94, ()),
    Workshop("Atelier régional de Tombouctou (5e RM)", "Tombouctou", 4, ("Toyota", "Ural"), 0.96, ()),
    Workshop("Atelier régional de Ségou", "Ségou", 5, ("Toyota", "Dongfeng", "Sinotruk"), 0.93, ()),
    Workshop("Atelier de Koulikoro (2e RM)", "Koulikoro", 4, ("Toyota", "GAZ"), 0.95, ()),
    Workshop("Détachement de maintenance de Kidal", "Kidal", 3, ("Toyota",), 0.98, ()),
)
# fmt: on


def workshop_hours(w: Workshop) -> tuple[int, int]:
    available = w.mechanics * HOURS_PER_MECHANIC
    return available, round(available * w.committed_share)


def qualified_mechanics(make: str) -> int:
    return sum(w.mechanics for w in WORKSHOPS if make in w.makes)


def hours_headroom() -> int:
    return sum(a - c for a, c in map(workshop_hours, WORKSHOPS))


def write_maintenance(ws: Worksheet) -> None:
    title = "Ateliers et mécaniciens — capacité annuelle 2026 (1 600 h par mécanicien)"
    title_rows(ws, (title,), 7)
    headers = (
        "Atelier", "Localisation", "Nombre de mécaniciens", "Qualifiés sur",
        "Heures disponibles\n(par an)", "Heures déjà engagées", "Outillage spécifique",
    )  # fmt: skip
    header_row(ws, 3, headers)
    rows = [
        (
            w.name,
            w.location,
            w.mechanics,
            ", ".join(w.makes),
            *workshop_hours(w),
            ", ".join(w.tools),
        )
        for w in WORKSHOPS
    ]
    write_rows(ws, 4, rows, money_columns=(5, 6))
    set_widths(ws, (52, 14, 13, 44, 14, 14, 60))


SparePart = tuple[str, str, str, str, int, str, str, int]
# Part number, NSN, description, applies to, quantity, supplier, origin, lead time (days).
# Toyota and Mercedes-Benz numbers start with zeros, as the manufacturers' own do.
# fmt: off
SPARE_PARTS: tuple[SparePart, ...] = (
    ("04152-YZZA1", "2940-01-548-9012", "Élément de filtre à huile", "Toyota Land Cruiser 79",
     240, "Concessionnaire Toyota", "Bamako", 10),
    ("17801-30040", "2940-01-527-3318", "Filtre à air", "Toyota Land Cruiser 79",
     160, "Concessionnaire Toyota", "Bamako", 10),
    ("23390-51070", "2910-01-553-0471", "Filtre à gazole", "Toyota Land Cruiser 79",
     180, "Concessionnaire Toyota", "Bamako", 10),
    ("04465-60320", "2530-01-515-2290", "Plaquettes de frein avant", "Toyota Land Cruiser 79",
     90, "Concessionnaire Toyota", "Bamako", 14),
    ("48510-69645", "", "Amortisseur avant", "Toyota Land Cruiser 79",
     40, "Concessionnaire Toyota", "Bamako", 21),
    ("31250-60480", "", "Disque d'embrayage", "Toyota Land Cruiser 79",
     24, "Concessionnaire Toyota", "Bamako", 21),
    ("90915-YZZD4", "2940-01-602-1144", "Filtre à huile", "Toyota Hilux",
     150, "Concessionnaire Toyota", "Bamako", 10),
    ("17801-0L040", "", "Filtre à air", "Toyota Hilux", 90, "Concessionnaire Toyota", "Bamako", 10),
    ("23390-0L041", "", "Filtre à gazole", "Toyota Hilux",
     110, "Concessionnaire Toyota", "Bamako", 10),
    ("04465-0K240", "", "Plaquettes de frein avant", "Toyota Hilux",
     60, "Concessionnaire Toyota", "Bamako", 14),
    ("04152-YZZA6", "", "Élément de filtre à huile", "Toyota Land Cruiser 78",
     80, "Concessionnaire Toyota", "Bamako", 10),
    ("15208-43G0C", "", "Filtre à huile", "Nissan Patrol Y61",
     45, "Importateur Nissan", "Dakar", 35),
    ("16546-VB000", "", "Filtre à air", "Nissan Patrol Y61", 20, "Importateur Nissan", "Dakar", 35),
    ("0001802609", "2940-12-345-6701", "Filtre à huile", "Mercedes-Benz Unimog U4000",
     60, "Importateur Mercedes-Benz Trucks", "Dakar", 30),
    ("0004773002", "2910-12-345-7720", "Filtre à carburant", "Mercedes-Benz Unimog U4000",
     48, "Importateur Mercedes-Benz Trucks", "Dakar", 30),
    ("0001803009", "2940-12-377-1015", "Filtre à huile", "Mercedes-Benz Zetros 1833",
     70, "Importateur Mercedes-Benz Trucks", "Bamako", 21),
    ("0004771302", "2910-12-377-1120", "Filtre à carburant", "Mercedes-Benz Zetros 1833",
     64, "Importateur Mercedes-Benz Trucks", "Bamako", 21),
    ("0040942404", "2940-12-377-1203", "Cartouche de filtre à air", "Mercedes-Benz Zetros 1833",
     30, "Importateur Mercedes-Benz Trucks", "Bamako", 21),
    ("0044205220", "2530-12-377-2210", "Garnitures de frein", "Mercedes-Benz Zetros 1833",
     36, "Importateur Mercedes-Benz Trucks", "Dakar", 30),
    ("5010412440", "2940-14-512-3301", "Filtre à huile", "Renault Trucks Kerax",
     50, "Renault Trucks (pièces)", "Europe", 75),
    ("5010557600", "", "Filtre à gazole", "Renault Trucks Kerax",
     40, "Renault Trucks (pièces)", "Europe", 75),
    ("7420541379", "", "Filtre à air", "Renault Trucks Kerax",
     12, "Renault Trucks (pièces)", "Europe", 90),
    ("0000103001", "2940-14-301-0077", "Filtre à huile", "ACMAT VLRA",
     35, "ACMAT (pièces)", "Europe", 60),
    ("740.1012040", "", "Filtre à huile", "KamAZ 4310", 30, "Fournisseur privé", "Russie", 150),
    ("4320-1109013", "", "Élément de filtre à air", "Ural 4320",
     18, "Fournisseur privé", "Russie", 150),
    ("236-1012075", "", "Élément de filtre à huile", "Ural 4320",
     24, "Fournisseur privé", "Russie", 150),
    ("201-1117075", "", "Élément de filtre à gazole", "Ural 4320",
     20, "Fournisseur privé", "Russie", 150),
    ("4320-3501090", "", "Mâchoires de frein", "Ural 4320", 8, "Fournisseur privé", "Russie", 180),
    ("66-1012075", "", "Filtre à huile", "GAZ-66", 10, "Fournisseur privé", "Russie", 180),
    ("1000428205", "", "Filtre à huile", "Sinotruk HOWO",
     45, "Distributeur Sinotruk", "Bamako", 30),
    ("WG9725190102", "", "Filtre à air", "Sinotruk HOWO",
     20, "Distributeur Sinotruk", "Chine", 100),
    ("612600081334", "", "Filtre à gazole", "Shacman SX2190",
     25, "Distributeur Shacman", "Abidjan", 45),
    ("1012010-E06", "", "Filtre à huile", "Dongfeng Rich",
     40, "Distributeur Dongfeng", "Bamako", 20),
    ("1105010-E06", "", "Filtre à gazole", "Dongfeng EQ2102",
     30, "Distributeur Dongfeng", "Chine", 100),
    ("26300-35505", "", "Filtre à huile", "Hyundai HD72", 30, "Importateur Hyundai", "Bamako", 14),
    ("26300-35505", "", "Filtre à huile", "Hyundai H-1", 12, "Importateur Hyundai", "Bamako", 14),
    ("0A1-2209-01", "", "Filtre à huile", "Streit Group Typhoon",
     16, "Streit Group", "Émirats", 60),
    ("HD-3018-00", "", "Kit de révision 500 h", "SDMO J22", 20, "Distributeur SDMO", "Dakar", 30),
    ("1R-0739", "6115-01-589-2210", "Filtre à huile", "Caterpillar DE22E3",
     18, "Distributeur Caterpillar", "Dakar", 30),
    ("06-0012-48", "5820-66-151-4403", "Batterie 12 V pour Codan 2110", "Codan 2110",
     26, "Codan (Australie)", "Europe", 60),
    ("08-05544-001", "5820-66-151-5120", "Câble d'antenne HF", "Codan Envoy X2",
     14, "Codan (Australie)", "Europe", 60),
    ("PMNN4409", "6140-01-577-4466", "Batterie Li-ion", "Motorola DP4400",
     60, "Distributeur Motorola", "Dakar", 30),
    ("12041-0200-01", "6140-01-490-4316", "Batterie Li-ion", "L3Harris AN/PRC-117G",
     12, "L3Harris", "États-Unis", 120),
    ("0480-0012", "2610-01-054-8811", "Pneumatique 7.50 R16", "Toyota Land Cruiser 79",
     120, "Fournisseur local", "Bamako", 7),
    ("0365-1400", "2610-14-011-2020", "Pneumatique 14.00 R20", "Renault Trucks Kerax",
     24, "Fournisseur local", "Bamako", 21),
    ("0600-1220", "2610-01-094-0011", "Pneumatique 12.00 R20", "Ural 4320",
     16, "Fournisseur privé", "Russie", 150),
    ("0612-2432", "6140-01-057-2553", "Batterie 12 V 100 Ah", "Tous véhicules",
     85, "Fournisseur local", "Bamako", 7),
)
# fmt: on


def write_spare_parts(ws: Worksheet) -> None:
    title_rows(ws, ("Magasin central de Kati — pièces de rechange en stock au 31/12/2025",), 8)
    headers = (
        "Référence constructeur", "NNO", "Désignation", "Applicable à", "Quantité en stock",
        "Fournisseur", "Provenance", "Délai d'approvisionnement\n(jours)",
    )  # fmt: skip
    header_row(ws, 3, headers)
    write_rows(ws, 4, SPARE_PARTS, code_columns=(1, 2))
    set_widths(ws, (20, 19, 32, 30, 12, 34, 13, 16))


# Budget lines in FCFA. "Montant engagé" is what the current fleet already takes, so the
# 2026 headroom is about 511 million FCFA in total.
# fmt: off
BUDGET: tuple[tuple[str, int, int | str, int, str], ...] = (
    ("Carburant", 2026, 6_200_000_000, 5_952_000_000, "FCFA"),
    ("Maintenance", 2026, 1_450_000_000, 1_334_000_000, "FCFA"),
    ("Pièces de rechange", 2026, 2_100_000_000, 1_953_000_000, "FCFA"),
    ("Carburant", 2027, 6_350_000_000, 6_096_000_000, "FCFA"),
    ("Maintenance", 2027, 1_480_000_000, 1_362_000_000, "FCFA"),
    ("Pièces de rechange", 2027, 2_150_000_000, 2_000_000_000, "FCFA"),
    ("Carburant", 2028, "6 500 000 000", 6_240_000_000, "FCFA"),  # typed as text, French style
    ("Maintenance", 2028, 1_510_000_000, 1_390_000_000, "FCFA"),
    ("Pièces de rechange", 2028, 2_200_000_000, 2_046_000_000, "FCFA"),
)
# fmt: on


def budget_amount(value: int | str) -> int:
    return value if isinstance(value, int) else int(value.replace(" ", ""))


def budget_headroom(year: int) -> int:
    return sum(budget_amount(a) - c for _, y, a, c, _ in BUDGET if y == year)


def write_budget(ws: Worksheet) -> None:
    title = (
        "Crédits de fonctionnement du parc — loi de finances 2026 et prévisions 2027-2028 "
        "(montant engagé : dépenses déjà programmées pour le parc actuel)"
    )
    title_rows(ws, (title,), 5)
    header_row(ws, 3, ("Ligne budgétaire", "Exercice", "Montant", "Montant engagé", "Devise"))
    write_rows(ws, 4, BUDGET, money_columns=(3, 4))
    set_widths(ws, (24, 10, 18, 18, 8))


# Drivers qualified and not yet assigned to a vehicle: (licence, vehicle category, unit, count).
# fmt: off
PERSONNEL: tuple[tuple[str, str, str, int], ...] = (
    ("B", "Véhicule léger / pick-up", "1re Région militaire", 12),
    ("B", "Véhicule léger / pick-up", "3e Région militaire", 14),
    ("B", "Véhicule léger / pick-up", "6e Région militaire", 9),
    ("B", "Véhicule léger / pick-up", "GTIA 1", 8),
    ("B", "Véhicule léger / pick-up", "GTIA 3", 7),
    ("B", "Véhicule léger / pick-up", "33e RCP", 10),
    ("B", "Véhicule léger / pick-up", "Compagnie de transport", 6),
    ("B", AMBULANCE, "Service de santé des armées", 9),
    ("B", AMBULANCE, "GTIA 2", 3),
    ("C", TRUCK, "Compagnie de transport", 14),
    ("C", TRUCK, "1re Région militaire", 6),
    ("C", TRUCK, "3e Région militaire", 7),
    ("C", TRUCK, "Bataillon du génie", 5),
    ("CE", TANKER, "Compagnie de transport", 6),
    ("C", TRUCK, "GTIA 5", 4),
    ("C", ARMOUR, "Escadron blindé", 8),
    ("C", ARMOUR, "33e RCP", 4),
)
# fmt: on


def drivers(licence: str | None = None, category: str | None = None) -> int:
    return sum(
        n
        for lic, cat, _, n in PERSONNEL
        if (licence is None or lic == licence) and (category is None or cat == category)
    )


def write_personnel(ws: Worksheet) -> None:
    title = "Conducteurs qualifiés disponibles (non affectés à un véhicule) au 31/12/2025"
    title_rows(ws, (title,), 4)
    headers = ("Catégorie de permis", "Catégorie de véhicule", "Unité", "Conducteurs disponibles")
    header_row(ws, 3, headers)
    write_rows(ws, 4, PERSONNEL)
    set_widths(ws, (12, 28, 30, 14))


# Other partners' pledges: (partner, category, make, model, quantity, status, date).
# fmt: off
PLEDGES: tuple[tuple[str, str, str, str, int, str, dt.date], ...] = (
    ("Partenaire bilatéral A", LIGHT, "Toyota", "Land Cruiser 79",
     37, "Livré", dt.date(2023, 9, 14)),
    ("Partenaire bilatéral D", AMBULANCE, "Toyota", "Land Cruiser 78",
     6, "Annoncé", dt.date(2025, 11, 20)),
    ("Partenaire multilatéral E", AMBULANCE, "Hyundai", "H-1", 4, "Annoncé", dt.date(2026, 4, 15)),
    ("Partenaire bilatéral F", TRUCK, "Sinotruk", "HOWO 6x6", 20, "Livré", dt.date(2025, 6, 10)),
    ("Partenaire bilatéral G", ARMOUR, "Streit Group", "Typhoon",
     10, "Annoncé", dt.date(2026, 1, 30)),
    ("Partenaire bilatéral H", RADIO, "Codan", "Envoy X2", 30, "Livré", dt.date(2024, 12, 5)),
    ("Partenaire bilatéral B", GENERATOR, "SDMO", "J22", 12, "Livré", dt.date(2025, 3, 18)),
    ("Partenaire bilatéral C", TANKER, "Shacman", "X3000", 6, "Livré", dt.date(2024, 11, 4)),
)
# fmt: on


def write_pledges(ws: Worksheet) -> None:
    title_rows(ws, ("Annonces et livraisons des partenaires — registre de coordination",), 7)
    header_row(ws, 3, ("Partenaire", "Catégorie", "Marque", "Modèle", "Quantité", "Statut", "Date"))
    write_rows(ws, 4, PLEDGES, date_columns=(7,))
    set_widths(ws, (28, 24, 16, 18, 10, 10, 12))


PROFILE_FR: tuple[tuple[str, Any], ...] = (
    ("Bénéficiaire", "Forces armées maliennes (FAMa)"),
    ("Pays", "Mali"),
    ("Sous-région", "Afrique de l'Ouest (Sahel)"),
    ("Sens de circulation", "à droite"),
    ("Carburants disponibles", "Gazole, Essence, Jet A1"),
    ("Langue de travail", "français"),
    ("Devise", "FCFA"),
    ("Prix du carburant par litre", FUEL_PRICE),
    ("Température maximale", 48),
    ("Tension du secteur", 220),
    ("Registre des biens", "oui"),
    ("Registre des pièces", "oui"),
)


def write_profile(ws: Worksheet, rows: Sequence[tuple[str, Any]], title: str | None) -> None:
    """Key/value rows, optionally under a title line."""
    first = 1
    if title:
        title_rows(ws, (title,), 2)
        first = 3
    write_rows(ws, first, rows)
    for r in range(first, first + len(rows)):
        ws.cell(row=r, column=1).font = BOLD
    set_widths(ws, (32, 40))
