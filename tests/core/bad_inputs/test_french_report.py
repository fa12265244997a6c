"""Every corpus file, imported or refused, is reported in French without an identifier, a
straight apostrophe or an English word: the import report (command line and JSON texts) of the
files imported, the error of the files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.model import ImportReport
from tests.core.french_texts import bad_lines, problems

from .cases import CASES, Case
from .test_corpus import run


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_french_report(case: Case, tmp_path: Path) -> None:
    path = case.build(tmp_path / case.file_name)
    _, result = run(case, path)
    if isinstance(result, InputRejected):
        text = result.describe("fr", command_line=True)
        assert not problems(text, ImportReport(path.name, "", case.importer, ())), text
        return
    assert not bad_lines(result.report)
