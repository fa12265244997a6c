"""Typed domain objects for imported inventories and donation offers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported where tables are used, so a bare start stays light
    import pandas as pd

# Columns the importer adds to every bulk table so each value can be traced to its cell.
ROW_COLUMN = "_row"  # Excel (1-based) or CSV line number of the source row
SHEET_COLUMN = "_sheet"  # source sheet name ("" for CSV)
# Tables read as "key : value" rows rather than columns.
KEY_VALUE_TABLES = ("profile", "offer_header")


@dataclass(frozen=True)
class Place:
    """Where a value came from: file, sheet, Excel row number and column letter/header."""

    file: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""

    def describe(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            col = f"column {self.column}"
            if self.header:
                col += f" ('{self.header}')"
            parts.append(col)
        return ", ".join(parts)

    def describe_fr(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"feuille « {self.sheet} »")
        if self.row is not None:
            parts.append(f"ligne {self.row}")
        if self.column:
            col = f"colonne {self.column}"
            if self.header:
                col += f" (« {self.header} »)"
            parts.append(col)
        return ", ".join(parts)


@dataclass(frozen=True)
class RowIssue:
    """A row that was not imported (or a value that was changed), with the reason and the place."""

    place: Place
    reason: str  # stable machine code, e.g. "not_a_number"
    message: str  # English sentence
    message_fr: str  # French sentence
    value: str = ""


@dataclass(frozen=True)
class ColumnMatch:
    """How one source column was mapped to a canonical field."""

    field: str
    column: str  # Excel column letter
    header: str  # header text as found in the file
    confidence: float  # 1.0 exact synonym, lower for a close match, 1.0 for explicit mappings
    source: str = "detected"  # "detected" from the header, "mapped" by the user's mapping


@dataclass(frozen=True)
class Proposal:
    """A header that probably means a field but was not used: a question for the user, answered
    with a mapping (a wrong match is worse than none)."""

    table: str
    place: Place  # sheet, header row, column letter and header text
    field: str
    confidence: float
    rival: str = ""  # another field the header may as well mean
    guess: bool = False  # the words only share their first letters
    unknown: tuple[str, ...] = ()  # words of the header the vocabulary does not know

    def mapping_line(self) -> str:
        """The mapping-file line that accepts the proposal: the column letter for a table, the
        key text for a key/value block."""
        target = self.place.header if self.table in KEY_VALUE_TABLES else self.place.column
        target = target.replace("\\", "\\\\").replace('"', '\\"')
        return f'[{self.table}] {self.field} = "{target}"'


@dataclass(frozen=True)
class UnreadRegion:
    """Cells holding data that no table took: a sheet not recognised, or rows of a sheet outside
    the table read from it. With the best candidate table when one comes close."""

    sheet: str
    first_row: int  # Excel row numbers
    last_row: int
    rows: int  # rows holding data
    cells: int  # cells holding data
    where: str = "sheet"  # "sheet" (the whole sheet), "above"/"below" the table read, or
    # "beside" it (cells of its rows in columns without a header)
    candidate: str = ""  # best table for a sheet not imported
    header_row: int | None = None
    score: float = 0.0
    recognised: tuple[str, ...] = ()  # fields whose columns were recognised
    missing: tuple[str, ...] = ()  # required fields without a column
    proposals: tuple[Proposal, ...] = ()


@dataclass(frozen=True)
class TableReport:
    """What happened to one table during import. rows_read = imported + rejected + skipped."""

    table: str
    sheet: str
    header_row: int | None
    rows_read: int
    rows_imported: int
    rejected: tuple[RowIssue, ...] = ()
    skipped: tuple[RowIssue, ...] = ()  # blank rows, totals rows
    mapping: tuple[ColumnMatch, ...] = ()
    ignored_columns: tuple[str, ...] = ()  # "D ('Observations 2')"
    normalised: Mapping[str, int] = field(default_factory=dict)  # kind -> count
    warnings: tuple[RowIssue, ...] = ()
    proposals: tuple[Proposal, ...] = ()  # headers probably meaning a field, not used

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    @property
    def rows_skipped(self) -> int:
        return len(self.skipped)

    def is_balanced(self) -> bool:
        return self.rows_read == self.rows_imported + self.rows_rejected + self.rows_skipped


@dataclass(frozen=True)
class ImportReport:
    """The import report of one file (inventory or offer)."""

    file: str  # file name as given by the user
    sha256: str
    kind: str  # "inventory" | "offer"
    tables: tuple[TableReport, ...]
    missing_tables: tuple[str, ...] = ()
    unrecognised_sheets: tuple[str, ...] = ()
    warnings: tuple[RowIssue, ...] = ()
    unread: tuple[UnreadRegion, ...] = ()  # data no table took, with its size

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        """Every question of the import: proposals of tables read and of sheets not read."""
        return tuple(p for t in self.tables for p in t.proposals) + tuple(
            p for u in self.unread for p in u.proposals
        )

    def table(self, name: str) -> TableReport | None:
        return next((t for t in self.tables if t.table == name), None)

    @property
    def rows_imported(self) -> int:
        return sum(t.rows_imported for t in self.tables)

    @property
    def rows_rejected(self) -> int:
        return sum(t.rows_rejected for t in self.tables)


@dataclass(frozen=True, eq=False)
class Table:
    """A bulk table with canonical column names plus ROW_COLUMN and SHEET_COLUMN.

    Code columns hold Python str (never numbers); missing values are None / NaN, never "".
    """

    name: str
    frame: pd.DataFrame

    def __len__(self) -> int:
        return len(self.frame)

    def has(self, column: str) -> bool:
        return column in self.frame.columns and bool(self.frame[column].notna().any())

    def records(self) -> Iterator[dict[str, Any]]:
        import pandas as pd

        isna = pd.isna
        for rec in self.frame.to_dict("records"):
            yield {str(k): (None if _is_missing(v, isna) else v) for k, v in rec.items()}


def _is_missing(value: Any, isna: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(isna(value))
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True)
class Profile:
    """Key facts about the recipient. Every field may be unknown (None)."""

    recipient: str | None = None
    country: str | None = None
    traffic_side: str | None = None  # "right" | "left"
    national_fuels: tuple[str, ...] | None = None  # canonical fuel names
    working_language: str | None = None  # "fr" | "en" | other ISO code
    currency: str | None = None
    fuel_price: float | None = None  # per litre, in `currency`
    max_temperature: float | None = None  # °C, theatre maximum
    grid_voltage: float | None = None
    asset_register: bool | None = None
    parts_register: bool | None = None
    region: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)  # unrecognised keys, kept verbatim


@dataclass(frozen=True, eq=False)
class Inventory:
    """The recipient's holdings. Only the fleet is required; other tables may be None."""

    fleet: Table
    profile: Profile
    report: ImportReport
    maintenance: Table | None = None
    spare_parts: Table | None = None
    budget: Table | None = None
    personnel: Table | None = None
    pledges: Table | None = None

    def table(self, name: str) -> Table | None:
        value = getattr(self, name, None)
        return value if isinstance(value, Table) else None


