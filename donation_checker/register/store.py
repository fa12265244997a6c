"""The register: every offer's case, its assessments, decision, conditions and delivery, kept
by version so nothing is overwritten, shared by the officers of a cell.

One `Register` per address (a SQLite file by default, a PostgreSQL server when the cell shares
one). Every change names the version it started from: when someone else saved the case in
between, the change is refused with both versions (RegisterConflict) and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Engine,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from ..errors import DonationCheckerError
from . import schema as s
from .location import (
    RegisterUnavailable,
    choose_address,
    is_postgres,
    masked,
    sqlalchemy_url,
)
from .migrate import upgrade
from .reading import (
    CaseNotFound,
    condition_texts,
    current_donors,
    latest_events,
    lines_of,
    load_case,
    not_found,
    shown,
    status_column,
    summaries,
    summaries_query,
    tracked,
)
from .records import (
    ACCEPTING,
    Case,
    CaseFilter,
    CaseStatus,
    CaseSummary,
    ConditionStatus,
    Decision,
    OverdueCondition,
    Page,
    Pledge,
    RecordedLine,
)

if TYPE_CHECKING:
    from ..assessment import Assessment
    from ..model import Offer
    from ..ruleset import RuleSet

NUMBER_PREFIX = "DC"
_MIGRATION_LOCK = 7_215_015  # any constant: one PostgreSQL advisory lock for schema upgrades


def case_number(year: int, seq: int) -> str:
    """DC-2026-0042: the prefix, the year, and the year's sequence (four digits or more)."""
    return f"{NUMBER_PREFIX}-{year}-{seq:04d}"


class RegisterConflict(DonationCheckerError):
    """The case changed since the officer opened it: `theirs` is the case as saved now, `yours`
    the change that was not applied (kept so it can be applied again)."""

    def __init__(self, number: str, opened: int, theirs: Case, yours: Mapping[str, Any]) -> None:
        last = theirs.history[-1] if theirs.history else None
        who = f"{last.by} ({last.at:%Y-%m-%d %H:%M} UTC)" if last else "?"
        mine = ", ".join(f"{k} = {v}" for k, v in yours.items())
        super().__init__(
            f"{number} was changed by {who} since you opened it (version {opened}, now "
            f"{theirs.version}). Your change was not saved: {mine}.",
            f"{number} a été modifié par {who} depuis que vous l’avez ouvert (version "
            f"{opened}, désormais {theirs.version}). Votre modification n’a pas été "
            f"enregistrée : {mine}.",
            hint="Reopen the case, check the other change, and apply yours again.",
            hint_fr="Rouvrez le dossier, vérifiez l’autre modification et appliquez de nouveau "
            "la vôtre.",
            reason="register_conflict",
        )
        self.number = number
        self.opened = opened
        self.theirs = theirs
        self.yours = dict(yours)


