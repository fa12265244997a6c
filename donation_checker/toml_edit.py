"""Write changed values into a TOML text, keeping its comments, order and layout.

The standard library only reads TOML; tomlkit keeps a file's comments and formatting, so a rule
set saved from the Rules tab differs from the file it came from only where the user changed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, Item, Table


def with_values(text: str, data: Mapping[str, Any]) -> str:
    """`text` with its values changed to those of `data` (keys not in `data` removed)."""
    doc = tomlkit.parse(text)
    _update(doc, data)
    return tomlkit.dumps(doc)


def _update(node: Any, data: Mapping[str, Any]) -> None:
    for key in [k for k in node if k not in data]:
        del node[key]
    for key, value in data.items():
        if key not in node:
            node[key] = value
            continue
        current = node[key]
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            _update(current, value)
        elif isinstance(value, list) and _same_shape(current, value):
            for item, new in zip(current, value, strict=True):
                _update(item, new)
        elif _plain(current) != value:
            node[key] = value  # tomlkit keeps the comment at the end of the line


def _same_shape(current: Any, value: list[Any]) -> bool:
    """A list of tables of the same length: update entry by entry, keeping each one's layout."""
    return (
        isinstance(current, AoT | Array | list)
        and len(current) == len(value)
        and all(isinstance(x, Mapping) for x in value)
        and all(isinstance(x, Mapping | Table) for x in current)
    )


def _plain(value: Any) -> Any:
    return value.unwrap() if isinstance(value, Item) else value
