"""Regenerate the bundled sample inventories and donation offers, byte for byte.

Run from the repository root:  python sample_inventories/generate.py [--out DIR]

Standard library + openpyxl only. A fixed seed drives every random choice and the zip container
is rewritten with fixed timestamps, so two runs give identical files. Before writing, the
generator checks that the figures support the verdict each offer is designed for (README.md).
All names, figures and offers are fictitious.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the gen_* modules sit beside this script
    sys.path.insert(0, str(HERE))

from gen_demo_en import build_demo_inventory  # noqa: E402
from gen_fleet import (  # noqa: E402
    NON_SYNONYM_HEADERS,
    FleetRow,
    build_fleet,
    quantity_value,
    units_by,
    write_parc,
)
from gen_offers import (  # noqa: E402
    FRENCH_OFFERS,
    OFFER_AMBULANCES,
    OFFER_BIG_TRUCKS,
    OFFER_DEMO_EN,
    OFFER_GOOD,
    OFFER_MIXED,
    OfferSpec,
    build_offer,
    offer_csv_bytes,
)
from gen_support import (  # noqa: E402
    PROFILE_FR,
    budget_headroom,
    drivers,
    hours_headroom,
    qualified_mechanics,
    write_budget,
    write_maintenance,
    write_personnel,
    write_pledges,
    write_profile,
    write_spare_parts,
)
from gen_xlsx import first_sheet, new_workbook, workbook_bytes, write_atomic  # noqa: E402
from openpyxl import Workbook  # noqa: E402

__all__ = ["NON_SYNONYM_HEADERS", "check_design", "design_figures", "generate", "output_names"]

SEED = 20251231
VEHICLES_PER_MECHANIC = 12  # MAINT-01 ratio R of the criteria catalogue
FRENCH_INVENTORY = "inventaire_fama_2025.xlsx"
DEMO_INVENTORY = "inventory_demo_en.xlsx"
OFFER_CSV = "offre_bien_adaptee.csv"


def build_french_inventory(fleet: list[FleetRow]) -> Workbook:
    wb = new_workbook("DMHTA — Bureau du parc")
    write_parc(first_sheet(wb, "Parc"), fleet)
    write_maintenance(wb.create_sheet("Maintenance"))
    write_spare_parts(wb.create_sheet("Pièces de rechange"))
    write_budget(wb.create_sheet("Budget"))
    write_personnel(wb.create_sheet("Personnel"))
    write_pledges(wb.create_sheet("Partenaires"))
    write_profile(wb.create_sheet("Profil"), PROFILE_FR, "Profil du bénéficiaire")
    return wb


def _needed_mechanics(units: int) -> int:
    return math.ceil(units / VEHICLES_PER_MECHANIC)


def _offered(spec: OfferSpec) -> int:
    return sum(line.quantity for line in spec.lines)


def _running_cost(spec: OfferSpec) -> int:
    return sum(line.quantity * (line.running_cost or 0) for line in spec.lines)


def design_figures(fleet: list[FleetRow]) -> dict[str, Any]:
    """The numbers behind each offer's designed verdict (printed, and quoted in README.md)."""
    by_make = units_by(fleet, lambda r: r.spec.make)
    by_model = units_by(fleet, lambda r: (r.spec.make, r.spec.model))
    serviceable: Counter[tuple[str, str]] = Counter()
    gap: Counter[tuple[str, str]] = Counter()
    for r in fleet:
        key = (r.spec.make, r.spec.model)
        serviceable[key] += r.serviceable or 0
        held = quantity_value(r)
        if held is not None:
            gap[key] += r.authorised - held
    return {
        "fleet_rows": len(fleet),
        "fleet_units_readable": sum(by_make.values()),
        "toyota_units": by_make["Toyota"],
        "toyota_mechanics": qualified_mechanics("Toyota"),
        "mercedes_units": by_make["Mercedes-Benz"],
        "mercedes_mechanics": qualified_mechanics("Mercedes-Benz"),
        "ural_units": by_make["Ural"],
        "ural_4320_units": by_model[("Ural", "4320")],
        "ural_mechanics": qualified_mechanics("Ural"),
        "ashok_leyland_units": by_make["Ashok Leyland"],
        "land_rover_units": by_make["Land Rover"],
        "ford_units": by_make["Ford"],
        "lc79_serviceable": serviceable[("Toyota", "Land Cruiser 79")],
        "hilux_serviceable": serviceable[("Toyota", "Hilux")],
        "zetros_serviceable": serviceable[("Mercedes-Benz", "Zetros 1833")],
        "lc79_gap": gap[("Toyota", "Land Cruiser 79")],
        "hilux_gap": gap[("Toyota", "Hilux")],
        "zetros_gap": gap[("Mercedes-Benz", "Zetros 1833")],
        "ural_gap": gap[("Ural", "4320")],
        "labour_hours_headroom": hours_headroom(),
        "budget_headroom_2026": budget_headroom(2026),
        "drivers_light": drivers("B") - drivers(category="Ambulance"),
        "drivers_ambulance": drivers(category="Ambulance"),
        "drivers_trucks": drivers(category="Camion"),
        "good_offer_running_cost": _running_cost(OFFER_GOOD),
        "mixed_offer_running_cost": _running_cost(OFFER_MIXED),
        "big_offer_running_cost": _running_cost(OFFER_BIG_TRUCKS),
    }


