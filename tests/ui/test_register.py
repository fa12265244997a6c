"""The Register area: the list pages through the register and filters it, a decision saved from
a stale version shows the conflict and keeps the officer's entry, a condition marked met
appears in the history, and the register's address never stores a password."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.register import Decision, Register
from donation_checker.ruleset import load_ruleset
from tests.ui.register_cases import DONORS, LINES, YEARS, Made, fill

CASES = 300


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Made]]:
    """A register of a few hundred generated cases, shared by the read-only tests."""
    path = str(tmp_path_factory.mktemp("register") / "cases.db")
    with Register.open(path) as register:
        made = fill(register, CASES, load_ruleset())
    return path, made


def open_panel(qtbot: Any, window: Any, address: str) -> Any:
    window.settings.register_address = address
    panel = window.register_panel
    panel.open_register()
    qtbot.waitUntil(lambda: panel.register is not None, timeout=10_000)
    settle(qtbot, panel.model)
    return panel


def settle(qtbot: Any, model: Any) -> None:
    """Wait for the page being read on the runner's thread."""
    qtbot.waitUntil(lambda: not model.fetching, timeout=10_000)


@pytest.fixture
def panel(qtbot: Any, window: Any, generated: tuple[str, list[Made]]) -> Iterator[Any]:
    opened = open_panel(qtbot, window, generated[0])
    yield opened
    opened.close_register()


def open_case(qtbot: Any, panel: Any, number: str) -> Any:
    """Select a case in the list and wait until it is read and shown."""
    assert panel.select(number)
    view = panel.case_view
    qtbot.waitUntil(lambda: view.case is not None and view.case.number == number)
    return view


def fetch_all(qtbot: Any, model: Any) -> list[str]:
    settle(qtbot, model)
    while model.canFetchMore():
        model.fetchMore()
        settle(qtbot, model)
    return [c.number for c in model.cases]


def test_the_list_fetches_a_page_at_a_time_as_the_officer_scrolls(
    qtbot: Any, panel: Any, generated: tuple[str, list[Made]]
) -> None:
    model, view = panel.model, panel.view
    assert model.total == CASES
    assert model.rowCount() == model.page_size < CASES
    panel.window().tabs.setCurrentWidget(panel)
    for _ in range(CASES // model.page_size + 1):
        view.scrollToBottom()  # the view asks the model for the next page
        settle(qtbot, model)
        qtbot.wait(5)
    assert model.rowCount() == CASES
    numbers = [c.number for c in model.cases]
    assert len(set(numbers)) == CASES
    expected = sorted((m.number for m in generated[1]), key=lambda n: (n[3:7], n), reverse=True)
    assert numbers == expected  # newest first, across the pages
    assert panel.count.text() == f"Cases: {CASES} of {CASES}"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    donor=st.sampled_from((None, *DONORS, "partner", "ALPHA")),
    verdict=st.sampled_from((None, "accept", "conditional", "redirect", "decline")),
    year=st.sampled_from((None, *YEARS)),
    category=st.sampled_from((None, *(line[0] for line in LINES))),
)
def test_filters_show_exactly_the_cases_that_match(
    qtbot: Any,
    panel: Any,
    generated: tuple[str, list[Made]],
    donor: str | None,
    verdict: str | None,
    year: int | None,
    category: str | None,
) -> None:
    panel.donor.setText(donor or "")
    panel.category.setText(category or "")
    panel.verdict.setCurrentIndex(panel.verdict.findData(verdict) if verdict else 0)
    panel.year.setCurrentIndex(panel.year.findData(year) if year else 0)
    panel.apply_filters()
    expected = {
        m.number
        for m in generated[1]
        if (donor is None or donor.lower() in m.donor.lower())
        and (verdict is None or m.verdict == verdict)
        and (year is None or m.year == year)
        and (category is None or m.category == category)
    }
    assert set(fetch_all(qtbot, panel.model)) == expected
    assert panel.model.total == len(expected)


@pytest.fixture
def small(qtbot: Any, window: Any, tmp_path: Path) -> Iterator[tuple[Any, list[Made]]]:
    """A register of a few cases this test may change."""
    path = str(tmp_path / "small.db")
    with Register.open(path) as register:
        made = fill(register, 12, load_ruleset(), seed=3)
    opened = open_panel(qtbot, window, path)
    yield opened, made
    opened.close_register()


def test_a_decision_on_a_stale_version_shows_both_versions_and_keeps_the_entry(
    qtbot: Any, small: tuple[Any, list[Made]], dialogs: Any
) -> None:
    panel, made = small
    number = made[0].number
    view = open_case(qtbot, panel, number)
    opened = view.case.version
    # Another officer decides meanwhile.
    with Register.open(panel.register.address) as other:
        other.decide(number, Decision.DECLINED, on=dt.date(2026, 6, 1), officer="colleague")
    view.decision.setCurrentIndex(view.decision.findData("accepted"))
    view.reply_ref.setText("MY-REPLY-7")
    view.decide_button.click()
    qtbot.waitUntil(lambda: not view.saving and bool(dialogs.warnings))
    title, text = dialogs.warnings[-1]
    assert title == "Someone else changed this case"
    assert f"version {opened}, now {opened + 1}" in text
    assert "colleague" in text and "accepted" in text
    # The case shows the other officer's decision; the officer's entry is still in the form.
    assert view.case.version == opened + 1
    assert view.case.summary.decision == Decision.DECLINED
    assert view.reply_ref.text() == "MY-REPLY-7"
    assert panel.register.get(number).summary.decision == Decision.DECLINED


