"""The sample donation offers: a key/value header block, a blank row, then the line table.

Each offer is designed for one verdict; README.md says which and why.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import astuple, dataclass
from typing import Any

from gen_fleet import AMBULANCE, LIAISON, LIGHT, TRUCK
from gen_xlsx import BOLD, first_sheet, header_row, new_workbook, set_widths, write_rows
from openpyxl import Workbook


@dataclass(frozen=True)
class Line:
    """One offer line, in the column order of the line table. None or "" = not stated."""

    category: str
    make: str
    model: str
    variant: str
    quantity: int
    year: int
    condition: str
    km: int | None
    fuel: str
    drive: str
    gearbox: str
    voltage: int | None
    tech: str
    spares_months: int | None
    spares_value: int | None
    parts: str
    tools: str
    mechanics: int | None
    drivers: int | None
    manuals: str
    manuals_lang: str
    warranty: int | None
    unit_value: int | None
    running_cost: int | None
    dealer: str
    inspection: str
    support_end: int | None
    max_temp: int | None
    location: str
    notes: str = ""


LINE_HEADERS_FR = (
    "Catégorie", "Marque", "Modèle", "Version", "Quantité", "Année", "État (neuf/occasion)",
    "Kilométrage", "Carburant", "Conduite", "Boîte de vitesses", "Tension (V)",
    "Niveau technologique", "Lot de pièces (mois)", "Valeur des pièces", "Liste des pièces",
    "Outillage inclus", "Mécaniciens à former", "Conducteurs à former", "Manuels",
    "Langue des manuels", "Garantie (mois)", "Valeur unitaire", "Coût annuel de fonctionnement",
    "Concessionnaire local", "Rapport d'inspection", "Fin du support constructeur",
    "Température maximale", "Lieu d'emploi", "Observations",
)  # fmt: skip
LINE_HEADERS_EN = (
    "Category", "Make", "Model", "Variant", "Quantity", "Year", "Condition", "Odometer km", "Fuel",
    "Drive side", "Transmission", "Voltage", "Complexity", "Spares months", "Spares value",
    "Spare parts list", "Tools included", "Mechanics trained", "Drivers trained", "Manuals",
    "Manuals language", "Warranty months", "Unit value", "Annual running cost",
    "Dealer in country", "Inspection report", "Support end", "Max temperature", "Location",
    "Notes",
)  # fmt: skip
CODE_COLUMNS = (16,)  # part-number lists keep their leading zeros
MONEY_COLUMNS = (15, 23, 24)
VOLTAGE_INDEX, TEMPERATURE_INDEX = 11, 27  # 0-based, for the CSV's decimal commas
COLUMN_WIDTHS = (34, 20, 18, 26, 9, 7, 12, 11, 10, 9, 12, 9, 18, 11, 14, 40, 10, 11, 11, 44, 14,
                 10, 14, 14, 32, 30, 12, 12, 28, 34)  # fmt: skip


@dataclass(frozen=True)
class OfferSpec:
    file_stem: str
    header: tuple[tuple[str, Any], ...]
    lines: tuple[Line, ...]
    sheet: str = "Offre"
    line_headers: tuple[str, ...] = LINE_HEADERS_FR


FAMA = "Forces armées maliennes (FAMa)"
FULL_MANUALS = "Manuel d'utilisation, manuel d'atelier, catalogue de pièces"
TOYOTA_PARTS = "04152-YZZA1, 17801-30040, 23390-51070, 04465-60320, 90915-YZZD4, 04465-0K240"
ZETROS_PARTS = "0001803009, 0004771302, 0040942404, 0044205220, 0001804709"
URAL_PARTS = "236-1012075, 201-1117075, 4320-1109013, 4320-3501090, 4320-2304010"
INSPECTED = "Inspection avant expédition conforme"


def _header(
    donor: str,
    reference: str,
    date: dt.date,
    requested: str,
    request_ref: str,
    transport: str,
    customs: str,
    monitoring: str,
    notes: str,
) -> tuple[tuple[str, Any], ...]:
    return (
        ("Donateur", donor),
        ("Référence de l'offre", reference),
        ("Date de l'offre", date),
        ("Bénéficiaire", FAMA),
        ("Demandé par le bénéficiaire", requested),
        ("Référence de la demande", request_ref),
        ("Transport à la charge de", transport),
        ("Douane à la charge de", customs),
        ("Devise", "FCFA"),
        ("Suivi de l'utilisation finale", monitoring),
        ("Observations", notes),
    )


# fmt: off
OFFER_GOOD = OfferSpec(
    "offre_bien_adaptee",
    _header("Partenaire bilatéral A — Coopération de sécurité et de défense", "PA/CSD/2026/014",
            dt.date(2026, 2, 16), "oui", "0147/MDAC-DMHTA du 12/11/2025",
            "Donateur (jusqu'à Bamako)", "Donateur", "oui",
            "Remise au Camp de Kati ; formation à Kati avant la mise en place."),
    (
        Line(LIGHT, "Toyota", "Land Cruiser 79", "HZJ79 simple cabine", 20, 2025, "Neuf", 0,
             "Gazole", "Gauche", "Manuelle", 12, "Mécanique", 24, 42_000_000, TOYOTA_PARTS, "oui",
             4, 20, FULL_MANUALS, "français", 24, 38_500_000, 3_300_000,
             "Concessionnaire Toyota, Bamako", INSPECTED, 2035, 55, "Gao (1re Région militaire)",
             "Version « grand chaud » (climatisation et refroidissement renforcés)"),
        Line(LIGHT, "Toyota", "Hilux", "double cabine 2.4 D-4D", 12, 2025, "Neuf", 0, "Gazole",
             "Gauche", "Manuelle", 12, "Gestion électronique", 24, 18_000_000, TOYOTA_PARTS, "oui",
             2, 12, FULL_MANUALS, "français", 24, 27_000_000, 2_600_000,
             "Concessionnaire Toyota, Bamako", INSPECTED, 2035, 55, "Sévaré (6e Région militaire)",
             "Version « grand chaud » (climatisation et refroidissement renforcés)"),
    ),
)

OFFER_AMBULANCES = OfferSpec(
    "offre_ambulances_occasion",
    _header("Association Ambulances pour le Sahel (ONG)", "AAS-2026-003", dt.date(2026, 1, 12),
            "non", "", "non précisé", "non précisé", "non",
            "Véhicules réformés d'un service d'ambulances européen, cédés en l'état ; "
            "équipement médical non inclus ; expédition dès acceptation."),
    (
        Line(AMBULANCE, "Ford", "Transit", "ambulance type B, 2.3 essence", 12, 2011, "Occasion",
             286_000, "Essence", "Droite", "Manuelle", 12, "Gestion électronique", 0, None, "",
             "non", 0, 0, "Manuel du conducteur", "anglais", 0, None, None, "aucun", "non", None,
             40, ""),
        Line(AMBULANCE, "Ford", "Transit", "ambulance type B, 2.3 essence", 8, 2013, "Occasion",
             254_000, "Essence", "Droite", "Manuelle", 12, "Gestion électronique", 0, None, "",
             "non", 0, 0, "Manuel du conducteur", "anglais", 0, None, None, "aucun", "non", None,
             40, "", "Deux véhicules sans brancard"),
    ),
)

OFFER_MIXED = OfferSpec(
    "offre_mixte",
    _header("Partenaire bilatéral B", "PB-2026-MIX-07", dt.date(2026, 3, 2), "oui",
            "0112/MDAC-DMHTA du 21/10/2025", "Donateur", "non précisé", "non",
            "Les camions Zetros répondent à la demande ; les Stallion et les Defender sont "
            "proposés en complément, sur les stocks du donateur."),
    (
        Line(TRUCK, "Mercedes-Benz", "Zetros 1833", "4x4 plateau bâché", 10, 2025, "Neuf", 0,
             "Gazole", "Gauche", "Manuelle", 24, "Gestion électronique", 12, 75_000_000,
             ZETROS_PARTS, "oui", 2, 10, FULL_MANUALS, "français", 24, 95_000_000, 7_800_000,
             "Importateur Mercedes-Benz Trucks, Bamako", INSPECTED, 2038, 55,
             "Sévaré (6e Région militaire)"),
        Line(TRUCK, "Ashok Leyland", "Stallion", "4x4 transport de troupes", 4, 2025, "Neuf", 0,
             "Gazole", "Gauche", "Manuelle", 24, "Mécanique", 6, 8_000_000, "", "non", 0, 4,
             "Manuel d'utilisation, manuel d'atelier", "anglais", 12, 42_000_000, 6_500_000,
             "non (représentant régional à Abidjan)", INSPECTED, 2032, 50, "Kati",
             "Lot de pièces partiel (filtres seulement)"),
        Line(LIAISON, "Land Rover", "Defender 110", "station wagon 2.2 TD4", 8, 2014, "Occasion",
             160_000, "Gazole", "Gauche", "Manuelle", 12, "Gestion électronique", 6, 6_000_000,
             "", "non", 0, 8, "Manuel d'utilisation", "anglais", 0, 14_000_000, 4_200_000,
             "non", "Défauts listés et étiquetés", 2026, 50, "Kati",
             "Véhicules réformés ; production arrêtée en 2016"),
    ),
)

OFFER_BIG_TRUCKS = OfferSpec(
    "offre_grand_lot_camions",
    _header("Partenaire bilatéral C", "PC/MTC/2026/0031", dt.date(2026, 2, 27), "oui",
            "0098/MDAC-EMGA du 03/09/2025", "Donateur (jusqu'au port de Dakar)", "Bénéficiaire",
            "non",
            "Livraison en une seule tranche de 150 camions ; la demande portait sur des camions "
            "de transport de troupes sans préciser la quantité."),
    (
        Line(TRUCK, "Ural", "4320", "6x6 transport de troupes", 150, 2025, "Neuf", 0, "Gazole",
             "Gauche", "Manuelle", 24, "Mécanique", 12, 1_350_000_000, URAL_PARTS, "oui", 6, 40,
             FULL_MANUALS, "russe, français", 12, 52_000_000, 7_500_000,
             "non (représentation régionale à Dakar)", "Réception usine conforme", 2040, 50,
             "Kati, Gao, Tombouctou",
             "Manuel d'atelier et catalogue en russe ; manuel d'utilisation en français"),
    ),
)

# Two lots of a model the fleet holds: the running budget carries either lot alone, not both.
OFFER_TWO_LOTS = OfferSpec(
    "offre_deux_lots_zetros",
    _header("Partenaire bilatéral D", "PD-2026-LOG-12", dt.date(2026, 3, 9), "oui",
            "0131/MDAC-DMHTA du 02/12/2025", "Donateur", "Donateur", "oui",
            "Deux lots livrés à trois mois d'intervalle : camions plateau, puis camions "
            "citerne à eau."),
    (
        Line(TRUCK, "Mercedes-Benz", "Zetros 1833", "4x4 plateau bâché", 30, 2025, "Neuf", 0,
             "Gazole", "Gauche", "Manuelle", 24, "Gestion électronique", 24, 160_000_000,
             ZETROS_PARTS, "oui", 4, 30, FULL_MANUALS, "français", 24, 95_000_000, 7_800_000,
             "Importateur Mercedes-Benz Trucks, Bamako", INSPECTED, 2038, 55,
             "Sévaré (6e Région militaire)"),
        Line(TRUCK, "Mercedes-Benz", "Zetros 1833", "4x4 citerne à eau 10 000 L", 26, 2025,
             "Neuf", 0, "Gazole", "Gauche", "Manuelle", 24, "Gestion électronique", 24,
             140_000_000, ZETROS_PARTS, "oui", 3, 26, FULL_MANUALS, "français", 24, 110_000_000,
             8_100_000, "Importateur Mercedes-Benz Trucks, Bamako", INSPECTED, 2038, 55,
             "Gao (1re Région militaire)"),
    ),
)

# A second donor's trucks: they fit alone, but beside the well-matched offer of partner A the
# maintenance budget is short (the register's portfolio shows it).
OFFER_SECOND_DONOR = OfferSpec(
    "offre_partenaire_e_zetros",
    _header("Partenaire bilatéral E", "PE-2026-TR-05", dt.date(2026, 3, 16), "oui",
            "0140/MDAC-DMHTA du 15/12/2025", "Donateur", "Donateur", "oui",
            "Camions plateau pour la logistique des régions du Nord ; livraison en un lot."),
    (
        Line(TRUCK, "Mercedes-Benz", "Zetros 1833", "4x4 plateau bâché", 30, 2025, "Neuf", 0,
             "Gazole", "Gauche", "Manuelle", 24, "Gestion électronique", 24, 160_000_000,
             ZETROS_PARTS, "oui", 4, 30, FULL_MANUALS, "français", 24, 95_000_000, 7_800_000,
             "Importateur Mercedes-Benz Trucks, Bamako", INSPECTED, 2038, 55,
             "Gao (1re Région militaire)"),
    ),
)

OFFER_DEMO_EN = OfferSpec(
    "offer_demo_en",
    (
        ("Donor", "Partner Q (fictional)"),
        ("Offer reference", "PQ-2026-001"),
        ("Offer date", dt.date(2026, 4, 20)),
        ("Recipient", "Demo Defence Force (fictional)"),
        ("Requested by recipient", "yes"),
        ("Request reference", "DDF/LOG/0042"),
        ("Transport paid by", "Donor"),
        ("Customs paid by", "Donor"),
        ("Currency", "USD"),
        ("End use monitoring", "yes"),
        ("Notes", "Delivery to the Central Workshop."),
    ),
    (
        Line("Pick-up", "Toyota", "Land Cruiser 79", "single cab", 16, 2025, "New", 0, "Diesel",
             "LHD", "Manual", 12, "Mechanical", 12, 48_000,
             "04152-YZZA1, 17801-30040, 23390-51070", "yes", 1, 16,
             "operator manual, workshop manual, parts catalogue", "English", 12, 62_000, 5_200,
             "Toyota dealer, Capital", "clean", 2035, 50, "Northern Region"),
        Line("Pick-up", "Isuzu", "D-Max", "double cab", 4, 2025, "New", 0, "Diesel", "LHD",
             "Manual", 12, "Electronic", 6, 4_000, "", "no", 0, 4, "operator manual", "English",
             12, 38_000, 4_400, "none", "clean", 2032, 45, "Eastern Region"),
    ),
    sheet="Offer",
    line_headers=LINE_HEADERS_EN,
)
# fmt: on

FRENCH_OFFERS = (
    OFFER_GOOD,
    OFFER_AMBULANCES,
    OFFER_MIXED,
    OFFER_BIG_TRUCKS,
    OFFER_TWO_LOTS,
    OFFER_SECOND_DONOR,
)


def build_offer(spec: OfferSpec) -> Workbook:
    wb = new_workbook(str(spec.header[0][1]))
    ws = first_sheet(wb, spec.sheet)
    for r, (key, value) in enumerate(spec.header, start=1):
        ws.cell(row=r, column=1, value=key).font = BOLD
        if value in (None, ""):
            continue
        cell = ws.cell(row=r, column=2, value=value)
        if isinstance(value, dt.date):
            cell.number_format = "DD/MM/YYYY"
        elif "éférence" in key or "eference" in key:
            cell.data_type = "s"
            cell.number_format = "@"
    table_row = len(spec.header) + 2  # one blank row between the header block and the lines
    header_row(ws, table_row, spec.line_headers)
    write_rows(
        ws,
        table_row + 1,
        (astuple(line) for line in spec.lines),
        code_columns=CODE_COLUMNS,
        money_columns=MONEY_COLUMNS,
    )
    set_widths(ws, COLUMN_WIDTHS[: len(spec.line_headers)])
    return wb


def _csv_cell(value: Any) -> str:
    """French spreadsheet export style: thousands separated by spaces, decimal comma."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", " ")
    return str(value)


def offer_csv_bytes(spec: OfferSpec) -> bytes:
    """Lines only, ';' separated, UTF-8 with BOM and CRLF, as Excel saves a French CSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(spec.line_headers)
    for line in spec.lines:
        values = list(astuple(line))
        for i in (VOLTAGE_INDEX, TEMPERATURE_INDEX):  # "12,0" V and "50,0" °C
            if values[i] is not None:
                values[i] = float(values[i])
        writer.writerow([_csv_cell(v) for v in values])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
