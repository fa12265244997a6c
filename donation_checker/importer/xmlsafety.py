"""Refuse to run with an XML stack that expands entities.

openpyxl only guards against entity bombs when defusedxml is importable (its README says so);
it is a hard dependency, and this check makes a broken installation fail loudly at the first
import instead of silently parsing hostile XML. lxml before 6.1.0 resolves entities by default
(CVE-2026-41066), so an old lxml that openpyxl would use is refused too.
"""

from __future__ import annotations

import functools
import importlib.util
import pyexpat

from ..errors import DonationCheckerError


@functools.cache
def require_safe_xml() -> str:
    """Check the XML stack once per process; returns a one-line description for the log."""
    if importlib.util.find_spec("defusedxml") is None:
        raise _unsafe("unsafe_no_defusedxml")
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:
        raise _unsafe("unsafe_openpyxl")
    if openpyxl.xml.LXML:
        etree = importlib.import_module("lxml.etree")
        if tuple(etree.LXML_VERSION) < (6, 1, 0, 0):
            raise _unsafe("unsafe_lxml", version=str(etree.__version__))
    return f"defusedxml active; expat {pyexpat.EXPAT_VERSION}"


def _unsafe(detail: str, **values: str) -> DonationCheckerError:
    from ..assessment import Text
    from . import texts  # the catalogue is read only when the check fails

    en, fr = texts.both(
        "import.error.unsafe_xml", detail=Text(*texts.both(f"import.error.{detail}", **values))
    )
    hint_en, hint_fr = texts.both("import.error.hint.reinstall")
    return DonationCheckerError(en, fr, hint=hint_en, hint_fr=hint_fr, reason="unsafe_xml_stack")
