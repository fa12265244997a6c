"""Keep Python's cycle collector out of bulk work.

Reading a 100,000-row sheet creates a hundred thousand row lists at once; each full collection
then walks all of them while holding the interpreter lock, which costs about a tenth of the
import's time and freezes the window for 100-200 ms at a time. The importer creates no
reference cycles (memory is still freed by reference counting), and the row lists are gone
before collection resumes, so the next collection is short: collection is paused.

Building a report is different: it makes cycles of its own, but the assessment it reads is
already alive and large, so those objects are set aside (gc.freeze) for the build instead.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_frozen_depth = 0


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


@contextmanager
def live_objects_set_aside() -> Iterator[None]:
    """Objects alive on entry are left out of collections until the last user leaves; cycles
    made meanwhile are still collected. Nestable and safe across threads."""
    global _frozen_depth
    with _lock:
        if _frozen_depth == 0:
            gc.freeze()
        _frozen_depth += 1
    try:
        yield
    finally:
        with _lock:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.unfreeze()
