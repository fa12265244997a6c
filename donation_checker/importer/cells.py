"""Cell values the reader cannot give as plain numbers or text, kept visible to the converters.

A formula whose result was never saved and an error value (#N/A) both read as an empty cell;
replacing them by a CellFault makes them a named problem in the row account instead of a silent
blank. A number shown with leading zeros by its format ("0000000000000") keeps the displayed
text beside the number, so a code column gets the code and a number column the number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellFault:
    reason: str  # "formula_without_value" | "formula_error" | "ragged_line"
    shown: str  # what the cell showed or held: "=SUM(B2:B9)", "#N/A", the raw text

    def __str__(self) -> str:
        return self.shown


@dataclass(frozen=True)
class FormattedNumber:
    text: str  # as displayed: "0123456789012"
    number: float

    def __str__(self) -> str:
        return self.text


def zero_padded(number: float, width: int) -> FormattedNumber | float:
    """The number as its "000…" format displays it, when it is a whole non-negative number."""
    if not number.is_integer() or number < 0 or number >= 1e15:
        return number
    return FormattedNumber(str(int(number)).zfill(width), number)
