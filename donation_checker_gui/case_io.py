"""Saving and opening case files and rule sets from the main window (the dialogs around
case_file.py and the rule loader)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject

from donation_checker.atomic import write_text_atomic
from donation_checker.errors import DonationCheckerError
from donation_checker.model import Inventory
from donation_checker.user_files import user_rules_dir

from .case_file import SUFFIX, CaseData, CaseFileError, load_case, orphaned_autosaves, save_case
from .dialogs import case_filter
from .session import header_from_dict

if TYPE_CHECKING:
    from .main_window import MainWindow


class CaseIO(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: str | None = None
        self._expected_sha: tuple[str, str] | None = None  # (inventory path, sha256) of a case

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        if not self.path:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        w = self.window
        path = w.dialogs.save_path(
            w,
            self.tr("Save the case"),
            case_filter(),
            self.path or self.tr("case") + SUFFIX,
            "case",
        )
        if not path:
            return False
        if not Path(path).suffix:
            path += SUFFIX
        return self._write(path)

    def _write(self, path: str) -> bool:
        w = self.window
        try:
            save_case(path, w.session.snapshot())
        except OSError as exc:
            w.dialogs.warning(
                w,
                self.tr("The case was not saved"),
                self.tr("{path} cannot be written: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return False
        self.path = path
        w.settings.add_recent(path)
        w.session.set_modified(False)
        w.autosaver.discard()
        w._update_title()
        w.show_message(self.tr("Case saved: {path}").format(path=path))
        return True

    # --- opening ------------------------------------------------------------------------------

    def open_case_dialog(self) -> None:
        w = self.window
        path = w.dialogs.open_path(w, self.tr("Open a case"), case_filter(), "case")
        if path:
            self.open_case(path)

    def _may_leave(self) -> bool:
        """The current case may be left: saved, or the officer saves or discards it now."""
        w = self.window
        if not w.session.modified:
            return True
        answer = w.dialogs.save_discard_cancel(
            w,
            self.tr("Unsaved changes"),
            self.tr("The current case has unsaved changes. Save them first?"),
        )
        return answer == "discard" or (answer == "save" and self.save())

    def new_case(self) -> bool:
        """An empty case: no inventory, no offer, the preferred rule set."""
        if not self._may_leave():
            return False
        w = self.window
        empty = CaseData({}, [], None, None, w.settings.default_rules or None, None, {}, "")
        self._apply(empty)
        w.session.set_inventory(None, None)
        w.session.undo_stack.clear()
        self.path = None
        w.session.set_modified(False)
        w.autosaver.discard()
        w._update_title()
        return True

    def open_case(self, path: str, *, recovered: bool = False) -> bool:
        w = self.window
        if not recovered and not self._may_leave():
            return False
        try:
            data = load_case(path)
        except CaseFileError as exc:
            w.dialogs.warning(
                w, self.tr("The case cannot be opened"), self._case_error(path, str(exc))
            )
            return False
        except OSError as exc:
            w.dialogs.warning(
                w,
                self.tr("The case cannot be opened"),
                self.tr("{path} cannot be read: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return False
        self._apply(data)
        self.path = None if recovered else path
        if not recovered:
            w.settings.add_recent(path)
        w.session.set_modified(recovered)
        w._update_title()
        return True

    def _case_error(self, path: str, reason: str) -> str:
        texts = {
            "too_large": self.tr("{path} is too large to be a case file."),
            "not_json": self.tr("{path} is not a case file (it is not JSON text)."),
            "not_a_case": self.tr("{path} is not a Donation Checker case file."),
            "newer_version": self.tr(
                "{path} was saved by a newer version of Donation Checker; "
                "update the application to open it."
            ),
        }
        return texts.get(reason, texts["not_a_case"]).format(path=path)

    def _apply(self, data: CaseData) -> None:
        w, s = self.window, self.window.session
        problems: list[str] = []
        try:
            s.load_rules(data.rules_path)
        except DonationCheckerError as exc:
            problems.append(exc.describe(s.lang))
            s.load_rules(None)
        if data.family_weights and s.base_ruleset is not None:
            known = {k: v for k, v in data.family_weights.items() if k in s.base_ruleset.families}
            weights = {k: f.weight for k, f in s.base_ruleset.families.items()} | known
            s.set_weights(weights)
            w.rules_panel.refresh()
        s.lines.replace_all(data.offer_lines, self.tr("Open case"))
        s.undo_stack.clear()
        header = header_from_dict(data.offer_header)
        w.offer_panel.load_header(header)
        s.set_header(header)
        w.offer_panel.set_notes(data.notes)
        s.set_notes(data.notes)
        if data.inventory_path:
            if Path(data.inventory_path).is_file():
                self._expected_sha = (data.inventory_path, data.inventory_sha256 or "")
                w.open_inventory(data.inventory_path)
            else:
                problems.append(
                    self.tr(
                        "The inventory this case used is no longer at {path}. "
                        "Open it again (File ▸ Open inventory)."
                    ).format(path=data.inventory_path)
                )
        if problems:
            w.dialogs.warning(
                w, self.tr("The case was opened with problems"), "\n\n".join(problems)
            )

    def inventory_arrived(self, inventory: Inventory) -> None:
        """After a case's inventory is re-imported: warn when the file changed since."""
        expected, self._expected_sha = self._expected_sha, None
        if expected is None or not expected[1]:
            return
        w = self.window
        if inventory.report.sha256 != expected[1]:
            w.dialogs.warning(
                w,
                self.tr("The inventory has changed"),
                self.tr(
                    "{path} is not the same file as when the case was saved (its SHA-256 "
                    "differs). The assessment now uses the current file."
                ).format(path=expected[0]),
            )
        elif self.path:
            w.session.set_modified(False)  # re-opening the same file is not a change

    # --- recovery -----------------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """At start: offer to restore work an earlier instance did not save (crash, kill)."""
        orphans = orphaned_autosaves()
        if not orphans:
            return False
        w = self.window
        newest = orphans[0]
        recovered = False
        if w.dialogs.confirm(w, self.tr("Recover unsaved work?"), self.recovery_text(newest)):
            recovered = self.open_case(str(newest), recovered=True)
        # Recovered work lives on in this instance's autosave; declined work is not asked again.
        for path in orphans:
            path.unlink(missing_ok=True)
        return recovered

    def recovery_text(self, autosave: Path) -> str:
        """What the recovery would restore and from when, so the officer can decide."""
        saved = QDateTime.fromSecsSinceEpoch(int(autosave.stat().st_mtime))
        locale = QLocale()
        when = self.tr("{date} at {time}").format(
            date=locale.toString(saved.date(), QLocale.FormatType.LongFormat),
            time=locale.toString(saved.time(), QLocale.FormatType.ShortFormat),
        )
        try:
            case = load_case(autosave)
        except (OSError, CaseFileError):
            return self.tr(
                "Donation Checker did not close normally. It saved work automatically on "
                "{when}, but that file cannot be read. Try to recover it?"
            ).format(when=when)
        reference = str(case.offer_header.get("reference") or "").strip()
        lines = len([r for r in case.offer_lines if any(str(v).strip() for v in r.values())])
        offer = (
            self.tr("the offer {reference} (%n line(s))", "", lines).format(reference=reference)
            if reference
            else self.tr("an offer without a reference (%n line(s))", "", lines)
        )
        inventory = (
            self.tr("the inventory {file}").format(file=Path(case.inventory_path).name)
            if case.inventory_path
            else self.tr("no inventory")
        )
        return self.tr(
            "Donation Checker did not close normally. On {when} it saved {offer} and "
            "{inventory}. Recover this work?"
        ).format(when=when, offer=offer, inventory=inventory)

    # --- rule sets ----------------------------------------------------------------------------

    def open_rules(self) -> None:
        w = self.window
        path = w.dialogs.open_path(
            w, self.tr("Open a rule set"), self.tr("Rule sets (*.toml)"), "rules"
        )
        if not path:
            return
        try:
            w.session.load_rules(path)
        except DonationCheckerError as exc:
            w.dialogs.warning(
                w, self.tr("The rule set cannot be used"), exc.describe(w.session.lang)
            )
            return
        w.session.set_modified(True)

    def save_rules_as(self) -> str | None:
        w = self.window
        ruleset = w.session.ruleset
        if ruleset is None:
            return None
        path = w.dialogs.save_path(
            w,
            self.tr("Save as a new rule set"),
            self.tr("Rule sets (*.toml)"),
            str(user_rules_dir(create=True) / self.tr("my-rules.toml")),
            "rules",
        )
        if not path:
            return None
        try:
            write_text_atomic(path, ruleset.to_toml())
        except OSError as exc:
            w.dialogs.warning(
                w, self.tr("The rule set was not saved"), f"{path}: {exc.strerror or exc}"
            )
            return None
        w.show_message(self.tr("Rule set saved: {path}").format(path=path))
        return path
