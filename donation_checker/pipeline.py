"""The main job end to end: import both files, load the rules, assess. Used by the CLI and GUI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .assessment import Assessment, InputRecord
from .engine import assess
from .importer import ColumnMapping, import_inventory, import_offer, load_model_names
from .model import Inventory, Offer
from .ruleset import RuleSet, load_ruleset
from .table_gaps import with_gaps
from .user_data import user_files_in_use
from .user_files import user_config_dir

if TYPE_CHECKING:
    from .register.records import Pledge


@dataclass(frozen=True)
class AssessmentRun:
    inventory: Inventory
    offer: Offer
    ruleset: RuleSet
    assessment: Assessment


def input_records(inventory: Inventory, offer: Offer, ruleset: RuleSet) -> tuple[InputRecord, ...]:
    """File names, SHA-256 and import counts of everything an assessment used."""
    records = [
        InputRecord(
            "inventory",
            inventory.report.file,
            inventory.report.sha256,
            inventory.report.rows_imported,
            inventory.report.rows_rejected,
        )
    ]
    if offer.report is not None:
        records.append(
            InputRecord(
                "offer",
                offer.report.file,
                offer.report.sha256,
                offer.report.rows_imported,
                offer.report.rows_rejected,
            )
        )
    else:
        records.append(InputRecord("offer", "(edited in the application)", "", len(offer.lines), 0))
    rules_name = Path(ruleset.path).name if ruleset.path else ruleset.name
    folder = user_config_dir().resolve()
    mine = ruleset.path is not None and Path(ruleset.path).resolve().is_relative_to(folder)
    records.append(InputRecord("rules", rules_name, ruleset.sha256, user=mine))
    # Named by file name only: the folder's path would name the officer's account.
    records += [
        InputRecord(role, f.path.name, f.sha256, user=True) for role, f in user_files_in_use()
    ]
    return tuple(records)


def run_assessment(
    *,
    inventory_path: str | Path,
    offer_path: str | Path,
    rules_path: str | Path | None = None,
    mapping: ColumnMapping | None = None,
    aliases: str | Path | None = None,
    horizon_years: int | None = None,
    pledged: Sequence[Pledge] = (),
) -> AssessmentRun:
    """pledged: offers still to come from the register, read as other partners' pledges
    beside the inventory's own Pledges sheet."""
    names = load_model_names(aliases)
    ruleset = load_ruleset(rules_path)
    inventory = import_inventory(inventory_path, mapping=mapping, names=names)
    if pledged:
        from .register.pledges import with_register_pledges

        inventory = with_register_pledges(inventory, pledged)
    offer = import_offer(offer_path, mapping=mapping, names=names)
    result = assess(
        inventory,
        offer,
        ruleset,
        horizon_years=horizon_years,
        inputs=input_records(inventory, offer, ruleset),
    )
    return AssessmentRun(inventory, offer, ruleset, with_gaps(result, ruleset, inventory.report))
