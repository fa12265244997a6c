"""Defence in depth: the cell reader runs in a process of its own under memory and time limits,
so whatever gets past the guard ends as a refusal of the file, never the end of the application.
Reader processes that crash, hang or run out of memory are provoked for real or with a stand-in
script (for hangs and crashes no real file reliably causes)."""

from __future__ import annotations

import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.errors import InputRejected
from donation_checker.importer import ImportCancelled, import_inventory, reader

from . import build_corpus as B

LIMITED = pytest.mark.skipif(sys.platform == "win32", reason="no RLIMIT_AS on Windows")


@pytest.fixture(autouse=True)
def fresh_readers() -> object:
    reader.shutdown()  # no warm reader started under other settings
    yield
    reader.shutdown()


def _stand_in(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "stand_in.py"
    script.write_text(f"import sys, time\nsys.stdin.buffer.read(4)\n{body}\n", encoding="utf-8")
    return script


def big_sheet(path: Path, rows: int, cols: int) -> Path:
    """A genuine fleet sheet of rows × cols number cells (raw XML, quick to write)."""
    src = B.fleet(path.with_suffix(".src.xlsx"))
    cells = "".join(f'<c r="{chr(72 + i)}{{0}}"><v>{i}</v></c>' for i in range(cols))
    body = "".join(f'<row r="{r}">' + cells.format(r) + "</row>" for r in range(5, rows + 5))
    return B.patch(
        src, path, B.sheet1(B.replace_in(b"</sheetData>", body.encode() + b"</sheetData>"))
    )


@LIMITED
def test_a_reader_past_its_memory_limit_is_a_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = big_sheet(tmp_path / "parc.xlsx", 40_000, 12)
    monkeypatch.setattr(reader, "MEMORY_MB", 48)
    with pytest.raises(InputRejected) as err:
        import_inventory(path)
    assert err.value.reason == "reader_failed"
    assert err.value.place is not None and err.value.place.file == "parc.xlsx"
    assert "Parc" in err.value.describe() and "Parc" in err.value.describe("fr")
    monkeypatch.setattr(reader, "MEMORY_MB", 2048)
    assert len(import_inventory(path).fleet) == 3  # the same file reads within the real limit


def test_a_reader_that_stops_answering_is_stopped_at_its_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "SCRIPT", _stand_in(tmp_path, "time.sleep(60)"))
    monkeypatch.setattr(reader, "SILENCE_SECONDS", 0.5)
    t0 = time.perf_counter()
    with pytest.raises(InputRejected) as err:
        import_inventory(B.fleet(tmp_path / "parc.xlsx"))
    assert time.perf_counter() - t0 < 5
    assert err.value.reason == "reader_failed" and "time limit" in err.value.describe()
    assert "limite de temps" in err.value.describe("fr")


def test_a_reader_that_dies_is_a_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _stand_in(tmp_path, "sys.stderr.write('fatal runtime error\\n'); sys.exit(134)")
    monkeypatch.setattr(reader, "SCRIPT", script)
    with pytest.raises(InputRejected) as err:
        import_inventory(B.fleet(tmp_path / "parc.xlsx"))
    assert err.value.reason == "reader_failed" and "fatal runtime error" in err.value.describe()


def test_cancel_stops_a_reader_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "SCRIPT", _stand_in(tmp_path, "time.sleep(60)"))
    cancelled = threading.Event()
    threading.Timer(0.3, cancelled.set).start()
    t0 = time.perf_counter()
    with pytest.raises(ImportCancelled):
        import_inventory(B.fleet(tmp_path / "parc.xlsx"), cancel=cancelled.is_set)
    assert time.perf_counter() - t0 < 3


def test_the_reader_is_kept_warm_between_imports(tmp_path: Path) -> None:
    path = B.fleet(tmp_path / "parc.xlsx")
    import_inventory(path)
    first = list(reader._idle)
    import_inventory(path)
    assert first and reader._idle == first  # the same process served both
    with pytest.raises(InputRejected):
        import_inventory(B.a02_pdf(tmp_path / "x.xlsx"))
    assert reader._idle == first  # a refusal before any request leaves it ready


_SOURCE: dict[str, bytes] = {}


def _fleet_bytes(tmp: Path) -> dict[str, bytes]:
    if not _SOURCE:
        with zipfile.ZipFile(B.fleet(tmp / "src.xlsx")) as zf:
            _SOURCE.update({n: zf.read(n) for n in zf.namelist()})
    return _SOURCE


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    at=st.floats(min_value=0, max_value=1),
    junk=st.binary(min_size=1, max_size=40),
    part=st.sampled_from(
        ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"]
    ),
)
def test_damaged_parts_are_imported_or_refused_never_fatal(
    tmp_path: Path, at: float, junk: bytes, part: str
) -> None:
    """Bytes spliced into any part of a real workbook: the importer answers or refuses."""
    parts = dict(_fleet_bytes(tmp_path))
    data = parts.get(part, b"")
    cut = int(len(data) * at)
    parts[part] = data[:cut] + junk + data[cut:]
    path = tmp_path / "abime.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    t0 = time.perf_counter()
    try:
        import_inventory(path)
    except InputRejected as exc:
        assert exc.place is not None and exc.place.file == "abime.xlsx"
    assert time.perf_counter() - t0 < 5
