"""The state of one assessment case and the live assessment that follows it.

The window's panels are views over a Session: they read its state when built and follow its
signals, so the window can be rebuilt (for a language change) without losing the user's work.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from donation_checker.assessment import Assessment
from donation_checker.errors import DonationCheckerError
from donation_checker.model import Inventory, Offer, OfferHeader
from donation_checker.render import Renderer, renderer
from donation_checker.ruleset import RuleSet, load_ruleset

from .offer_model import OfferLinesModel, required_fields
from .tasks import CancelFn, ProgressFn, TaskRunner

log = logging.getLogger(__name__)
DEBOUNCE_MS = 400


def engine_available() -> bool:
    try:
        from donation_checker.engine import assess  # noqa: F401
    except ImportError:
        return False
    return True


class Session(QObject):
    inventory_changed = Signal()
    offer_changed = Signal()  # header or lines
    ruleset_changed = Signal()
    assessment_changed = Signal()  # self.assessment was replaced (may be None)
    assessing = Signal(bool)  # an assessment is running or pending
    modified_changed = Signal(bool)
    notes_changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        lang: str = "en",
        parent: QObject | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.lang = lang
        # The window may own the stack: its Undo and Redo actions exist before the session does.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.lines = OfferLinesModel(self.undo_stack, lang, self)
        self.header = OfferHeader()
        self.inventory: Inventory | None = None
        self.inventory_path: str | None = None
        self.base_ruleset: RuleSet | None = None
        self.weights: dict[str, float] = {}
        self.ruleset: RuleSet | None = None
        self.notes = ""
        # How currencies are written on screen and in the reports (render.CURRENCY_STYLES).
        self.currency = "code"
        self.assessment: Assessment | None = None
        self.assessment_error = ""  # why there is no assessment, for the user
        self._generation = 0
        self._running_generation: int | None = None
        self._modified = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_assessment)
        self.lines.changed.connect(self._on_offer_edit)

    # --- state changes ------------------------------------------------------------------------

    def renderer(self, share: bool = False) -> Renderer:
        """Writes the assessment's messages for this window: its language and currency style."""
        return renderer(self.lang, share, self.currency)

    @property
    def modified(self) -> bool:
        return self._modified

    def set_modified(self, value: bool) -> None:
        if value != self._modified:
            self._modified = value
            self.modified_changed.emit(value)

    def set_inventory(self, inventory: Inventory | None, path: str | None) -> None:
        self.inventory = inventory
        self.inventory_path = path
        self.inventory_changed.emit()
        self.set_modified(True)
        self.schedule()

    def set_header(self, header: OfferHeader) -> None:
        if header != self.header:
            self.header = header
            self.offer_changed.emit()
            self.set_modified(True)
            self.schedule()

    def set_notes(self, notes: str) -> None:
        if notes != self.notes:
            self.notes = notes
            self.notes_changed.emit()
            self.set_modified(True)

    def _on_offer_edit(self) -> None:
        self.offer_changed.emit()
        self.set_modified(True)
        self.schedule()

    def load_rules(self, path: str | None) -> None:
        """Load a rule set (None: the shipped default). Raises RuleSetError."""
        ruleset = load_ruleset(path or None)
        self.base_ruleset = ruleset
        self.weights = {}
        self.ruleset = ruleset
        self.ruleset_changed.emit()
        self.schedule()

    def set_weights(self, weights: Mapping[str, float]) -> None:
        if self.base_ruleset is None:
            return
        changed = {
            k: float(v)
            for k, v in weights.items()
            if k in self.base_ruleset.families
            and abs(self.base_ruleset.families[k].weight - float(v)) > 1e-9
        }
        self.weights = changed
        self.ruleset = (
            self.base_ruleset.with_family_weights(changed) if changed else self.base_ruleset
        )
        self.ruleset_changed.emit()
        self.set_modified(True)
        self.schedule()

    def offer(self) -> Offer:
        lines = tuple(line for _, line in self.lines.valid_lines())
        return Offer(header=self.header, lines=lines, report=None)

    def offer_row_of_line(self) -> dict[int, int]:
        """Assessment line index -> table row, since lines with errors are left out."""
        return {i: row for i, (row, _) in enumerate(self.lines.valid_lines())}

    # --- live assessment ----------------------------------------------------------------------

    def schedule(self) -> None:
        """Assess again after a short pause, so typing does not start one run per key."""
        self._generation += 1
        self._timer.start()
        self.assessing.emit(True)

    def is_busy(self) -> bool:
        return self._timer.isActive() or self._running_generation is not None

    def _start_assessment(self) -> None:
        generation = self._generation
        inventory, ruleset = self.inventory, self.ruleset
        offer = self.offer()
        reason = self._cannot_assess(inventory, offer, ruleset)
        if reason:
            self._publish(None, reason, generation)
            return
        assert inventory is not None and ruleset is not None
        self._running_generation = generation

        def job(progress: ProgressFn, cancel: CancelFn) -> Assessment:
            from donation_checker.engine import assess
            from donation_checker.pipeline import input_records
            from donation_checker.table_gaps import with_gaps

            result = assess(
                inventory, offer, ruleset, inputs=input_records(inventory, offer, ruleset)
            )
            return with_gaps(result, ruleset, inventory.report)

        self.runner.submit(
            job,
            name="assessment",
            on_success=lambda result: self._publish(result, "", generation),
            on_failure=lambda exc: self._failed(exc, generation),
        )

    def _cannot_assess(
        self, inventory: Inventory | None, offer: Offer, ruleset: RuleSet | None
    ) -> str:
        if not engine_available():
            return self.tr("The assessment engine is not available in this installation.")
        if ruleset is None:
            return self.tr("No rule set is loaded.")
        if inventory is None:
            return self.tr("Open the recipient's inventory to see the assessment.")
        if not offer.lines:
            if self.lines.rowCount():
                return self.tr("No offer line is complete yet: {fields} are required.").format(
                    fields=renderer(self.lang).fields(required_fields())
                )
            return self.tr("Add offer lines or import the donor's offer to see the assessment.")
        return ""

    def _failed(self, exc: BaseException, generation: int) -> None:
        if isinstance(exc, DonationCheckerError):
            message = exc.describe(self.lang)
        else:
            message = self.tr("The assessment failed unexpectedly; see the log file.")
        self._publish(None, message, generation)

    def _publish(self, result: Assessment | None, reason: str, generation: int) -> None:
        if generation == self._running_generation:
            self._running_generation = None
        if generation != self._generation:
            return  # a newer edit is pending or running: this result is stale
        self.assessment = result
        self.assessment_error = reason
        self.assessment_changed.emit()
        self.assessing.emit(False)

    # --- case files ---------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """What a case file stores (see case_file.py)."""
        ruleset = self.base_ruleset
        return {
            "offer": {"header": _header_dict(self.header), "lines": self.lines.rows()},
            "inventory": {
                "path": self.inventory_path,
                "sha256": self.inventory.report.sha256 if self.inventory else None,
            },
            "rules": {
                "path": ruleset.path if ruleset else None,
                "sha256": ruleset.sha256 if ruleset else None,
                "family_weights": dict(self.weights),
            },
            "notes": self.notes,
        }


def _header_dict(header: OfferHeader) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in OfferHeader.__dataclass_fields__:
        value = getattr(header, name)
        out[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def header_from_dict(data: Mapping[str, Any]) -> OfferHeader:
    import datetime as dt

    kwargs: dict[str, Any] = {}
    for name in OfferHeader.__dataclass_fields__:
        value = data.get(name)
        if value is None:
            continue
        if name == "date":
            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                continue
        elif name in ("requested", "end_use_monitoring"):
            if not isinstance(value, bool):
                continue
        else:
            value = str(value)
        kwargs[name] = value
    return OfferHeader(**kwargs)


def rules_label(ruleset: RuleSet | None, lang: str = "en") -> str:
    if ruleset is None:
        return ""
    name = ruleset.title.get(lang) if ruleset.title is not None else ruleset.name
    return f"{name} {ruleset.version}" + (f" ({Path(ruleset.path).name})" if ruleset.path else "")