def check_design(f: dict[str, Any]) -> list[str]:
    """The relations README.md promises; returns the broken ones (empty when all hold)."""
    good, zetros = _offered(OFFER_GOOD), OFFER_MIXED.lines[0].quantity
    ural, ambulances = _offered(OFFER_BIG_TRUCKS), _offered(OFFER_AMBULANCES)
    lc79, hilux = (line.quantity for line in OFFER_GOOD.lines)
    headroom, need = f["budget_headroom_2026"], _needed_mechanics
    checks = {
        # Well-matched offer: models held in number, enough mechanics, cost well inside headroom.
        "LC79 held with >= 10 serviceable": f["lc79_serviceable"] >= 10,
        "Hilux held with >= 10 serviceable": f["hilux_serviceable"] >= 10,
        "Toyota mechanics cover fleet + offer": f["toyota_mechanics"]
        >= need(f["toyota_units"] + good),
        "LC79 requirement gap covers the offer": f["lc79_gap"] >= lc79,
        "Hilux requirement gap covers the offer": f["hilux_gap"] >= hilux,
        "good offer costs <= 50% of headroom": f["good_offer_running_cost"] <= 0.5 * headroom,
        "spare light-vehicle drivers for the good offer": f["drivers_light"] >= good,
        # Mixed offer: the Zetros line is supportable; the Stallion and Defender makes are new.
        "Zetros held with >= 10 serviceable": f["zetros_serviceable"] >= 10,
        "Mercedes-Benz mechanics cover fleet + Zetros": f["mercedes_mechanics"]
        >= need(f["mercedes_units"] + zetros),
        "Zetros requirement gap covers the offer": f["zetros_gap"] >= zetros,
        "mixed offer costs <= 50% of headroom": f["mixed_offer_running_cost"] <= 0.5 * headroom,
        "Ashok Leyland absent from the fleet": f["ashok_leyland_units"] == 0,
        "Land Rover absent from the fleet": f["land_rover_units"] == 0,
        # Large offer: the model is held, but mechanics, hours, budget and drivers fall short.
        "Ural 4320 held in number": f["ural_4320_units"] >= 10,
        "Ural mechanics cope with today's fleet": f["ural_mechanics"] >= need(f["ural_units"]),
        "Ural mechanics <= 60% of need with the offer": f["ural_mechanics"]
        <= 0.6 * need(f["ural_units"] + ural),
        "big offer costs > 2x headroom": f["big_offer_running_cost"] > 2 * headroom,
        "big offer exceeds labour headroom at 100 h/truck": ural * 100 > f["labour_hours_headroom"],
        "fewer spare truck drivers than trucks": f["drivers_trucks"] < ural,
        "Ural requirement gap < a quarter of the offer": f["ural_gap"] < ural / 4,
        # Ambulances: a make the fleet lacks, and fewer spare drivers than vehicles offered.
        "Ford absent from the fleet": f["ford_units"] == 0,
        "fewer ambulance drivers than ambulances": f["drivers_ambulance"] < ambulances,
    }
    return [name for name, ok in checks.items() if not ok]


def generate(out_dir: Path) -> dict[str, Any]:
    """Write every sample file into out_dir; return the design figures.

    Raises ValueError (and writes nothing) if the figures no longer support the designed
    verdicts, e.g. after someone edits the catalogue or the seed.
    """
    fleet = build_fleet(random.Random(SEED))
    figures = design_figures(fleet)
    broken = check_design(figures)
    if broken:
        raise ValueError("sample design no longer holds: " + "; ".join(broken))
    outputs: dict[str, bytes] = {
        FRENCH_INVENTORY: workbook_bytes(build_french_inventory(fleet)),
        DEMO_INVENTORY: workbook_bytes(build_demo_inventory()),
        OFFER_CSV: offer_csv_bytes(OFFER_GOOD),
    }
    for spec in (*FRENCH_OFFERS, OFFER_DEMO_EN):
        outputs[f"{spec.file_stem}.xlsx"] = workbook_bytes(build_offer(spec))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(outputs.items()):
        write_atomic(out_dir / name, data)
    return figures


def output_names() -> list[str]:
    names = [FRENCH_INVENTORY, DEMO_INVENTORY, OFFER_CSV]
    names += [f"{spec.file_stem}.xlsx" for spec in (*FRENCH_OFFERS, OFFER_DEMO_EN)]
    return sorted(names)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the bundled sample files.")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: this one)")
    args = parser.parse_args(argv)
    for key, value in generate(args.out).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
