"""Deterministic inventories and offers of any size for the benchmarks.

Workbooks are laid out as Excel saves them (shared strings, a <dimension>, text-formatted code
columns; see xlsxwrite.py); files are cached by size in benchmarks/data/.
"""

from __future__ import annotations

import random
from pathlib import Path

from xlsxwrite import Sheet, write_workbook

SEED = 20260101
DATA_DIR = Path(__file__).resolve().parent / "data"
LAYOUT = "_sst"  # part of the cache key: files from an older layout are not reused

MODELS = [
    ("Pick-up", "Toyota", "Hilux"),
    ("Pick-up", "Toyota", "Land Cruiser 79"),
    ("Pick-up", "Nissan", "Navara D22"),
    ("Camion", "Mercedes-Benz", "Zetros 1833"),
    ("Camion", "Renault Trucks", "Kerax"),
    ("Camion", "Ural", "4320"),
    ("Camion", "KamAZ", "4310"),
    ("Camion", "Dongfeng", "EQ2102"),
    ("Ambulance", "Toyota", "Land Cruiser 78"),
    ("Véhicule blindé", "ACMAT", "Bastion"),
    ("Véhicule blindé", "BRDM", "BRDM-2"),
    ("Groupe électrogène", "SDMO", "J88K"),
    ("Radio", "Codan", "Envoy X2"),
    ("Radio", "Motorola", "DP4400"),
]
FLEET_HEADER = [
    "Catégorie",
    "Marque",
    "Modèle",
    "Version",
    "Quantité",
    "Quantité en service",
    "Année",
    "Unité",
    "Région",
    "Carburant",
    "Conduite",
    "Boîte",
    "NNO",
    "N° de série",
]
REGIONS = ["Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal", "Kati"]


def inventory_path(rows: int) -> Path:
    return DATA_DIR / f"inventory_{rows}{LAYOUT}.xlsx"


def offer_path(lines: int) -> Path:
    return DATA_DIR / f"offer_{lines}{LAYOUT}.xlsx"


def fleet_rows(rows: int, rng: random.Random) -> list[list[object]]:
    out: list[list[object]] = []
    for i in range(rows):
        category, make, model = MODELS[rng.randrange(len(MODELS))]
        qty = rng.randint(1, 12)
        out.append(
            [
                category,
                make,
                model,
                rng.choice(["", "Station wagon", "Plateau", "Bâché"]),
                qty,
                rng.randint(0, qty),
                rng.randint(1975, 2025),
                f"Unité {i % 400:03d}",
                rng.choice(REGIONS),
                "Gazole",
                "Gauche",
                rng.choice(["Manuelle", "Automatique"]),
                f"{rng.randint(10, 99):02d}{rng.randint(0, 99):02d}{rng.randint(0, 10**9 - 1):09d}",
                f"{i:09d}",
            ]
        )
    return out


