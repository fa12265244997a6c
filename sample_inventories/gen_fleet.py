"""The French sample fleet: what the army holds, drawn from a seeded random generator, and the
'Parc' sheet written the way a ministry clerk lays it out (title block, two-row merged header,
a blank line, a TOTAL row, a few badly typed cells)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gen_xlsx import BOLD, BORDER, header_cell, set_widths, title_rows, write_rows
from openpyxl.worksheet.worksheet import Worksheet

# Fleet headers worded differently from every synonym in rules/fields.toml, as a clerk might
# write them: the importer must map them by close matching. Listed in README.md and checked
# against fields.toml by tests/core/test_samples.py.
NON_SYNONYM_HEADERS = {
    "make": "Marque du véhicule",
    "unit": "Unité détentrice",
    "transmission": "Type de boîte",
}

LIGHT, LIAISON, TRUCK, TANKER = "Pick-up", "Véhicule de liaison 4x4", "Camion", "Camion-citerne"
AMBULANCE, ARMOUR, GENERATOR, RADIO = "Ambulance", "Véhicule blindé", "Groupe électrogène", "Radio"
CATEGORY_ORDER = (LIGHT, LIAISON, TRUCK, TANKER, AMBULANCE, ARMOUR, GENERATOR, RADIO)

OLD = (0.15, 0.6)  # serviceable share of Soviet-era equipment
AGEING = (0.45, 0.9)
ELEC, DIGITAL = "Gestion électronique", "Numérique"


@dataclass(frozen=True)
class Spec:
    """One make/model the army holds, and how its fleet rows are drawn."""

    category: str
    make: str
    model: str
    rows: int
    years: tuple[int, int]
    variants: tuple[str, ...] = ("",)
    fuel: str = "D"  # D diesel, E petrol, "" none
    voltage: int = 24
    gearbox: str = "M"  # M manual, A automatic, "" none
    tech: str = "Mécanique"
    fsc: str = ""  # NATO supply class; "" = no NSN recorded
    ncb: str = ""  # codification bureau (01 USA, 12 Germany, 14 France, 15 Italy, 66 Australia)
    wmi: str = ""  # first letters of serial numbers
    serviceable: tuple[float, float] = (0.6, 1.0)
    gap: tuple[int, int] = (0, 1)  # authorised minus held, per row
    units: str = "all"
    make_spellings: tuple[str, ...] = ()
    model_spellings: tuple[str, ...] = ()


def _s(category: str, make: str, model: str, rows: int, years: tuple[int, int], **kw: Any) -> Spec:
    return Spec(category, make, model, rows, years, **kw)


# fmt: off
FLEET_SPECS: tuple[Spec, ...] = (
    _s(LIGHT, "Toyota", "Land Cruiser 79", 70, (2008, 2024),
       variants=("HZJ79 simple cabine", "HZJ79 double cabine", "VDJ79 double cabine", "HZJ79 plateau"),
       voltage=12, fsc="2320", ncb="01", wmi="JTELB71J", gap=(0, 2), units="light",
       make_spellings=("TOYOTA", "Toyota "),
       model_spellings=("LC79", "Land Cruiser HZJ79", "Land-Cruiser 79", "LAND CRUISER 79")),
    _s(LIGHT, "Toyota", "Hilux", 45, (2010, 2024),
       variants=("double cabine 2.4 D-4D", "simple cabine 2.5 D-4D"), voltage=12, tech=ELEC,
       fsc="2320", ncb="01", wmi="AHTFR22G", gap=(0, 2), units="light",
       make_spellings=("TOYOTA",), model_spellings=("HILUX", "Hilux Revo")),
    _s(LIGHT, "Nissan", "Navara D22", 8, (2005, 2014), variants=("double cabine",), voltage=12,
       wmi="JN1CPGD22", serviceable=AGEING, units="light", model_spellings=("NP300",)),
    _s(LIGHT, "Isuzu", "D-Max", 6, (2012, 2020), variants=("double cabine",), voltage=12,
       tech=ELEC, wmi="MPATFS86", units="light"),
    _s(LIGHT, "Dongfeng", "Rich", 10, (2019, 2023), variants=("double cabine 4x4",), voltage=12,
       tech=ELEC, wmi="LGAX4C35", units="light", make_spellings=("DONGFENG", "Dong Feng")),
    _s(LIAISON, "Toyota", "Land Cruiser 78", 25, (2006, 2024), variants=("HZJ78 troop carrier",),
       voltage=12, fsc="2320", ncb="01", wmi="JTEEB71J", units="light",
       model_spellings=("LC78", "Land Cruiser HZJ78")),
    _s(LIAISON, "Toyota", "Land Cruiser 76", 10, (2010, 2022), variants=("station wagon",),
       voltage=12, tech=ELEC, wmi="JTEBV71J", units="command"),
    _s(LIAISON, "Nissan", "Patrol Y61", 15, (2004, 2016), variants=("GL 4.2 D",), voltage=12,
       fsc="2320", ncb="14", wmi="JN1TESY61", serviceable=AGEING, units="light",
       model_spellings=("Patrol GU", "PATROL Y61")),
    _s(LIAISON, "Hyundai", "Santa Fe", 8, (2012, 2021), variants=("2.2 CRDi",), voltage=12,
       gearbox="A", tech=ELEC, wmi="KMHSU81X", units="command"),
    _s(LIAISON, "UAZ", "UAZ-469", 8, (1978, 1991), fuel="E", voltage=12, wmi="XTT469",
       serviceable=OLD, units="light", model_spellings=("UAZ 469",)),
    _s(TRUCK, "Mercedes-Benz", "Unimog U4000", 12, (2003, 2015), variants=("4x4 plateau bâché",),
       fsc="2320", ncb="12", wmi="WDB4051", units="truck",
       make_spellings=("Mercedes", "MERCEDES BENZ"), model_spellings=("U4000", "Unimog 4000")),
    _s(TRUCK, "Mercedes-Benz", "Zetros 1833", 12, (2016, 2023), variants=("4x4 plateau bâché",),
       tech=ELEC, fsc="2320", ncb="12", wmi="WDB9634", gap=(1, 2), units="truck",
       make_spellings=("Mercedes",), model_spellings=("Zetros",)),
    _s(TRUCK, "Renault Trucks", "Kerax", 12, (2004, 2013),
       variants=("6x6 porte-engins", "4x4 plateau"), fsc="2320", ncb="14", wmi="VF622GVA",
       serviceable=AGEING, units="truck", model_spellings=("KERAX",)),
    _s(TRUCK, "Renault Trucks", "GBC 180", 8, (1982, 1996), variants=("6x6 transport de troupes",),
       fsc="2320", ncb="14", wmi="VF6GBC", serviceable=OLD, units="truck",
       make_spellings=("RVI",), model_spellings=("GBC180",)),
    _s(TRUCK, "Renault Trucks", "TRM 10000", 6, (1990, 2000), variants=("6x6",), fsc="2320",
       ncb="14", wmi="VF6TRM", serviceable=OLD, units="truck", make_spellings=("RVI",),
       model_spellings=("TRM10000",)),
    _s(TRUCK, "Renault Trucks", "Sherpa 5", 6, (2010, 2016), variants=("4x4 cargo",), fsc="2320",
       ncb="14", wmi="VF6SH5", units="truck", model_spellings=("Sherpa",)),
    _s(TRUCK, "ACMAT", "VLRA", 10, (1992, 2012), variants=("TPK 4.20 SM3", "TPK 4.36"),
       fsc="2320", ncb="14", wmi="VF9ACM", serviceable=AGEING, units="truck"),
    _s(TRUCK, "Iveco", "Trakker", 6, (2011, 2019), variants=("6x6 AD380",), tech=ELEC,
       fsc="2320", ncb="15", wmi="WJMJ4CT", units="truck"),
    _s(TRUCK, "Ural", "4320", 15, (1979, 2012), variants=("6x6 transport de troupes", "6x6 plateau"),
       wmi="X1P4320", serviceable=OLD, gap=(1, 2), units="truck",
       make_spellings=("URAL",), model_spellings=("Ural 4320",)),
    _s(TRUCK, "KamAZ", "4310", 10, (1982, 2000), variants=("6x6",), wmi="XTC4310",
       serviceable=OLD, units="truck", make_spellings=("KAMAZ", "Kamaz"),
       model_spellings=("KamAZ 4310",)),
    _s(TRUCK, "KamAZ", "43118", 5, (2008, 2016), variants=("6x6",), wmi="XTC43118", units="truck",
       make_spellings=("KAMAZ",)),
    _s(TRUCK, "GAZ", "GAZ-66", 10, (1975, 1992), fuel="E", wmi="XTH66", serviceable=OLD,
       units="truck", model_spellings=("GAZ 66",)),
    _s(TRUCK, "ZiL", "ZiL-131", 5, (1976, 1990), fuel="E", wmi="XTZ131", serviceable=OLD,
       units="truck", make_spellings=("ZIL",), model_spellings=("ZIL-131",)),
    _s(TRUCK, "Dongfeng", "EQ2102", 10, (2010, 2023), variants=("6x6",), wmi="LGAG4DX",
       units="truck", make_spellings=("DONGFENG",)),
    _s(TRUCK, "Sinotruk", "HOWO 6x6", 10, (2014, 2023), variants=("transport de troupes",),
       tech=ELEC, wmi="LZZ5DLSD", units="truck", make_spellings=("SINOTRUK",),
       model_spellings=("Howo 6x6",)),
    _s(TRUCK, "Shacman", "SX2190", 8, (2013, 2022), variants=("6x6",), wmi="LZGJL4V",
       units="truck"),
    _s(TRUCK, "Kia", "KM450", 5, (2012, 2018), variants=("4x4 cargo",), wmi="KNCWJZ", units="truck"),
    _s(TRUCK, "Hyundai", "HD72", 6, (2011, 2019), variants=("plateau",), wmi="KMFGA17",
       units="truck"),
    _s(TANKER, "Renault Trucks", "Kerax", 5, (2005, 2013),
       variants=("citerne carburant 18 000 L",), fsc="2320", ncb="14", wmi="VF622GVC",
       serviceable=AGEING, units="truck"),
    _s(TANKER, "Sinotruk", "HOWO 6x4", 6, (2015, 2023), variants=("citerne carburant 20 000 L",),
       tech=ELEC, wmi="LZZ5ELND", units="truck"),
    _s(TANKER, "Shacman", "X3000", 4, (2019, 2023), variants=("citerne à eau 15 000 L",),
       tech=ELEC, wmi="LZGJX4T", units="truck"),
    _s(TANKER, "Ural", "4320", 5, (1984, 2010), variants=("ATZ-4,9 citerne carburant",),
       wmi="X1P4320C", serviceable=OLD, gap=(1, 2), units="truck", make_spellings=("URAL",)),
    _s(AMBULANCE, "Toyota", "Land Cruiser 78", 10, (2009, 2023), variants=("ambulance 4x4",),
       voltage=12, fsc="2310", ncb="01", wmi="JTEEB71J", gap=(1, 3), units="medical"),
    _s(AMBULANCE, "Toyota", "HiAce", 6, (2010, 2020), variants=("ambulance",), voltage=12,
       tech=ELEC, wmi="JTFSX23P", gap=(1, 2), units="medical"),
    _s(AMBULANCE, "Mercedes-Benz", "Sprinter", 4, (2012, 2019), variants=("316 CDI ambulance",),
       voltage=12, gearbox="A", tech=ELEC, wmi="WDB9066", gap=(0, 2), units="medical"),
    _s(AMBULANCE, "Hyundai", "H-1", 4, (2014, 2021), variants=("ambulance",), voltage=12,
       tech=ELEC, wmi="KMJWA37K", gap=(0, 2), units="medical"),
    _s(AMBULANCE, "Nissan", "Patrol Y61", 2, (2008, 2014), variants=("ambulance 4x4",),
       voltage=12, wmi="JN1TESY61", units="medical"),
    _s(ARMOUR, "GAZ", "BRDM-2", 8, (1975, 1988), fuel="E", serviceable=OLD, units="armour",
       model_spellings=("BRDM 2",)),
    _s(ARMOUR, "GAZ", "BTR-60PB", 6, (1975, 1985), fuel="E", serviceable=OLD, units="armour",
       model_spellings=("BTR 60 PB",)),
    _s(ARMOUR, "Streit Group", "Typhoon", 6, (2019, 2022), variants=("4x4 MRAP",), gearbox="A",
       tech=ELEC, wmi="STRTY", units="armour", make_spellings=("Streit",)),
    _s(ARMOUR, "Streit Group", "Cougar", 4, (2019, 2020), variants=("4x4 APC",), gearbox="A",
       tech=ELEC, wmi="STRCG", units="armour", make_spellings=("STREIT",)),
    _s(ARMOUR, "DCD Protected Mobility", "Casspir NG 2000B", 4, (2019, 2020),
       variants=("4x4 MRAP",), wmi="DCDNG", units="armour"),
    _s(ARMOUR, "ACMAT", "Bastion", 5, (2013, 2019), variants=("APC 4x4",), tech=ELEC,
       fsc="2320", ncb="14", wmi="VF9BAS", units="armour"),
    _s(GENERATOR, "SDMO", "J22", 10, (2008, 2022), variants=("22 kVA triphasé",), voltage=12,
       gearbox="", fsc="6115", ncb="14", units="support"),
    _s(GENERATOR, "Caterpillar", "DE22E3", 6, (2010, 2020), variants=("22 kVA",), voltage=12,
       gearbox="", fsc="6115", ncb="01", units="support"),
    _s(GENERATOR, "Hyundai", "DHY22KSE", 6, (2014, 2022), variants=("22 kVA",), voltage=12,
       gearbox="", units="support"),
    _s(GENERATOR, "Kipor", "KDE12STA", 6, (2012, 2021), variants=("10 kVA",), voltage=12,
       gearbox="", serviceable=AGEING, units="support"),
    _s(RADIO, "Codan", "Envoy X2", 10, (2015, 2024), variants=("HF mobile véhicule",), fuel="",
       voltage=12, gearbox="", tech=DIGITAL, fsc="5820", ncb="66", units="radio"),
    _s(RADIO, "Codan", "2110", 6, (2008, 2016), variants=("HF portable",), fuel="", voltage=12,
       gearbox="", tech=DIGITAL, fsc="5820", ncb="66", units="radio"),
    _s(RADIO, "Motorola", "DM4600", 8, (2012, 2022), variants=("VHF mobile",), fuel="",
       voltage=12, gearbox="", tech=DIGITAL, fsc="5820", ncb="01", units="radio"),
    _s(RADIO, "Motorola", "DP4400", 6, (2013, 2022), variants=("VHF portative",), fuel="",
       voltage=12, gearbox="", tech=DIGITAL, fsc="5820", ncb="01", units="radio"),
    _s(RADIO, "L3Harris", "AN/PRC-117G", 4, (2016, 2023), variants=("manpack multibande",),
       fuel="", voltage=12, gearbox="", tech=DIGITAL, fsc="5820", ncb="01", units="radio"),
    _s(RADIO, "L3Harris", "RF-5800H", 4, (2010, 2018), variants=("HF manpack",), fuel="",
       voltage=12, gearbox="", tech=DIGITAL, fsc="5820", ncb="01", units="radio",
       make_spellings=("Harris",)),
)

# Units and where they are based (the "Région militaire" column holds the region or garrison).
UNITS: dict[str, str] = {
    "1re Région militaire": "Gao", "2e Région militaire": "Koulikoro",
    "3e Région militaire": "Kati", "4e Région militaire": "Kayes",
    "5e Région militaire": "Tombouctou", "6e Région militaire": "Mopti",
    "33e RCP": "Bamako", "GTIA 1": "Gao", "GTIA 2": "Tombouctou", "GTIA 3": "Mopti",
    "GTIA 4": "Kidal", "GTIA 5": "Ségou", "GTIA 6": "Sikasso",
    "Compagnie de transport": "Kati", "Bataillon du génie": "Kati", "Escadron blindé": "Kati",
    "Service de santé des armées": "Bamako", "Direction des transmissions": "Bamako",
    "État-major général des armées": "Bamako",
}
# fmt: on

_REGIONS = [u for u in UNITS if "Région" in u]
_GTIA = [u for u in UNITS if u.startswith("GTIA")]
UNIT_POOLS: dict[str, list[str]] = {
    "all": list(UNITS),
    "light": [*_REGIONS, *_GTIA, "33e RCP", "Bataillon du génie", "Compagnie de transport"],
    "command": ["État-major général des armées", *_REGIONS],
    "truck": ["Compagnie de transport"] * 2 + [*_REGIONS, *_GTIA, "Bataillon du génie"],
    "medical": ["Service de santé des armées"] * 2 + [*_GTIA, *_REGIONS],
    "armour": ["Escadron blindé"] * 2 + ["33e RCP", *_GTIA],
    "support": [
        "Bataillon du génie",
        "Service de santé des armées",
        "Direction des transmissions",
        *_REGIONS,
    ],
    "radio": ["Direction des transmissions"] * 2 + [*_GTIA, *_REGIONS, "33e RCP"],
}

NOTES = ("",) * 8 + (
    "En attente de pièces",
    "Immobilisé — moteur à réviser",
    "Pneumatiques à remplacer",
    "Don d'un partenaire",
    "Réparé à l'atelier de Kati",
    "Batteries hors service",
    "Affecté en renfort temporaire",
)

QTY_WEIGHTS = (18, 16, 14, 12, 10, 8, 6, 5, 4, 3, 2, 2)  # quantities 1..12 per row


@dataclass
class FleetRow:
    category: str
    make: str
    model: str
    variant: str
    year: int | None
    unit: str
    location: str
    authorised: int
    total: int | str  # str for the deliberately badly typed cells
    serviceable: int | None
    fuel: str
    drive: str
    gearbox: str
    voltage: int
    tech: str
    nsn: str
    serial: str
    notes: str
    spec: Spec

    def cells(self, number: int) -> tuple[Any, ...]:
        return (
            number, self.category, self.make, self.model, self.variant, self.year, self.unit,
            self.location, self.authorised, self.total, self.serviceable, self.fuel, self.drive,
            self.gearbox, self.voltage, self.tech, self.nsn, self.serial, self.notes,
        )  # fmt: skip


def _nsn_as_written(rng: random.Random, fsc: str, ncb: str, niin7: str) -> str:
    """One NSN as clerks write it: dashed, 13 digits, or the 9-digit NIIN alone (which starts
    with the codification bureau, hence a leading zero for 00/01 US items)."""
    roll = rng.random()
    if roll < 0.55:
        return f"{fsc}-{ncb}-{niin7[:3]}-{niin7[3:]}"
    if roll < 0.8:
        return f"{fsc}{ncb}{niin7}"
    return f"{ncb}{niin7}"


def _serial(rng: random.Random, spec: Spec, qty: int) -> str:
    if spec.category in (GENERATOR, RADIO):
        first = rng.randint(100, 99999)
        if qty == 1:
            return f"{first:07d}"
        return f"{first:07d} à {first + qty - 1:07d}" if rng.random() < 0.6 else ""
    if qty == 1:
        if not spec.wmi or rng.random() < 0.25:  # army registration number instead of a VIN
            return f"{rng.randint(1, 9999):06d}"
        tail = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(9))
        return (spec.wmi + "0" + tail)[:17]
    if rng.random() < 0.4:
        first = rng.randint(1, 9990)
        return f"{first:06d} à {first + qty - 1:06d}"
    return ""


def _draw_row(rng: random.Random, spec: Spec, niins: dict[tuple[str, str], str]) -> FleetRow:
    unit = rng.choice(UNIT_POOLS[spec.units])
    variant = rng.choice(spec.variants)
    qty = rng.choices(range(1, 13), weights=QTY_WEIGHTS)[0]
    serviceable = min(qty, round(qty * rng.uniform(*spec.serviceable)))
    make = spec.make
    if spec.make_spellings and rng.random() < 0.15:
        make = rng.choice(spec.make_spellings)
    model = spec.model
    if spec.model_spellings and rng.random() < 0.2:
        model = rng.choice(spec.model_spellings)
    nsn = ""
    if spec.fsc and rng.random() < 0.85:
        key = (spec.model, variant)
        if key not in niins:  # one NSN per model and variant, however it is written
            niins[key] = f"{rng.randint(0, 9999999):07d}"
        nsn = _nsn_as_written(rng, spec.fsc, spec.ncb, niins[key])
    diesel = rng.choice(("Gazole", "Gazole", "Gazole", "Diesel", "Diesel"))
    road = spec.category not in (GENERATOR, RADIO)
    return FleetRow(
        category=spec.category,
        make=make,
        model=model,
        variant=variant,
        year=rng.randint(*spec.years),
        unit=unit,
        location=UNITS[unit],
        authorised=qty + rng.randint(*spec.gap),
        total=qty,
        serviceable=serviceable,
        fuel={"D": diesel, "E": "Essence", "": ""}[spec.fuel],
        drive="Gauche" if road else "",
        gearbox={"M": "Manuelle", "A": "Automatique", "": ""}[spec.gearbox],
        voltage=spec.voltage,
        tech=spec.tech,
        nsn=nsn,
        serial=_serial(rng, spec, qty),
        notes=rng.choice(NOTES),
        spec=spec,
    )


def build_fleet(rng: random.Random) -> list[FleetRow]:
    niins: dict[tuple[str, str], str] = {}
    rows = [_draw_row(rng, spec, niins) for spec in FLEET_SPECS for _ in range(spec.rows)]
    rng.shuffle(rows)
    # Sorted as a clerk would: by category, then make; shuffled order inside a group.
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    rows.sort(key=lambda r: (order[r.category], r.spec.make))
    _add_mess(rows)
    return rows


def _add_mess(rows: list[FleetRow]) -> None:
    """A real file's imperfections: quantities typed as text, one unreadable quantity, a few
    unknown years and serviceable counts."""
    rows[37].total = f"{rows[37].total} "  # trailing space: still readable
    rows[37].notes = rows[37].notes or "Saisie à vérifier"
    row = rows[118]
    assert isinstance(row.total, int)
    row.authorised += 12 - row.total
    row.serviceable = 12 - (row.total - (row.serviceable or 0))
    row.total = "12,0"  # decimal comma: still readable as 12
    rows[203].total = "voir note"  # unreadable: the import report must show a rejected row
    rows[203].notes = "Quantité à confirmer — voir note de service n°0412/DMHTA"
    for i in (61, 150, 289, 377):
        rows[i].year = None
    for i in (90, 244, 402):
        rows[i].serviceable = None


MESSY_ROW_INDEXES = {"trailing_space": 37, "decimal_comma": 118, "unreadable": 203}
BLANK_AFTER = 260  # a blank line is left after this many fleet rows


def quantity_value(row: FleetRow) -> int | None:
    """The quantity a correct importer reads from the cell (None when unreadable)."""
    if isinstance(row.total, int):
        return row.total
    try:
        return int(float(row.total.strip().replace(",", ".")))
    except ValueError:
        return None


def units_by(rows: Iterable[FleetRow], key: Callable[[FleetRow], Any]) -> Counter[Any]:
    counts: Counter[Any] = Counter()
    for r in rows:
        q = quantity_value(r)
        if q is not None:
            counts[key(r)] += q
    return counts


FLEET_COLUMNS = 19
PARC_TITLES = (
    "RÉPUBLIQUE DU MALI — MINISTÈRE DE LA DÉFENSE ET DES ANCIENS COMBATTANTS",
    "Direction du Matériel, des Hydrocarbures et du Transport des Armées — "
    "Situation du parc au 31/12/2025",
    "",
)
HEADER_TOP, HEADER_SUB = 4, 5
SINGLE_HEADERS = {
    1: "N° d'ordre",
    2: "Catégorie",
    3: NON_SYNONYM_HEADERS["make"],
    4: "Modèle",
    5: "Version",
    6: "Année de\nmise en service",
    7: NON_SYNONYM_HEADERS["unit"],
    8: "Région militaire",
    9: "Dotation théorique",
    12: "Carburant",
    13: "Conduite",
    14: NON_SYNONYM_HEADERS["transmission"],
    15: "Tension (V)",
    16: "Niveau technologique",
    19: "Observations",
}
GROUP_HEADERS = {
    10: ("Quantité", ("totale", "en service")),
    17: ("Identification", ("NNO (OTAN)", "N° de série")),
}


def write_parc(ws: Worksheet, rows: list[FleetRow]) -> int:
    """Fill the 'Parc' sheet; return the Excel row number of the TOTAL row."""
    title_rows(ws, PARC_TITLES, FLEET_COLUMNS)
    for col, text in SINGLE_HEADERS.items():
        header_cell(ws, HEADER_TOP, col, text)
        header_cell(ws, HEADER_SUB, col, None)
        ws.merge_cells(start_row=HEADER_TOP, start_column=col, end_row=HEADER_SUB, end_column=col)
    for col, (group, subs) in GROUP_HEADERS.items():
        header_cell(ws, HEADER_TOP, col, group)
        header_cell(ws, HEADER_TOP, col + 1, None)
        ws.merge_cells(
            start_row=HEADER_TOP, start_column=col, end_row=HEADER_TOP, end_column=col + 1
        )
        for i, text in enumerate(subs):
            header_cell(ws, HEADER_SUB, col + i, text)
    ws.row_dimensions[HEADER_TOP].height = 30
    ws.row_dimensions[HEADER_SUB].height = 30

    r = HEADER_SUB + 1
    for i, fleet_row in enumerate(rows, start=1):
        r = write_rows(ws, r, [fleet_row.cells(i)], code_columns=(17, 18))
        if i == BLANK_AFTER:
            r += 1
    total_row = r
    ws.cell(row=total_row, column=1, value="TOTAL").font = BOLD
    ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=8)
    sums = (
        (9, sum(fr.authorised for fr in rows)),
        (10, sum(quantity_value(fr) or 0 for fr in rows)),
        (11, sum(fr.serviceable or 0 for fr in rows)),
    )
    for col, value in sums:
        cell = ws.cell(row=total_row, column=col, value=value)
        cell.font = BOLD
        cell.border = BORDER
    ws.freeze_panes = "C6"
    set_widths(ws, (8, 22, 18, 18, 24, 13, 26, 14, 11, 9, 10, 10, 9, 12, 9, 18, 19, 26, 34))
    return total_row
