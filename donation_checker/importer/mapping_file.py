"""Column mappings as a file a user can keep and share (the --map format):

[fleet]
category = "A"          # column letter, or header text
quantity = "Tally"
sheet = "Vehicles"      # optional
header_row = 4          # optional, Excel row number
"""

from __future__ import annotations

import json
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
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string is JSON-compatible here


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
