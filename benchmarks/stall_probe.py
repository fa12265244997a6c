"""The window's responsiveness as the benchmarks measure it: the gaps between the ticks of a
10 ms timer on the GUI thread. The longest gap is the longest the officer waited for the window."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class StallProbe:
    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self) -> float:
        """Start ticking; the time it started, which the first gap is measured from."""
        self.timer.start()
        self.last = time.perf_counter()
        return self.last

    def stop(self) -> None:
        self.timer.stop()

    @property
    def longest_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000
