"""The cycle collector is paused during an import and comes back exactly as it was."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.gcpause import live_objects_set_aside, paused_gc
from donation_checker.importer import import_inventory

SAMPLES = Path(__file__).resolve().parents[2] / "sample_inventories"


@pytest.fixture(autouse=True)
def _restore_gc():  # type: ignore[no-untyped-def]
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_import_pauses_collection_and_turns_it_back_on() -> None:
    seen: list[bool] = []

    def progress(_fraction: float, _label: str) -> None:
        seen.append(gc.isenabled())

    gc.enable()
    import_inventory(SAMPLES / "inventaire_fama_2025.xlsx", progress=progress)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_collection_left_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_nested_and_concurrent_pauses_resume_only_when_the_last_one_ends() -> None:
    gc.enable()
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with paused_gc():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other)
    with paused_gc():
        worker.start()
        assert inside.wait(5)
        with paused_gc():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread is still importing
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_collection_resumes_after_an_import_fails(tmp_path: Path) -> None:
    gc.enable()
    bad = tmp_path / "empty.xlsx"
    bad.write_bytes(b"")
    with pytest.raises(InputRejected):
        import_inventory(bad)
    assert gc.isenabled()


def test_live_objects_stay_set_aside_until_the_last_build_ends() -> None:
    assert gc.get_freeze_count() == 0
    with live_objects_set_aside():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with live_objects_set_aside():
            assert gc.get_freeze_count() == frozen  # not frozen twice
        assert gc.get_freeze_count() == frozen  # the outer build still runs
    assert gc.get_freeze_count() == 0


def test_a_report_build_hands_its_objects_back(tmp_path: Path) -> None:
    from donation_checker.engine import assess
    from donation_checker.importer import import_offer
    from donation_checker.report import build_pdf
    from donation_checker.ruleset import load_ruleset

    inventory = import_inventory(SAMPLES / "inventaire_fama_2025.xlsx")
    offer = import_offer(SAMPLES / "offre_mixte.xlsx")
    build_pdf(assess(inventory, offer, load_ruleset()), tmp_path / "r.pdf", lang="fr")
    assert (tmp_path / "r.pdf").stat().st_size > 0
    assert gc.get_freeze_count() == 0
