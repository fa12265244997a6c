"""Properties of the register over generated sequences of officers' changes: every accepted
change is one version, a stale one changes nothing, and the history replays to the case."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.register import ConditionStatus, Decision, Register, RegisterConflict
from tests.core.register.conftest import tiny

change = st.one_of(
    st.tuples(st.just("decide"), st.sampled_from(list(Decision))),
    st.tuples(st.just("condition"), st.sampled_from(list(ConditionStatus))),
    st.tuples(st.just("correct"), st.text("abcdeé ’", min_size=1, max_size=8)),
)
# Each change is saved from the current version (lag 0) or from one opened earlier (stale).
steps = st.lists(st.tuples(change, st.integers(0, 2)), min_size=1, max_size=8)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps)
def test_versions_count_the_accepted_changes_and_stale_ones_change_nothing(
    steps: list[tuple[tuple[str, object], int]],
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        Register.open(str(Path(folder) / "r.sqlite3")) as reg,
    ):
        number = reg.record(*tiny(conditions=2), officer="A").number
        accepted = 0
        decision: Decision | None = None
        donor = "Partner X"
        for (kind, value), lag in steps:
            current = reg.get(number)
            opened = max(1, current.version - lag)
            try:
                if kind == "decide":
                    assert isinstance(value, Decision)
                    reg.decide(
                        number, value, on=dt.date(2026, 6, 1), officer="B", expected_version=opened
                    )
                    decision = value
                elif kind == "condition":
                    assert isinstance(value, ConditionStatus)
                    reg.update_condition(
                        number, 1, status=value, officer="C", expected_version=opened
                    )
                else:
                    reg.correct(number, officer="D", expected_version=opened, donor=str(value))
                    donor = str(value)
                accepted += 1
                assert opened == current.version
            except RegisterConflict as err:
                assert opened < current.version
                assert err.theirs.version == current.version
                assert reg.get(number).version == current.version  # nothing applied
        final = reg.get(number)
        assert final.version == 1 + accepted
        assert [h.version for h in final.history] == list(range(1, final.version + 1))
        assert final.summary.decision == decision and final.summary.donor == donor
