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
        raise _unsafe("the defusedxml package is not installed")
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:
        raise _unsafe("openpyxl does not use defusedxml")
    if openpyxl.xml.LXML:
        etree = importlib.import_module("lxml.etree")
        if tuple(etree.LXML_VERSION) < (6, 1, 0, 0):
            raise _unsafe(f"lxml {etree.__version__} resolves XML entities (need >= 6.1.0)")
    return f"defusedxml active; expat {pyexpat.EXPAT_VERSION}"


def _unsafe(detail: str) -> DonationCheckerError:
    return DonationCheckerError(
        f"The installation is unsafe for reading spreadsheets: {detail}.",
        f"L'installation n'est pas sûre pour lire des classeurs : {detail}.",
        hint="Reinstall the application with its dependencies (pip install donation-checker).",
        hint_fr="Réinstallez l'application avec ses dépendances (pip install donation-checker).",
        reason="unsafe_xml_stack",
    )