class _Stale(Exception):
    """Internal: the version a change started from is no longer the current one."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _open_engine(address: str) -> Engine:
    url = sqlalchemy_url(address)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy issues BEGIN itself (below), so that a writer's can be immediate.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the write lock at once; readers share the file (WAL) and never wait.
        writer = conn.get_execution_options().get("writer", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


@dataclass(frozen=True)
class _Who:
    officer: str
    organisation: str


class Register:
    """The cases of one register. Open with Register.open(); close() (or `with`) when done."""

    def __init__(self, engine: Engine, address: str) -> None:
        self.engine = engine
        self.address = address

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, address: str | None = None, *, settings: str | None = None) -> Register:
        """Open (and create or upgrade) the register at the address, the environment's, the
        settings' or the default file, in that order."""
        chosen = choose_address(address, settings)
        register = cls(_open_engine(chosen), chosen)
        with register._write() as conn:
            if is_postgres(chosen):
                conn.execute(select(func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
            upgrade(conn)
        return register

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def shown_address(self) -> str:
        """The address as it may be printed: without any password."""
        return masked(self.address)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(writer=True)
                with conn.begin():
                    yield conn
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
            raise RegisterUnavailable(
                f"The register at {self.shown_address} cannot be reached "
                f"({str(exc.orig).strip().splitlines()[0] if exc.orig else exc}).",
                f"Le registre {self.shown_address} est inaccessible "
                f"({str(exc.orig).strip().splitlines()[0] if exc.orig else exc}).",
                hint="Check the address, that the server is running, and your PostgreSQL "
                "credentials (password file, service file or PG* variables).",
                hint_fr="Vérifiez l’adresse, que le serveur fonctionne, et vos identifiants "
                "PostgreSQL (fichier de mots de passe, fichier de service ou variables PG*).",
                reason="register_unavailable",
            ) from exc

    # --- recording ------------------------------------------------------------------------

    def record(
        self,
        assessment: Assessment,
        offer: Offer,
        *,
        officer: str,
        organisation: str = "",
        ruleset: RuleSet | None = None,
        case_number: str | None = None,
        expected_version: int | None = None,
        note: str = "",
    ) -> Case:
        """Record an assessment: a new case, or a new version of `case_number` (a re-assessment)
        when given. The case's decision and conditions' states are kept across re-assessments."""
        who = _Who(officer, organisation)
        header = offer.header
        fields = {
            "donor": header.donor,
            "reference": header.reference,
            "offer_date": header.date,
        }
        if case_number is None:
            with self._write() as conn:
                case_id, number = self._new_case(conn, who, header.date)
                assessment_id = self._store_assessment(conn, case_id, assessment, offer, ruleset)
                conn.execute(
                    insert(s.case_versions).values(
                        case_id=case_id,
                        version=1,
                        changed_at=_now(),
                        changed_by=who.officer,
                        organisation=who.organisation,
                        kind="assessment",
                        note=note,
                        assessment_id=assessment_id,
                        **fields,
                    )
                )
                self._add_conditions(conn, case_id, 1, assessment)
            return self.get(number)
        yours = {"assessment": assessment.verdict.value, **{k: v for k, v in fields.items()}}

        def change(conn: Connection, case_id: int, version: int) -> dict[str, Any]:
            assessment_id = self._store_assessment(conn, case_id, assessment, offer, ruleset)
            self._add_conditions(conn, case_id, version, assessment)
            return {"assessment_id": assessment_id, **fields}

        return self._change(case_number, expected_version, who, "assessment", note, yours, change)

    def correct(
        self,
        number: str,
        *,
        officer: str,
        organisation: str = "",
        expected_version: int | None = None,
        note: str = "",
        **fields: Any,
    ) -> Case:
        """A correction of the case's donor, reference or offer date: a new version."""
        allowed = {"donor", "reference", "offer_date"}
        wrong = set(fields) - allowed
        if wrong:
            raise ValueError(f"not correctable: {sorted(wrong)}")
        return self._change(
            number,
            expected_version,
            _Who(officer, organisation),
            "correction",
            note,
            fields,
            lambda _conn, _id, _v: dict(fields),
        )

    def decide(
        self,
        number: str,
        decision: Decision,
        *,
        on: dt.date,
        reply_reference: str | None = None,
        officer: str,
        organisation: str = "",
        expected_version: int | None = None,
        note: str = "",
    ) -> Case:
        """Record the decision taken on the offer, its date and the reference of the reply."""
        fields = {
            "decision": Decision(decision).value,
            "decided_on": on,
            "reply_reference": reply_reference,
        }
        return self._change(
            number,
            expected_version,
            _Who(officer, organisation),
            "decision",
            note,
            fields,
            lambda _conn, _id, _v: dict(fields),
        )

    def deliver(
        self,
        number: str,
        *,
        on: dt.date,
        officer: str,
        organisation: str = "",
        expected_version: int | None = None,
        note: str = "",
    ) -> Case:
        """Record that an accepted offer was delivered: it is no longer a pledge."""
        current = self.get(number)
        if current.summary.decision not in ACCEPTING:
            raise DonationCheckerError(
                f"{number} is not accepted; only an accepted offer can be delivered.",
                f"{number} n’est pas accepté ; seule une offre acceptée peut être livrée.",
                hint="Record the decision first (register decide).",
                hint_fr="Enregistrez d’abord la décision (register decide).",
                reason="register_not_accepted",
            )
        fields = {"delivered_on": on}
        return self._change(
            number,
            expected_version,
            _Who(officer, organisation),
            "delivery",
            note,
            fields,
            lambda _conn, _id, _v: dict(fields),
        )

    def update_condition(
        self,
        number: str,
        no: int,
        *,
        status: ConditionStatus | None = None,
        on: dt.date | None = None,
        due: dt.date | None = None,
        note: str = "",
        file_sha256: str | None = None,
        officer: str,
        organisation: str = "",
        expected_version: int | None = None,
    ) -> Case:
        """Follow a condition up: its status (met, waived, failed...), date, due date, note and
        the SHA-256 of the file that supports it. Unset arguments keep their value."""
        opened = self.get(number)
        # The condition's new state is built on the version read here: save from that one.
        expected_version = opened.version if expected_version is None else expected_version
        found = {c.no: c for c in opened.conditions}.get(no)
        if found is None:
            raise CaseNotFound(
                f"{number} has no condition {no} (it has {len(opened.conditions)}).",
                f"{number} n’a pas de condition {no} (il en a {len(opened.conditions)}).",
                reason="register_no_condition",
            )
        after = {
            "status": ConditionStatus(status).value if status is not None else found.status.value,
            "on": on if on is not None else found.on,
            "due": due if due is not None else found.due,
            "note": note or found.note,
            "file_sha256": file_sha256 or found.file_sha256,
        }
        changed = [k for k, v in after.items() if v != getattr(found, k, None)]
        summary = f"condition {no}: " + ", ".join(
            f"{k} {shown(getattr(found, k))} → {shown(after[k])}" for k in changed
        )

        def change(conn: Connection, case_id: int, version: int) -> dict[str, Any]:
            conn.execute(
                insert(s.condition_events).values(case_id=case_id, no=no, version=version, **after)
            )
            return {}

        return self._change(
            number,
            expected_version,
            _Who(officer, organisation),
            "condition",
            summary if not note else f"{summary} ({note})",
            {f"condition {no}": after},
            change,
        )

    # --- reading --------------------------------------------------------------------------

    def get(self, number: str) -> Case:
        with self.engine.connect() as conn:
            return load_case(conn, number)

    def list_cases(
        self, filters: CaseFilter | None = None, offset: int = 0, limit: int = 100
    ) -> Page:
        """One page of cases, newest first, and how many pass the filters in all."""
        query = summaries_query(filters or CaseFilter())
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
            rows = conn.execute(
                query.order_by(s.cases.c.year.desc(), s.cases.c.seq.desc())
                .offset(offset)
                .limit(limit)
            ).all()
            items = summaries(conn, rows)
        return Page(items, int(total), offset, limit)

    def offers_by_donor(
        self, filters: CaseFilter | None = None
    ) -> dict[str | None, dict[str, int]]:
        """How many cases each donor has per verdict, counted by the database (the dashboard
        reads ten thousand cases without loading them)."""
        query = summaries_query(filters or CaseFilter()).subquery()
        counted = select(query.c.donor, query.c.verdict, func.count()).group_by(
            query.c.donor, query.c.verdict
        )
        out: dict[str | None, dict[str, int]] = {}
        with self.engine.connect() as conn:
            for donor, verdict, count in conn.execute(counted):
                out.setdefault(donor, {})[str(verdict)] = int(count)
        return out

    def pledges(self, *, excluding: str | None = None) -> tuple[Pledge, ...]:
        """Every line of the offers still to come: pending, or accepted and not delivered."""
        out = []
        for summary, lines in self.open_offers(excluding=excluding):
            for line in lines:
                out.append(
                    Pledge(
                        summary.number,
                        summary.donor,
                        line.no,
                        line.category,
                        line.make,
                        line.model,
                        line.quantity,
                        summary.status,
                        summary.offer_date,
                    )
                )
        return tuple(out)

    def open_offers(
        self, *, excluding: str | None = None
    ) -> list[tuple[CaseSummary, tuple[RecordedLine, ...]]]:
        """The offers still to come with their lines, oldest case first."""
        status = status_column()
        query = summaries_query(CaseFilter()).where(
            status.in_([CaseStatus.PENDING.value, *(CaseStatus(d.value).value for d in ACCEPTING)])
        )
        if excluding:
            query = query.where(s.cases.c.number != excluding)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(s.cases.c.year, s.cases.c.seq)).all()
            found = summaries(conn, rows)
            lines = lines_of(conn, [r.assessment_id for r in rows])
        return [
            (summary, lines.get(row.assessment_id, ()))
            for summary, row in zip(found, rows, strict=True)
        ]

    def overdue_conditions(self, today: dt.date | None = None) -> tuple[OverdueCondition, ...]:
        """Conditions still pending past their due date, most overdue first."""
        today = today or dt.date.today()
        out = []
        with self.engine.connect() as conn:
            latest = latest_events(conn, None)
            ids = {case_id for case_id, _ in latest}
            numbers = dict(
                conn.execute(
                    select(s.cases.c.id, s.cases.c.number).where(s.cases.c.id.in_(ids))
                ).all()
            )
            donors = current_donors(conn, ids)
            texts = condition_texts(conn, ids)
        for (case_id, no), ev in latest.items():
            if ev.status == ConditionStatus.PENDING.value and ev.due is not None and ev.due < today:
                condition = tracked(texts[(case_id, no)], ev)
                out.append(
                    OverdueCondition(
                        numbers[case_id], donors.get(case_id), condition, (today - ev.due).days
                    )
                )
        return tuple(sorted(out, key=lambda o: (-o.days_late, o.number, o.condition.no)))

    def undelivered(self) -> tuple[CaseSummary, ...]:
        """Offers accepted (with or without conditions) and not yet delivered."""
        out: list[CaseSummary] = []
        for status in (CaseStatus.ACCEPTED, CaseStatus.ACCEPTED_WITH_CONDITIONS):
            page = self.list_cases(CaseFilter(status=status), limit=1_000_000)
            out.extend(page.items)
        return tuple(sorted(out, key=lambda c: (c.decided_on or dt.date.min, c.number)))

    # --- internals ------------------------------------------------------------------------

    def _new_case(self, conn: Connection, who: _Who, date: dt.date | None) -> tuple[int, str]:
        """A new case with the next number of the year: the counter row is locked by the
        update, so two writers never draw the same number."""
        year = (date or dt.date.today()).year
        if is_postgres(self.address):
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
        conn.execute(upsert(s.counters).values(year=year, last=0).on_conflict_do_nothing())
        seq = conn.execute(
            update(s.counters)
            .where(s.counters.c.year == year)
            .values(last=s.counters.c.last + 1)
            .returning(s.counters.c.last)
        ).scalar_one()
        number = case_number(year, int(seq))
        case_id = conn.execute(
            insert(s.cases)
            .values(
                number=number,
                year=year,
                seq=seq,
                version=1,
                created_at=_now(),
                created_by=who.officer,
                organisation=who.organisation,
            )
            .returning(s.cases.c.id)
        ).scalar_one()
        return int(case_id), number

    def _store_assessment(
        self,
        conn: Connection,
        case_id: int,
        assessment: Assessment,
        offer: Offer,
        ruleset: RuleSet | None,
    ) -> int:
        from ..serialize import assessment_to_dict

        inputs = {r.role: r for r in assessment.inputs}
        inventory, offered = inputs.get("inventory"), inputs.get("offer")
        assessment_id = conn.execute(
            insert(s.assessments)
            .values(
                case_id=case_id,
                assessed_at=_now(),
                inventory_name=inventory.name if inventory else "",
                inventory_sha256=inventory.sha256 if inventory else "",
                offer_name=offered.name if offered else "",
                offer_sha256=offered.sha256 if offered else "",
                ruleset_name=assessment.ruleset_name,
                ruleset_sha256=assessment.ruleset_sha256,
                verdict=assessment.verdict.value,
                score=assessment.score,
                coverage=assessment.confidence,
                assessment_json=_json(assessment_to_dict(assessment, "en", full=True)),
            )
            .returning(s.assessments.c.id)
        ).scalar_one()
        rows = []
        for no, line in enumerate(offer.lines, start=1):
            details = {
                k: _jsonable(v)
                for k, v in asdict(line).items()
                if k not in ("category", "make", "model", "quantity") and v is not None
            }
            rows.append(
                {
                    "assessment_id": assessment_id,
                    "no": no,
                    "category": line.category,
                    "category_key": ruleset.categories.match(line.category) if ruleset else None,
                    "make": line.make,
                    "model": line.model,
                    "quantity": int(line.quantity),
                    "details_json": _json(details),
                }
            )
        if rows:
            conn.execute(insert(s.offer_lines), rows)
        return int(assessment_id)

    def _add_conditions(
        self, conn: Connection, case_id: int, version: int, assessment: Assessment
    ) -> None:
        """The assessment's conditions the case does not track yet, each pending."""
        known = {
            (r.rule_id, r.line, r.text_en): r.no
            for r in conn.execute(
                select(s.conditions).where(s.conditions.c.case_id == case_id)
            ).all()
        }
        no = max(known.values(), default=0)
        from ..render import renderer

        # The shareable wording (holdings banded, derived shares dropped) is written by the
        # same rendering policy as the shareable report: it is all a reply letter quotes.
        share = {lang: renderer(lang, share=True) for lang in ("en", "fr")}
        full = {lang: renderer(lang) for lang in ("en", "fr")}
        for cond in assessment.conditions:
            key = (cond.rule_id, cond.line, full["en"].message(cond.text))
            if key in known:
                continue
            no += 1
            known[key] = no
            conn.execute(
                insert(s.conditions).values(
                    case_id=case_id,
                    no=no,
                    rule_id=cond.rule_id,
                    line=cond.line,
                    text_en=full["en"].message(cond.text),
                    text_fr=full["fr"].message(cond.text),
                    share_en=share["en"].message(cond.text),
                    share_fr=share["fr"].message(cond.text),
                    mandatory=cond.mandatory,
                )
            )
            conn.execute(
                insert(s.condition_events).values(
                    case_id=case_id,
                    no=no,
                    version=version,
                    status=ConditionStatus.PENDING.value,
                    note="",
                )
            )

    def _change(
        self,
        number: str,
        expected: int | None,
        who: _Who,
        kind: str,
        note: str,
        yours: Mapping[str, Any],
        apply: Any,
    ) -> Case:
        """A new version of the case from `expected` (the current one when None), with the
        fields `apply(conn, case_id, new_version)` returns; refused if the case moved on.
        Without an expected version, a change that loses a race is simply applied again."""
        for _attempt in range(20):
            start = expected
            try:
                with self._write() as conn:
                    row = conn.execute(
                        select(s.cases.c.id, s.cases.c.version).where(s.cases.c.number == number)
                    ).first()
                    if row is None:
                        raise not_found(number)
                    start = row.version if expected is None else expected
                    bumped = conn.execute(
                        update(s.cases)
                        .where(s.cases.c.id == row.id, s.cases.c.version == start)
                        .values(version=start + 1)
                    ).rowcount
                    if bumped != 1:
                        raise _Stale
                    previous = conn.execute(
                        select(s.case_versions).where(
                            s.case_versions.c.case_id == row.id,
                            s.case_versions.c.version == start,
                        )
                    ).one()
                    values = dict(previous._mapping)
                    values.update(apply(conn, row.id, start + 1))
                    values.update(
                        version=start + 1,
                        changed_at=_now(),
                        changed_by=who.officer,
                        organisation=who.organisation,
                        kind=kind,
                        note=note,
                    )
                    conn.execute(insert(s.case_versions).values(**values))
            except _Stale:
                if expected is None:
                    continue
                raise RegisterConflict(number, expected, self.get(number), yours) from None
            return self.get(number)
        raise RegisterConflict(number, start or 0, self.get(number), yours)
