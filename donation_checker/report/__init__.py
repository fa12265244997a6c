"""Reports of an assessment: the PDF for the official file and the Excel export.

reportlab and openpyxl stay behind this package; callers pass an Assessment and a target.
"""

from __future__ import annotations

from .pdf import ReportCancelled, build_pdf, build_pdf_bytes
from .xlsx_export import export_xlsx

__all__ = ["ReportCancelled", "build_pdf", "build_pdf_bytes", "export_xlsx"]