@dataclass(frozen=True)
class OfferHeader:
    donor: str | None = None
    reference: str | None = None
    date: dt.date | None = None
    recipient: str | None = None
    requested: bool | None = None
    request_reference: str | None = None
    transport_paid_by: str | None = None
    customs_paid_by: str | None = None
    currency: str | None = None
    end_use_monitoring: bool | None = None
    notes: str | None = None


@dataclass(frozen=True)
class OfferLine:
    """One line of a donation offer. None means "not stated" (unknown), never zero."""

    category: str
    make: str
    model: str
    quantity: int
    variant: str | None = None
    year: int | None = None
    condition: str | None = None  # "new" | "used"
    odometer_km: float | None = None
    hours: float | None = None
    fuel: str | None = None  # canonical: diesel, petrol, jet, electric, lpg...
    drive_side: str | None = None  # "LHD" | "RHD"
    transmission: str | None = None  # "manual" | "automatic"
    voltage: float | None = None
    complexity: str | None = None  # "mechanical" | "electronic" | "digital"
    spares_months: float | None = None
    spares_value: float | None = None
    spare_parts_list: tuple[str, ...] | None = None
    tools_included: bool | None = None
    mechanics_trained: int | None = None
    drivers_trained: int | None = None
    manuals: tuple[str, ...] | None = None
    manuals_language: tuple[str, ...] | None = None  # ISO codes: "fr", "en"...
    warranty_months: float | None = None
    unit_value: float | None = None
    annual_running_cost: float | None = None  # per unit, donor's statement
    dealer_in_country: str | None = None
    inspection: str | None = None  # "clean" | "labelled" | "defects" | "none"
    support_end_year: int | None = None
    max_temperature: float | None = None
    location: str | None = None
    notes: str | None = None
    row: int | None = None  # source row number, for messages


@dataclass(frozen=True)
class Offer:
    header: OfferHeader
    lines: tuple[OfferLine, ...]
    report: ImportReport | None = None