def write_inventory(rows: int, path: Path | None = None) -> Path:
    """Fleet plus proportionate spare parts, workshops, budget, personnel and profile sheets."""
    path = path or inventory_path(rows)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED + rows)
    fleet: list[list[object]] = [list(FLEET_HEADER), *fleet_rows(rows, rng)]
    parts: list[list[object]] = []
    parts.append(
        [
            "Référence",
            "NNO",
            "Désignation",
            "Applicable à",
            "Quantité en stock",
            "Fournisseur",
            "Provenance",
            "Délai (jours)",
        ]
    )
    for i in range(max(10, rows // 10)):
        _, make, model = MODELS[i % len(MODELS)]
        parts.append(
            [
                f"{i:06d}-A",
                f"{rng.randint(0, 10**13 - 1):013d}",
                f"Filtre {i}",
                f"{make} {model}",
                rng.randint(0, 50),
                "Distributeur",
                "Bamako",
                rng.randint(5, 120),
            ]
        )
    shops: list[list[object]] = []
    shops.append(
        [
            "Atelier",
            "Localisation",
            "Mécaniciens",
            "Qualifiés sur",
            "Heures disponibles",
            "Heures engagées",
            "Outillage spécifique",
        ]
    )
    for i in range(max(3, rows // 200)):
        makes = ", ".join(sorted({m[1] for m in rng.sample(MODELS, 4)}))
        n = rng.randint(2, 12)
        shops.append(
            [
                f"Atelier {i}",
                rng.choice(REGIONS),
                n,
                makes,
                n * 1600,
                int(n * 1600 * rng.uniform(0.5, 0.95)),
                makes,
            ]
        )
    budget: list[list[object]] = []
    budget.append(["Ligne budgétaire", "Exercice", "Montant", "Montant engagé", "Devise"])
    for year in (2026, 2027, 2028):
        for line in ("Carburant", "Maintenance", "Pièces de rechange"):
            amount = rows * rng.randint(150_000, 400_000)
            budget.append([line, year, amount, int(amount * rng.uniform(0.6, 0.9)), "FCFA"])
    people: list[list[object]] = []
    people.append(["Catégorie de permis", "Catégorie de véhicule", "Nombre"])
    for category in sorted({m[0] for m in MODELS}):
        people.append(["C", category, rows // 5])
    profile: list[list[object]] = []
    for key, value in [
        ("Pays", "Mali"),
        ("Sens de circulation", "à droite"),
        ("Carburants disponibles", "Gazole, Essence, Jet A1"),
        ("Langue de travail", "français"),
        ("Devise", "FCFA"),
        ("Prix du carburant par litre", 775),
        ("Registre des biens", "oui"),
    ]:
        profile.append([key, value])
    write_workbook(
        path,
        [
            Sheet("Parc", fleet, text_columns={12, 13}),
            Sheet("Pièces de rechange", parts, text_columns={0, 1}),
            Sheet("Maintenance", shops),
            Sheet("Budget", budget),
            Sheet("Personnel", people),
            Sheet("Profil", profile),
        ],
    )
    return path


OFFER_HEADER = [
    "Catégorie",
    "Marque",
    "Modèle",
    "Quantité",
    "Année",
    "État",
    "Carburant",
    "Conduite",
    "Boîte",
    "Lot de pièces (mois)",
    "Outillage inclus",
    "Mécaniciens à former",
    "Conducteurs à former",
    "Langue des manuels",
    "Garantie (mois)",
    "Valeur unitaire",
]
EXTRA_MODELS = [
    ("Ambulance", "Ford", "Transit"),
    ("Pick-up", "Isuzu", "D-Max"),
    ("Camion", "Ashok Leyland", "Stallion"),
]


def write_offer(lines: int, path: Path | None = None) -> Path:
    path = path or offer_path(lines)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED - lines)
    ws: list[list[object]] = []
    for key, value in [
        ("Donateur", "Partenaire de référence"),
        ("Référence de l'offre", "BENCH"),
        ("Date de l'offre", "12/03/2026"),
        ("Demandé par le bénéficiaire", "oui"),
    ]:
        ws.append([key, value])
    ws.append([])
    ws.append(list(OFFER_HEADER))
    for _ in range(lines):
        category, make, model = rng.choice(MODELS + EXTRA_MODELS)
        ws.append(
            [
                category,
                make,
                model,
                rng.randint(1, 40),
                rng.randint(2010, 2026),
                rng.choice(["neuf", "occasion"]),
                "Gazole",
                rng.choice(["Gauche", "Droite"]),
                "Manuelle",
                rng.choice([0, 12, 24]),
                rng.choice(["oui", "non"]),
                rng.randint(0, 4),
                rng.randint(0, 20),
                rng.choice(["français", "anglais"]),
                rng.choice([0, 12, 24]),
                rng.randint(10, 60) * 1_000_000,
            ]
        )
    write_workbook(path, [Sheet("Offre", ws)])
    return path