def test_a_decision_from_the_current_version_is_saved_and_listed(
    qtbot: Any, small: tuple[Any, list[Made]], dialogs: Any
) -> None:
    panel, made = small
    number = made[1].number
    view = open_case(qtbot, panel, number)
    view.decision.setCurrentIndex(view.decision.findData("redirected"))
    view.reply_ref.setText("R-42")
    view.decide_button.click()
    qtbot.waitUntil(lambda: not view.saving)
    assert not dialogs.warnings
    settle(qtbot, panel.model)
    saved = panel.register.get(number)
    assert saved.summary.decision == Decision.REDIRECTED and saved.reply_reference == "R-42"
    row = [c.number for c in panel.model.cases].index(number)
    assert panel.model.index(row, 8).data() == "redirected"


def test_a_condition_marked_met_appears_in_the_history(
    qtbot: Any, small: tuple[Any, list[Made]], dialogs: Any
) -> None:
    panel, made = small
    number = next(m.number for m in made if m.verdict == "conditional")
    view = open_case(qtbot, panel, number)
    assert view.conditions.rowCount() == 1
    view.conditions.selectRow(0)
    view.condition_status.setCurrentIndex(view.condition_status.findData("met"))
    view.condition_note.setText("certificate received")
    view.condition_button.click()
    qtbot.waitUntil(lambda: not view.saving)
    assert not dialogs.warnings
    assert view.conditions.item(0, 2).text() == "met"
    newest = [view.history.item(0, c).text() for c in range(4)]
    assert newest[0] == str(view.case.version)
    assert "condition" in newest[3] and "pending → met" in newest[3]
    assert "certificate received" in newest[3]
    assert panel.register.get(number).conditions[0].status.value == "met"


def test_the_register_tab_opens_the_default_file_in_the_data_folder(
    qtbot: Any, window: Any, home: Path
) -> None:
    panel = window.register_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.register is not None, timeout=10_000)
    settle(qtbot, panel.model)
    assert Path(panel.register.address).parent.resolve().is_relative_to(home.resolve())
    assert panel.model.total == 0
    panel.close_register()


def test_an_address_with_a_password_is_never_stored(settings: Any) -> None:
    from donation_checker.register import RegisterUnavailable

    with pytest.raises(RegisterUnavailable):
        settings.register_address = "postgresql://officer:secret@db.example/register"
    assert settings.register_address == ""
    settings.register_address = "postgresql://officer@db.example/register"
    assert settings.register_address == "postgresql://officer@db.example/register"


def test_preferences_refuse_an_address_with_a_password_and_reopen_on_a_new_one(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from donation_checker_gui.settings_dialog import SettingsDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    panel = window.register_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.register is not None, timeout=10_000)
    first = panel.register.address
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.register.setText("postgresql://officer:secret@db.example/register")
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "contains a password" in shown[0] and "secret" not in shown[0]
    assert "secret" not in str(window.settings.qsettings.value("prefs/register_address"))
    other = str(tmp_path / "other.db")
    dialog.register.setText(other)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    window.apply_preferences(dialog.apply())
    qtbot.waitUntil(lambda: panel.register is not None and panel.register.address == other)
    assert first != other
    panel.close_register()


def test_the_dashboard_counts_offers_by_donor_and_lists_overdue_conditions(
    qtbot: Any, tmp_path: Path
) -> None:
    from donation_checker_gui.register_dashboard import Dashboard, read_overview

    with Register.open(str(tmp_path / "d.db")) as register:
        made = fill(register, 40, load_ruleset(), seed=7)
        late = next(m for m in made if m.verdict == "conditional")
        register.update_condition(
            late.number, 1, due=dt.date.today() - dt.timedelta(days=12), officer="me"
        )
        overview = read_overview(register, 2025, "donor unknown")
    dashboard = Dashboard("en")
    qtbot.addWidget(dashboard)
    dashboard.show_overview(overview)
    in_year = [m for m in made if m.year == 2025]
    shown = {label: int(text) for label, _parts, text in dashboard.offers.bars}
    assert shown == {d: sum(1 for m in in_year if m.donor == d) for d in {m.donor for m in in_year}}
    for label, parts, _text in dashboard.offers.bars:
        assert sum(value for value, _colour in parts) == shown[label]
    assert f"{late.number} ({late.donor}), condition 1, days late: 12" in dashboard.overdue.text()


def test_an_unreachable_register_is_explained_without_a_traceback(
    qtbot: Any, window: Any, dialogs: Any, notices: Any
) -> None:
    window.settings.register_address = "postgresql://officer@127.0.0.1:1/register"
    panel = window.register_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=30_000)
    title, text = dialogs.warnings[-1]
    assert title == "Register"
    assert "cannot be reached" in text and "credentials" in text
    assert panel.where.text() == "Register: cannot be opened"
    assert panel.register is None and not panel.record_button.isEnabled()
    assert not notices.items  # an expected failure, not an error report


def test_the_french_list_names_categories_by_their_titles(
    generated: tuple[str, list[Made]],
) -> None:
    from donation_checker_gui.register_model import cell_text

    categories = load_ruleset().categories
    with Register.open(generated[0]) as register:
        cases = register.list_cases(limit=30).items
    assert cases
    for case in cases:
        shown = cell_text(case, "categories", "fr")
        assert shown == ", ".join(categories.title(c).fr for c in case.categories)
        for c in case.categories:
            if categories.title(c).fr != c:  # a category with a title never shows its id
                assert c not in shown, shown
