"""The text encoding of a CSV file as people export it: UTF-8 (with or without BOM), UTF-16
(with or without BOM), a legacy code page (Windows-1252 for French and English, another one when
the letters say so), or UTF-8 with some lines pasted from a legacy file. Nothing is guessed
silently: a legacy encoding is named in a warning, and each line read in another encoding than
the rest of the file is reported with its number.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputRejected
from ..model import Place, RowIssue

# Legacy text is read as Windows-1252 (French and English files; the detector cannot tell
# Western code pages apart on a few accented words) unless its letters are of one of these.
_OTHER_SCRIPTS = frozenset(
    {"cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "cp1253", "iso8859_7"}
)
# What legacy bytes decoding as UTF-8 by chance turn into (an accented capital and a symbol of
# Windows-1252 make a two-byte sequence): C1 controls, Latin Extended-B, IPA, spacing modifiers
# and combining marks, which no table of names and quantities holds.
_ACCIDENTAL = re.compile("[\u0080-\u009f\u0180-\u036f]")


def looks_like_utf16(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text written in UTF-16 without a byte order mark: most
    characters of a table (ASCII digits, letters, separators) leave every other byte zero."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.7 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.7 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_csv(raw: bytes, path: Path) -> tuple[str, list[RowIssue]]:
    """The file's text and the warnings a user must see about how it was read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise _undecodable(path) from None
    if (utf16 := looks_like_utf16(raw)) is not None:
        try:
            return raw.decode(utf16), []
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    bad: list[int] = []
    utf8_text = 0  # lines with accents that read as UTF-8: the file is UTF-8 at heart
    for i, line in enumerate(lines):
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
            continue
        if _ACCIDENTAL.search(decoded):
            bad.append(i)  # legacy bytes that form UTF-8 by chance: "Éœ" would be "ɜ"
            continue
        utf8_text += not line.isascii()
    legacy = _legacy_encoding(b"\n".join(lines[i] for i in bad[:2000]))
    if legacy is None:
        raise _undecodable(path)
    from ..assessment import Text
    from ..render import renderer
    from . import texts  # the catalogue is read only when a file needs a warning

    named = renderer("en").has(f"import.encoding.{legacy}")
    en, fr = texts.both(f"import.encoding.{legacy}") if named else (legacy, legacy)
    if not utf8_text:
        text = raw.decode(legacy)
        code = "encoding_cp1252" if legacy == "cp1252" else "encoding_legacy"
        issue = RowIssue(
            Place(path.name),
            code,
            *texts.both("import.row.encoding", encoding=Text(en, fr)),
            value=legacy,
        )
        return (text[1:] if text.startswith("\ufeff") else text), [issue]
    # UTF-8 with some lines from elsewhere: each such line read in the legacy encoding.
    bad_set = set(bad)
    text = "\n".join(
        line.decode(legacy) if i in bad_set else line.decode("utf-8")
        for i, line in enumerate(lines)
    )
    mixed = texts.frames("import.row.encoding_mixed", "line", encoding=Text(en, fr))
    issues = [
        RowIssue(
            Place(path.name, "", i + 1),
            "encoding_mixed",
            *texts.fill(mixed, str(i + 1)),
            value=legacy,
        )
        for i in bad
    ]
    return (text[1:] if text.startswith("\ufeff") else text), issues


def _legacy_encoding(sample: bytes) -> str | None:
    """The code page the sample reads in: Windows-1252, unless read so its letters are mostly
    accented (Cyrillic or Greek bytes read as Western letters) and the detector names a code
    page of another script. None when Windows-1252 cannot read it."""
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in western if ch.isalpha()]
    if letters and sum(not ch.isascii() for ch in letters) > 0.5 * len(letters):
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
        if best is not None and best.encoding in _OTHER_SCRIPTS:
            other = sample.decode(str(best.encoding), errors="replace")
            # Words of another script do not mix in Latin letters: read that way, "Catégorie"
            # becomes "Catйgorie", so the text is Western after all.
            if not any(_mixes_scripts(word) for word in _WORD.findall(other)):
                return str(best.encoding)
    return "cp1252"


_WORD = re.compile(r"[^\W\d_]+")


def _mixes_scripts(word: str) -> bool:
    return any(ch.isascii() for ch in word) and any(not ch.isascii() for ch in word)


def _undecodable(path: Path) -> InputRejected:
    from . import texts

    return texts.rejected(
        "bad_encoding", reason="bad_encoding", place=Place(path.name), hint="utf8"
    )
