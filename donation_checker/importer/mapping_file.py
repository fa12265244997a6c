"""Column mappings as a file a user can keep and share (the --map format):

[fleet]
category = "A"          # column letter, or header text
quantity = "Tally"
sheet = "Vehicles"      # optional
header_row = 4          # optional, Excel row number
"""

from __future__ import annotations

from collections.abc import Mapping

COMMENT = (
    "# Column mapping for Donation Checker (--map FILE, or Save/Open in the mapping dialog).\n"
    "# Each [table] names only the fields detection missed or got wrong: field = column letter\n"
    '# or header text; field = "-" means the field is not in this table. Other columns are\n'
    "# still detected.\n"
)


def _value(text: str) -> str:
    stripped = text.strip()
    if stripped.isdigit():
        return stripped
    out = []
    for ch in text:  # a TOML basic string: quotes, backslashes and control characters escaped
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def mapping_toml(mapping: Mapping[str, Mapping[str, str]]) -> str:
    """The mapping as TOML text, tables and fields in a stable order."""
    out = [COMMENT]
    for table in sorted(mapping):
        fields = mapping[table]
        if not fields:
            continue
        out.append(f"\n[{table}]\n")
        for name in sorted(fields):
            out.append(f"{name} = {_value(str(fields[name]))}\n")
    return "".join(out)
