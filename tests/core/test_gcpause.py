"""The cycle collector is paused during an import and comes back exactly as it was."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.gcpause import paused_gc
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
