"""`donation-checker register …` and `assess --record`: the register from the command line.

Loaded while the parser is built, so it imports nothing heavy at module level: the register
(and SQLAlchemy) load only when a register command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .cli import EXIT_OK, emit_json, say, writing
from .errors import DonationCheckerError

if TYPE_CHECKING:
    import datetime as dt

    from .pipeline import AssessmentRun
    from .register import Case, Register

DECISIONS = ("accepted", "accepted_with_conditions", "redirected", "declined", "withdrawn")
CONDITION_STATES = ("pending", "met", "waived", "failed")
STATUSES = ("pending", *DECISIONS, "delivered")

_HELP: dict[str, tuple[str, str]] = {
    "list": ("list the cases, newest first", "lister les dossiers, les plus récents d’abord"),
    "show": (
        "show a case with its conditions and history",
        "afficher un dossier, ses conditions et son historique",
    ),
    "decide": ("record the decision on an offer", "enregistrer la décision sur une offre"),
    "deliver": (
        "record that an accepted offer was delivered",
        "enregistrer la livraison d’une offre acceptée",
    ),
    "condition": ("follow a condition up", "suivre une condition"),
    "follow-up": (
        "overdue conditions and offers accepted but not delivered",
        "conditions en retard et offres acceptées non livrées",
    ),
    "portfolio": (
        "all offers still to come, from every donor, against the recipient's capacity",
        "toutes les offres à venir, tous donateurs, face à la capacité du bénéficiaire",
    ),
    "letter": (
        "write the reply letter to the donor (PDF or .docx)",
        "écrire la lettre de réponse au donateur (PDF ou .docx)",
    ),
    "export": (
        "export the list to Excel (.xlsx) or CSV",
        "exporter la liste en Excel (.xlsx) ou CSV",
    ),
    "date": ("date (YYYY-MM-DD; default: today)", "date (AAAA-MM-JJ ; par défaut : aujourd’hui)"),
    "note": ("a note kept in the case's history", "une note gardée dans l’historique du dossier"),
    "reply_ref": (
        "reference of the reply sent to the donor",
        "référence de la réponse envoyée au donateur",
    ),
    "due": (
        "date by which the condition is to be met",
        "date à laquelle la condition doit être remplie",
    ),
    "file": (
        "supporting file: its SHA-256 is recorded",
        "pièce justificative : son SHA-256 est enregistré",
    ),
}


def _today() -> dt.date:
    import datetime

    return datetime.date.today()


def _date(text: str) -> dt.date:
    try:
        import datetime

        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: YYYY-MM-DD") from exc


def add_register_parser(
    sub: Any, common: argparse.ArgumentParser, h: Callable[[str], str], lang: str
) -> None:
    def hh(key: str) -> str:
        en, fr = _HELP[key]
        return fr if lang == "fr" else en

    base = argparse.ArgumentParser(add_help=False, parents=[common])
    base.add_argument("--register", metavar="URL|FILE", help=h("register_url"))
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--officer", default="", help=h("officer"))
    who.add_argument("--organisation", default="", help=h("organisation"))
    who.add_argument("--note", default="", help=hh("note"))
    who.add_argument("--expected-version", type=int, metavar="N", help=h("expected_version"))

    reg = sub.add_parser("register", help=h("register"))
    cmds = reg.add_subparsers(dest="register_command", required=True, metavar="ACTION")

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--donor")
    filters.add_argument("--category")
    filters.add_argument("--verdict", choices=("accept", "conditional", "redirect", "decline"))
    filters.add_argument("--status", choices=STATUSES)
    filters.add_argument("--year", type=int)

    ls = cmds.add_parser("list", parents=[base, filters], help=hh("list"))
    ls.add_argument("--offset", type=int, default=0)
    ls.add_argument("--limit", type=int, default=50)

    show = cmds.add_parser("show", parents=[base], help=hh("show"))
    show.add_argument("number", metavar="NUMBER")

    decide = cmds.add_parser("decide", parents=[base, who], help=hh("decide"))
    decide.add_argument("number", metavar="NUMBER")
    decide.add_argument("decision", choices=DECISIONS)
    decide.add_argument("--date", type=_date, help=hh("date"))
    decide.add_argument("--reply-ref", default=None, metavar="REF", help=hh("reply_ref"))

    deliver = cmds.add_parser("deliver", parents=[base, who], help=hh("deliver"))
    deliver.add_argument("number", metavar="NUMBER")
    deliver.add_argument("--date", type=_date, help=hh("date"))

    cond = cmds.add_parser("condition", parents=[base, who], help=hh("condition"))
    cond.add_argument("number", metavar="NUMBER")
    cond.add_argument("no", type=int, metavar="N")
    cond.add_argument("status", nargs="?", choices=CONDITION_STATES)
    cond.add_argument("--date", type=_date, help=hh("date"))
    cond.add_argument("--due", type=_date, help=hh("due"))
    cond.add_argument("--file", metavar="FILE", help=hh("file"))

    follow = cmds.add_parser("follow-up", parents=[base], help=hh("follow-up"))
    follow.add_argument("--today", type=_date)

    port = cmds.add_parser("portfolio", parents=[base], help=hh("portfolio"))
    port.add_argument("--inventory", required=True, metavar="FILE", help=h("inventory"))
    port.add_argument("--rules", metavar="FILE", help=h("rules"))
    port.add_argument("--horizon", type=int, metavar="YEARS", help=h("horizon"))
    port.add_argument("--as-of", type=_date)
    port.add_argument("--currency", choices=("code", "local"), default="code", help=h("currency"))

    letter = cmds.add_parser("letter", parents=[base], help=hh("letter"))
    letter.add_argument("number", metavar="NUMBER")
    letter.add_argument("--pdf", metavar="OUT.pdf")
    letter.add_argument("--docx", metavar="OUT.docx")
    letter.add_argument("--author", default="", help=h("author"))
    letter.add_argument("--organisation", default="", help=h("organisation"))

    export = cmds.add_parser("export", parents=[base, filters], help=hh("export"))
    export.add_argument("out", metavar="OUT.xlsx|OUT.csv")


def open_register(args: argparse.Namespace) -> Register:
    from .register import Register

    return Register.open(getattr(args, "register", None))


def _officer(args: argparse.Namespace) -> str:
    chosen = getattr(args, "officer", "") or getattr(args, "author", "")
    if chosen:
        return str(chosen)
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def record_assessment(args: argparse.Namespace, register: Register, run: AssessmentRun) -> Case:
    return register.record(
        run.assessment,
        run.offer,
        officer=_officer(args),
        organisation=args.organisation,
        ruleset=run.ruleset,
        case_number=args.case,
    )


def _payload(obj: Any) -> dict[str, Any]:
    from dataclasses import asdict

    data: dict[str, Any] = asdict(obj)
    return data


def run_register(args: argparse.Namespace) -> int:
    action = args.register_command
    if action == "letter" and not (args.pdf or args.docx):
        raise _usage(
            "register letter needs --pdf OUT.pdf or --docx OUT.docx.",
            "register letter demande --pdf SORTIE.pdf ou --docx SORTIE.docx.",
        )
    with open_register(args) as register:
        return _ACTIONS[action](args, register)


def _usage(en: str, fr: str) -> DonationCheckerError:
    from .outputs import UsageError

    return UsageError(en, fr, reason="usage")


def _filters(args: argparse.Namespace) -> Any:
    from .register import CaseFilter, CaseStatus

    return CaseFilter(
        donor=args.donor,
        category=args.category,
        verdict=args.verdict,
        status=CaseStatus(args.status) if args.status else None,
        year=args.year,
    )


def _list(args: argparse.Namespace, register: Register) -> int:
    from .register.texts import format_page

    page = register.list_cases(_filters(args), args.offset, args.limit)
    say(args, format_page(page, args.lang))
    emit_json(args.json, _payload(page))
    return EXIT_OK


def _show(args: argparse.Namespace, register: Register) -> int:
    from .register.texts import format_case

    case = register.get(args.number)
    say(args, format_case(case, args.lang))
    emit_json(args.json, _payload(case))
    return EXIT_OK


def _changed(args: argparse.Namespace, case: Case) -> int:
    from .register.texts import format_case

    say(args, format_case(case, args.lang))
    emit_json(args.json, _payload(case))
    return EXIT_OK


def _decide(args: argparse.Namespace, register: Register) -> int:
    from .register import Decision

    case = register.decide(
        args.number,
        Decision(args.decision),
        on=args.date or _today(),
        reply_reference=args.reply_ref,
        officer=_officer(args),
        organisation=args.organisation,
        expected_version=args.expected_version,
        note=args.note,
    )
    return _changed(args, case)


def _deliver(args: argparse.Namespace, register: Register) -> int:
    case = register.deliver(
        args.number,
        on=args.date or _today(),
        officer=_officer(args),
        organisation=args.organisation,
        expected_version=args.expected_version,
        note=args.note,
    )
    return _changed(args, case)


def _condition(args: argparse.Namespace, register: Register) -> int:
    from .register import ConditionStatus

    digest = None
    if args.file:
        import hashlib
        from pathlib import Path

        try:
            digest = hashlib.sha256(Path(args.file).read_bytes()).hexdigest()
        except OSError as exc:
            from .errors import InputRejected

            raise InputRejected(
                f"{args.file} cannot be read ({exc.strerror or exc}).",
                f"{args.file} ne peut pas être lu ({exc.strerror or exc}).",
                reason="unreadable",
            ) from exc
    status = ConditionStatus(args.status) if args.status else None
    on = args.date or (_today() if status not in (None, ConditionStatus.PENDING) else None)
    case = register.update_condition(
        args.number,
        args.no,
        status=status,
        on=on,
        due=args.due,
        note=args.note,
        file_sha256=digest,
        officer=_officer(args),
        organisation=args.organisation,
        expected_version=args.expected_version,
    )
    return _changed(args, case)


def _follow_up(args: argparse.Namespace, register: Register) -> int:
    from dataclasses import asdict

    from .register.texts import format_follow_up

    overdue = register.overdue_conditions(args.today)
    undelivered = register.undelivered()
    say(args, format_follow_up(overdue, undelivered, args.lang))
    emit_json(
        args.json,
        {
            "overdue_conditions": [asdict(o) for o in overdue],
            "accepted_not_delivered": [asdict(c) for c in undelivered],
        },
    )
    return EXIT_OK


def _portfolio(args: argparse.Namespace, register: Register) -> int:
    from .cli import read_inventory
    from .importer import load_model_names
    from .register.portfolio import assess_portfolio
    from .register.texts import format_portfolio
    from .ruleset import load_ruleset

    offers = register.open_offers()
    names = load_model_names(args.aliases)
    ruleset = load_ruleset(args.rules)
    portfolio = assess_portfolio(
        read_inventory(args, args.inventory),
        ruleset,
        offers,
        names=names,
        horizon_years=args.horizon,
        as_of=args.as_of,
    )
    say(args, format_portfolio(portfolio, args.lang, ruleset.categories, currency=args.currency))
    emit_json(args.json, _payload(portfolio))
    return EXIT_OK


def _letter(args: argparse.Namespace, register: Register) -> int:
    from .register.letter import write_docx, write_pdf

    case = register.get(args.number)
    written = []
    if args.pdf:
        writing(
            args.pdf, lambda: write_pdf(case, args.pdf, args.lang, args.author, args.organisation)
        )
        written.append(f"PDF: {args.pdf}")
    if args.docx:
        writing(
            args.docx,
            lambda: write_docx(case, args.docx, args.lang, args.author, args.organisation),
        )
        written.append(f"Word: {args.docx}")
    for line in written:
        say(args, line)
    emit_json(args.json, {"case": case.number, "written": [args.pdf, args.docx]})
    return EXIT_OK


def _export(args: argparse.Namespace, register: Register) -> int:
    from .register.export import export_cases

    out = str(args.out)
    if not out.lower().endswith((".csv", ".xlsx")):
        raise _usage(
            f"{out}: the export is a .csv or .xlsx file.",
            f"{out} : l’export est un fichier .csv ou .xlsx.",
        )
    page = register.list_cases(_filters(args), 0, 10_000_000)
    writing(out, lambda: export_cases(page.items, out, args.lang))
    say(args, f"{len(page.items)} → {out}")
    emit_json(args.json, {"cases": len(page.items), "written": out})
    return EXIT_OK


_ACTIONS: dict[str, Callable[[argparse.Namespace, Register], int]] = {
    "list": _list,
    "show": _show,
    "decide": _decide,
    "deliver": _deliver,
    "condition": _condition,
    "follow-up": _follow_up,
    "portfolio": _portfolio,
    "letter": _letter,
    "export": _export,
}
