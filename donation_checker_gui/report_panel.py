"""Report area: preview the PDF in the application, save it, print it, export to Excel."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from donation_checker.errors import DonationCheckerError

from .dialogs import Dialogs
from .session import Session
from .tasks import CancelFn, ProgressFn, Task, TaskRunner

try:  # QtPdf ships in the optional PySide6-Pdf wheel (the "pdfview" extra)
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False

# meta() -> keyword arguments for build_pdf: marking, author, organisation
Meta = Callable[[], dict[str, str]]


class ReportPanel(QWidget):
    message = Signal(str)  # for the status bar
    record_requested = Signal()  # record the assessment in the register

    def __init__(
        self,
        session: Session,
        runner: TaskRunner,
        dialogs: Dialogs,
        meta: Meta,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.dialogs = dialogs
        self.meta = meta
        self.lang = session.lang
        self.pdf_bytes: bytes | None = None
        self._preview_task: Task | None = None
        self._private_dir: Path | None = None  # made on the first "Open in the PDF viewer"
        self._stale = True
        self._build()
        session.assessment_changed.connect(self._assessment_changed)
        self._assessment_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.share = QCheckBox(self.tr("Shareable version"))
        self.share.setToolTip(
            self.tr(
                "Shows the recipient's holdings and locations only as "
                "bands, for sending outside the ministry"
            )
        )
        self.share.toggled.connect(self._options_changed)
        self.marking = QLineEdit(self.meta().get("marking", ""))
        self.marking.setPlaceholderText(self.tr("Protective marking"))
        self.marking.setAccessibleName(self.tr("Protective marking"))
        self.marking.editingFinished.connect(self._options_changed)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_report)
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.excel_button.clicked.connect(self.export_excel)
        self.record_button = QPushButton(self.tr("Record in the register"))
        self.record_button.setToolTip(
            self.tr("A new case in the register, with this assessment, its offer and conditions")
        )
        self.record_button.clicked.connect(self.record_requested)
        bar.addWidget(self.share)
        bar.addWidget(QLabel(self.tr("Marking:")))
        bar.addWidget(self.marking, 1)
        for button in (self.save_button, self.print_button, self.excel_button, self.record_button):
            button.setAccessibleName(button.text().rstrip("…"))
            bar.addWidget(button)
        layout.addLayout(bar)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)

        self.stack = QStackedWidget()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.stack.addWidget(self.placeholder)
        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setAccessibleName(self.tr("Report preview"))
            self.stack.addWidget(self.view)
            self._buffer = QBuffer(self)
        else:
            fallback = QWidget()
            fl = QVBoxLayout(fallback)
            self.fallback_text = QLabel()
            self.fallback_text.setWordWrap(True)
            self.fallback_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.open_button = QPushButton(self.tr("Open in the PDF viewer"))
            self.open_button.setAccessibleName(self.tr("Open in the PDF viewer"))
            self.open_button.clicked.connect(self.open_external)
            fl.addStretch(1)
            fl.addWidget(self.fallback_text)
            fl.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
            fl.addStretch(1)
            self.stack.addWidget(fallback)
        layout.addWidget(self.stack, 1)

    # --- preview ------------------------------------------------------------------------------

    def _options(self) -> dict[str, Any]:
        meta = self.meta()
        return {
            "lang": self.lang,
            "share": self.share.isChecked(),
            "currency": self.session.currency,
            "marking": self.marking.text().strip(),
            "author": meta.get("author", ""),
            "organisation": meta.get("organisation", ""),
        }

    def _assessment_changed(self) -> None:
        a = self.session.assessment
        enabled = a is not None
        for button in (self.save_button, self.print_button, self.excel_button, self.record_button):
            button.setEnabled(enabled)
        self.pdf_bytes = None
        self._stale = True
        if a is None:
            self.placeholder.setText(
                self.session.assessment_error
                or self.tr("The report appears here once there is an assessment.")
            )
            self.stack.setCurrentIndex(0)
            return
        if self.isVisible():
            self.refresh_preview()

    def _options_changed(self) -> None:
        self._stale = True
        if self.session.assessment is not None and self.isVisible():
            self.refresh_preview()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale and self.session.assessment is not None:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        a = self.session.assessment
        if a is None:
            return
        if self._preview_task is not None:
            self._preview_task.cancel()
        self._stale = False
        options = self._options()

        def job(progress: ProgressFn, cancel: CancelFn) -> bytes:
            from donation_checker.report import build_pdf_bytes

            return build_pdf_bytes(a, progress=lambda f: progress(f, ""), cancel=cancel, **options)

        self.placeholder.setText(self.tr("Preparing the report…"))
        self.stack.setCurrentIndex(0)
        task = self.runner.submit(
            job,
            name="report preview",
            on_success=lambda data: self._show_pdf(task, data),
            on_failure=self._failed,
        )
        self._preview_task = task

    def _show_pdf(self, task: Task, data: bytes) -> None:
        if task is not self._preview_task:
            return  # an older preview finished after a newer one started
        self._preview_task = None
        self.pdf_bytes = data
        if HAVE_QTPDF:
            self.document.close()
            self._buffer.close()
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            self.stack.setCurrentIndex(1)
        else:
            self.fallback_text.setText(
                self.tr(
                    "The report is ready ({size} KB). An in-application preview needs the optional "
                    "PySide6-Pdf package; meanwhile open the report in your PDF viewer, or save it."
                ).format(size=max(1, len(data) // 1024))
            )
            self.stack.setCurrentIndex(1)

    def _failed(self, exc: BaseException) -> None:
        self._preview_task = None
        self.progress.setVisible(False)
        if isinstance(exc, DonationCheckerError):
            text = exc.describe(self.lang)
        elif isinstance(exc, OSError):
            text = self.tr("The file cannot be written: {error}").format(error=exc.strerror or exc)
        else:
            text = self.tr("The report could not be produced; the details are in the log file.")
        self.placeholder.setText(text)
        self.stack.setCurrentIndex(0)
        self.message.emit(text)

    # --- outputs ------------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> str:
        """The offer's reference as a file name; the shareable version gets a name of its own,
        so saving it never replaces the restricted report."""
        ref = (self.session.header.reference or "").strip()
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in ref)[:60]
        stem = safe or self.tr("assessment")
        if self.share.isChecked():
            stem = self.tr("{name}-shareable").format(name=stem)
        return stem + suffix

    def save_pdf(self) -> str | None:
        a = self.session.assessment
        if a is None:
            return None
        path = self.dialogs.save_path(
            self,
            self.tr("Save the report"),
            self.tr("PDF documents (*.pdf)"),
            self._suggested(".pdf"),
            "report",
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        options = self._options()

        inputs = self._inputs()

        def job(progress: ProgressFn, cancel: CancelFn) -> str:
            from donation_checker.outputs import check_outputs
            from donation_checker.report import build_pdf

            check_outputs(inputs, [("PDF", path)])
            build_pdf(a, path, progress=lambda f: progress(f, ""), cancel=cancel, **options)
            return path

        self._run_output(job, "save pdf", self.tr("Report saved: {path}"))
        return path

    def export_excel(self) -> str | None:
        a = self.session.assessment
        if a is None:
            return None
        path = self.dialogs.save_path(
            self,
            self.tr("Export to Excel"),
            self.tr("Excel workbooks (*.xlsx)"),
            self._suggested(".xlsx"),
            "report",
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        lang, share, currency = self.lang, self.share.isChecked(), self.session.currency

        inputs = self._inputs()

        def job(progress: ProgressFn, cancel: CancelFn) -> str:
            from donation_checker.outputs import check_outputs
            from donation_checker.report import export_xlsx

            check_outputs(inputs, [("Excel", path)])
            export_xlsx(a, path, lang=lang, share=share, currency=currency)
            return path

        self._run_output(job, "export excel", self.tr("Workbook saved: {path}"))
        return path

    def _inputs(self) -> list[tuple[str, str | None]]:
        """The files the case was made from: an output never replaces one of them."""
        rules = self.session.ruleset.path if self.session.ruleset else None
        fr = self.lang == "fr"
        return [
            ("l’inventaire" if fr else "the inventory", self.session.inventory_path),
            ("le jeu de règles" if fr else "the rule set", str(rules) if rules else None),
        ]

    def _run_output(self, job: Callable[[ProgressFn, CancelFn], str], name: str, done: str) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(True)

        def finished(path: str) -> None:
            self.progress.setVisible(False)
            self.message.emit(done.format(path=path))

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            text = exc.describe(self.lang) if isinstance(exc, DonationCheckerError) else str(exc)
            if isinstance(exc, DonationCheckerError | OSError):
                self.dialogs.warning(self, self.tr("Not saved"), text)

        self.runner.submit(
            job,
            name=name,
            on_success=finished,
            on_failure=failed,
            on_progress=lambda f, _label: self.progress.setValue(int(f * 1000)),
        )

    def _private_pdf(self, data: bytes) -> Path:
        """Write the report for the desktop's viewer where no one else can read it: in a folder
        of the user's own (mkdtemp: owner only), as a file only the user may read (0600). Each
        opening gets a new name, so a viewer still showing the previous one is left alone."""
        if self._private_dir is None or not self._private_dir.is_dir():
            self._private_dir = Path(tempfile.mkdtemp(prefix="donation-checker-"))
        stem = self._suggested("")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        for n in range(1, 1000):
            target = self._private_dir / (f"{stem}.pdf" if n == 1 else f"{stem}-{n}.pdf")
            try:
                fd = os.open(target, flags, 0o600)
            except FileExistsError:
                continue
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            return target
        raise FileExistsError(f"no free name in {self._private_dir}")

    def open_external(self) -> bool:
        """Open the report in the desktop's PDF viewer; say in the window why if it cannot."""
        if self.pdf_bytes is None:
            self.message.emit(self.tr("The report is still being prepared; try again in a moment."))
            return False
        try:
            target = self._private_pdf(self.pdf_bytes)
        except OSError as exc:
            self._not_opened(
                self.tr(
                    "The report could not be written to a temporary folder ({error}). "
                    "Save it with “Save PDF…” and open it from there."
                ).format(error=exc.strerror or exc)
            )
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self._not_opened(
                self.tr(
                    "No PDF viewer could open the report. It was written to {path}; open it "
                    "from there, or save it with “Save PDF…”."
                ).format(path=target)
            )
            return False
        self.message.emit(self.tr("Report opened in your PDF viewer: {path}").format(path=target))
        return True

    def _not_opened(self, text: str) -> None:
        self.message.emit(text)
        self.dialogs.warning(self, self.tr("Report not opened"), text)

    def print_report(self) -> None:
        if self.pdf_bytes is None:
            self.message.emit(self.tr("The report is still being prepared; try again in a moment."))
            return
        if not HAVE_QTPDF:
            # Without QtPdf the pages cannot be drawn here: the PDF viewer prints them.
            if self.open_external():
                self.message.emit(self.tr("The report was opened in your PDF viewer for printing."))
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                rect = painter.viewport()
                image = self.document.render(page, rect.size())
                painter.drawImage(rect, image)
        finally:
            painter.end()
