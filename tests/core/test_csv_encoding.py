"""CSV text comes back as written whatever encoding it was saved in: UTF-8 with or without BOM,
UTF-16 with or without BOM, Windows-1252; a UTF-8 file with a line from a legacy file has that
line named; nothing is read silently in another encoding."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from donation_checker.importer.encoding import decode_csv

ASCII_CELLS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 -;", min_size=1, max_size=30)
WESTERN = st.text(alphabet="abcdeéèêàçôùœÉÀ0123456789 ;-", min_size=1, max_size=30)
LINES = st.lists(ASCII_CELLS, min_size=2, max_size=12)


def _plain_utf8(data: bytes) -> bool:
    """Non-ASCII bytes that read as UTF-8 without any character of the accidental ranges."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not text.isascii() and not any(
        0x80 <= ord(c) <= 0x9F or 0x180 <= ord(c) <= 0x36F for c in text
    )


def _text(lines: list[str]) -> str:
    return "\r\n".join(lines) + "\r\n"


@settings(max_examples=80)
@given(LINES, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_unicode_encodings_read_back_exactly(lines: list[str], encoding: str) -> None:
    text = _text(lines)
    decoded, issues = decode_csv(text.encode(encoding), Path("f.csv"))
    assert decoded == text and issues == []


@settings(max_examples=80)
@given(
    st.lists(WESTERN, min_size=1, max_size=8).filter(lambda ls: any(not x.isascii() for x in ls))
)
def test_windows_1252_is_read_and_named(lines: list[str]) -> None:
    text = _text(["Catégorie;Marque", *lines])
    # Legacy bytes that form UTF-8 of ordinary letters ("éœœ" is "霜") are ambiguous by nature
    # (those that form IPA or combining marks, as "Éœ", are recognised and read as legacy).
    assume(not any(_plain_utf8(x.encode("cp1252")) for x in lines))
    decoded, issues = decode_csv(text.encode("cp1252"), Path("f.csv"))
    assert decoded == text
    assert [i.reason for i in issues] == ["encoding_cp1252"]


@settings(max_examples=80)
@given(st.lists(WESTERN, min_size=2, max_size=8), st.data())
def test_a_legacy_line_in_utf8_is_read_and_named(lines: list[str], data: st.DataObject) -> None:
    lines = ["Catégorie;Marque", *lines]
    pasted = data.draw(st.integers(1, len(lines) - 1))
    lines[pasted] = lines[pasted] + ";réformé"
    raw = b"\n".join(
        line.encode("cp1252" if i == pasted else "utf-8") for i, line in enumerate(lines)
    )
    decoded, issues = decode_csv(raw, Path("f.csv"))
    assert decoded == "\n".join(lines)
    assert [(i.reason, i.place.row) for i in issues] == [("encoding_mixed", pasted + 1)]
