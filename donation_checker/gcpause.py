"""Pause Python's cycle collector while a large import builds its objects.

Reading a 100,000-row sheet creates a hundred thousand row lists at once; each full collection
then walks all of them while holding the interpreter lock, which costs about a tenth of the
import's time and freezes the window for 100-200 ms at a time. The importer creates no
reference cycles (memory is still freed by reference counting), and the row lists are gone
before collection resumes, so the next collection is short.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Nestable and safe across threads: collection resumes when the last user leaves, and
    only if it was on when the first one came in."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
