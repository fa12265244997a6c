"""The guard's sheet scan measures the same extent and finds the same formulas whatever valid
spelling of SpreadsheetML a writer chose: namespace prefix, quotes, spaces around '=', attribute
order, line breaks in tags, rows and cells without their reference, chunk boundaries anywhere."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from donation_checker.importer.xmlscan import SheetScanner

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _letters(index: int) -> str:
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


@st.composite
def sheets(draw: st.DrawFn) -> tuple[bytes, int, int, set[tuple[int, int]]]:
    """A sheet in a drawn spelling, its true extent and its formulas without a value."""
    prefix = draw(st.sampled_from(["", "x:", "s:"]))
    quote = draw(st.sampled_from(['"', "'"]))
    eq = draw(st.sampled_from(["=", " = ", "=\n"]))
    gap = draw(st.sampled_from([" ", "\n ", "  "]))
    r_last = draw(st.booleans())
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(1, 3),  # gap to the previous row
                st.lists(st.tuples(st.integers(1, 40), st.booleans()), min_size=1, max_size=5),
            ),
            min_size=1,
            max_size=30,
        )
    )
    drop_refs = draw(st.booleans())  # rows and cells written without their reference

    def attrs(pairs: list[tuple[str, str]]) -> str:
        if r_last:
            pairs = pairs[1:] + pairs[:1]
        return "".join(f"{gap}{k}{eq}{quote}{v}{quote}" for k, v in pairs)

    p = prefix
    decl = f' xmlns:{p[:-1]}="{NS}"' if p else f' xmlns="{NS}"'
    out = [f'<?xml version="1.0"?><{p}worksheet{decl}><{p}sheetData>']
    row_no, max_row, max_col, formulas = 0, 0, 0, set()
    for step, cells in rows:
        if drop_refs:
            step = 1
        row_no += step
        row_attrs = [] if drop_refs else [("r", str(row_no))]
        out.append(f"<{p}row{attrs([*row_attrs, ('spans', '1:2')])}>")
        col = 0
        for jump, is_formula in cells:
            col = col + 1 if drop_refs else col + jump
            ref = [] if drop_refs else [("r", f"{_letters(col - 1)}{row_no}")]
            if is_formula:
                out.append(f"<{p}c{attrs([*ref, ('s', '0')])}><{p}f>1+1</{p}f></{p}c>")
                formulas.add((row_no - 1, col - 1))
            else:
                out.append(f"<{p}c{attrs([*ref, ('t', 'n')])}><{p}v>1</{p}v></{p}c>")
            max_col = max(max_col, col)
        max_row = row_no
        out.append(f"</{p}row>")
    out.append(f"</{p}sheetData></{p}worksheet>")
    return "".join(out).encode(), max_row, max_col, formulas


@settings(max_examples=150, deadline=None)
@given(sheets(), st.integers(1, 400))
def test_any_spelling_gives_the_extent_and_the_formulas(
    sheet: tuple[bytes, int, int, set[tuple[int, int]]], chunk: int
) -> None:
    data, max_row, max_col, formulas = sheet
    scanner = SheetScanner("xl/worksheets/sheet1.xml", {})
    for i in range(0, len(data), chunk):
        scanner.feed(data[i : i + chunk])
    facts = scanner.close()
    assert facts.rows >= max_row, (facts.rows, max_row)
    assert facts.rows <= max_row + 1  # "spans" or unnumbered rows may count one more, never less
    assert facts.columns >= max_col or (max_col <= 26 and facts.columns == 26)
    assert set(facts.formulas_without_value) == formulas
