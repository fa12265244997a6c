"""Read one stream of an OLE compound file (the container of a legacy .xls), for the extent
scan: only the file's own tables are followed, with every chain bounded by the file's size."""

from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFA  # this and above: end of chain, free, FAT or DIFAT sector markers


def _u32s(data: bytes) -> tuple[int, ...]:
    return struct.unpack_from(f"<{len(data) // 4}I", data)


def read_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The first stream whose name is in `names` (case ignored), or None when the container is
    damaged or has no such stream."""
    if len(data) < 512 or not data.startswith(MAGIC):
        return None
    sector_size = 1 << int.from_bytes(data[0x1E:0x20], "little")
    mini_size = 1 << int.from_bytes(data[0x20:0x22], "little")
    if not 64 <= sector_size <= 65536 or mini_size > sector_size:
        return None
    dir_start = _u32s(data[0x30:0x34])[0]
    cutoff, minifat_start = _u32s(data[0x38:0x40])
    difat_start, difat_count = _u32s(data[0x44:0x4C])
    limit = len(data) // sector_size + 2

    def sector(k: int) -> bytes:
        offset = (k + 1) * sector_size
        return data[offset : offset + sector_size]

    fat_sectors = [k for k in _u32s(data[0x4C:0x200]) if k < _END]
    k = difat_start
    for _ in range(min(difat_count, limit)):
        if k >= _END:
            break
        links = _u32s(sector(k))
        fat_sectors += [x for x in links[:-1] if x < _END]
        k = links[-1] if links else _END
    fat = _u32s(b"".join(sector(k) for k in fat_sectors[:limit]))

    def chain(start: int, table: tuple[int, ...]) -> list[int]:
        out: list[int] = []
        k = start
        while k < _END and k < len(table) and len(out) <= len(table):
            out.append(k)
            k = table[k]
        return out

    directory = b"".join(sector(k) for k in chain(dir_start, fat))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        return None
    wanted = {n.lower() for n in names}
    for entry in entries:
        name_len = int.from_bytes(entry[64:66], "little")
        name = entry[: max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        if entry[66] != 2 or name.lower() not in wanted:
            continue
        start, size = _u32s(entry[116:124])
        if size >= cutoff:
            return b"".join(sector(k) for k in chain(start, fat))[:size]
        root = entries[0]
        mini_stream = b"".join(sector(k) for k in chain(_u32s(root[116:120])[0], fat))
        minifat = _u32s(b"".join(sector(k) for k in chain(minifat_start, fat)))
        return b"".join(
            mini_stream[k * mini_size : (k + 1) * mini_size] for k in chain(start, minifat)
        )[:size]
    return None
