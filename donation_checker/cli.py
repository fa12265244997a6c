"""The `donation-checker` command line: the same core as the desktop application, headless.

Exit codes: 0 done; 2 wrong usage (an output that is an input included); 3 input rejected or
output folder unusable (the message names the file and the place);
1 unexpected internal error (logged, never shown as a traceback unless --debug).
"""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import DonationCheckerError

if TYPE_CHECKING:
    from .importer import ColumnMapping
    from .model import ImportReport, Inventory, Offer
    from .register import Register

# Everything else (the importer, pandas, the report writers, even the domain model) is imported
# by the command that uses it, so `--version` and `--help` start nearly as fast as argparse
# itself (see benchmarks/run.py and tests/core/test_cli_start.py).

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def default_lang() -> str:
    """French when the user's locale is French, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    loc = locale.getlocale()[0] or ""
    return "fr" if loc.lower().startswith("fr") else "en"


# Help texts in both languages: key -> (English, French). They stay here, not in the message
# catalogue: reading them from rules/messages.toml needs tomllib, which costs --help about
# 25 ms (measured), more than the quick start allows.
_HELP: dict[str, tuple[str, str]] = {
    "description": (
        "Check whether an in-kind equipment donation fits the recipient's fleet.",
        "Vérifier qu’un don de matériel convient au parc du bénéficiaire.",
    ),
    "debug": ("show internal tracebacks", "afficher les traces internes"),
    "lang": (
        "language of messages and reports (default: from the locale)",
        "langue des messages et des rapports (par défaut\u00a0: celle du système)",
    ),
    "json": (
        "write the result as JSON ('-' = standard output)",
        "écrire le résultat en JSON («\u00a0-\u00a0» = sortie standard)",
    ),
    "aliases": (
        "extra make/model alias file (TOML)",
        "fichier d’alias de marques et modèles supplémentaire (TOML)",
    ),
    "check-inventory": (
        "import an inventory workbook and print the import report",
        "importer un classeur d’inventaire et afficher le rapport d’import",
    ),
    "normalized": (
        "write the imported fleet rows with canonical column names; other tables go beside it "
        "as OUT.<table>.csv",
        "écrire les lignes du parc importées avec les noms de colonnes canoniques\u00a0; les autres "
        "tableaux sont écrits à côté (OUT.<table>.csv)",
    ),
    "map": (
        "explicit column mapping (see README)",
        "association explicite des colonnes (voir le README)",
    ),
    "strict-mapping": (
        "refuse the file while any column is only proposed (answer with --map)",
        "refuser le fichier tant qu’une colonne n’est que proposée (répondre avec --map)",
    ),
    "check-offer": (
        "import an offer and print its import report",
        "importer une offre et afficher son rapport d’import",
    ),
    "assess": (
        "assess an offer against an inventory",
        "évaluer une offre au regard d’un inventaire",
    ),
    "inventory": ("the recipient’s inventory workbook", "le classeur d’inventaire du bénéficiaire"),
    "offer": ("the donor's offer (workbook or CSV)", "l’offre du donateur (classeur ou CSV)"),
    "rules": (
        "rule set: a TOML file, or the name of one listed by user-files (default: default.toml)",
        "jeu de règles\u00a0: un fichier TOML, ou le nom d’un jeu listé par user-files "
        "(par défaut\u00a0: default.toml)",
    ),
    "pdf": ("write the PDF assessment report", "écrire le rapport d’évaluation en PDF"),
    "xlsx": ("write the assessment as an Excel workbook", "écrire l’évaluation en classeur Excel"),
    "full_evidence": (
        "--json lists every finding of every line with its evidence and inventory rows "
        "(by default, findings alike on several lines appear once, without the rows)",
        "--json détaille chaque constat de chaque ligne avec ses éléments et les lignes de "
        "l’inventaire (par défaut, les constats identiques sur plusieurs lignes n’apparaissent "
        "qu’une fois, sans les lignes)",
    ),
    "currency": (
        "how currencies are written: ISO codes (XOF, EUR; the default) or local names where "
        "the message catalogue has one (FCFA)",
        "écriture des devises\u00a0: codes ISO (XOF, EUR\u00a0; par défaut) ou noms usuels quand le "
        "catalogue des messages en donne un (FCFA)",
    ),
    "share": (
        "shareable version of the PDF, Excel and JSON outputs: the recipient's holdings, "
        "budget and personnel only as bands, no locations or units",
        "version partageable du PDF, de l’Excel et du JSON\u00a0: moyens du bénéficiaire, budget et "
        "personnel seulement par tranches, sans implantations ni unités",
    ),
    "marking": (
        "protective marking line on every page",
        "mention de protection sur chaque page",
    ),
    "author": ("author named on the report", "rédacteur nommé sur le rapport"),
    "organisation": ("organisation named on the report", "organisme nommé sur le rapport"),
    "horizon": (
        "life-cycle cost horizon in years",
        "horizon du coût sur le cycle de vie, en années",
    ),
    "user-files": (
        "show your own folder of rule sets, vocabulary, aliases and messages, and what is used",
        "montrer votre dossier de règles, vocabulaire, alias et messages, et ce qui est utilisé",
    ),
    "record": (
        "record the assessment in the register (a new case, or a new version of --case)",
        "enregistrer l’évaluation au registre (nouveau dossier, ou nouvelle version de --case)",
    ),
    "case": (
        "the register case this offer re-assesses (DC-2026-0042)",
        "le dossier du registre que cette offre réévalue (DC-2026-0042)",
    ),
    "register_url": (
        "the register: a SQLite file or a postgresql:// address without password "
        "(default: $DONATION_CHECKER_REGISTER, else the file in your data folder)",
        "le registre\u00a0: un fichier SQLite ou une adresse postgresql:// sans mot de passe "
        "(par défaut\u00a0: $DONATION_CHECKER_REGISTER, sinon le fichier de votre dossier de données)",
    ),
    "register": (
        "the register of offers: list, show, decide, follow up, portfolio, letter, export",
        "le registre des offres\u00a0: lister, afficher, décider, suivre, portefeuille, lettre, exporter",
    ),
    "officer": ("officer recording the change", "officier qui enregistre la modification"),
    "expected_version": (
        "the version you opened: refused if someone saved the case since",
        "la version que vous avez ouverte\u00a0: refusé si quelqu’un a enregistré le dossier depuis",
    ),
}


def _help_lang(argv: Sequence[str] | None) -> str:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in args and args.index("--lang") + 1 < len(args):
        return "fr" if args[args.index("--lang") + 1] == "fr" else "en"
    return default_lang()


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    def h(key: str) -> str:
        en, fr = _HELP[key]
        return fr if lang == "fr" else en

    parser = argparse.ArgumentParser(prog="donation-checker", description=h("description"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help=h("debug"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("en", "fr"), default=None, help=h("lang"))
    common.add_argument("--json", metavar="PATH|-", help=h("json"))
    common.add_argument("--aliases", metavar="FILE", help=h("aliases"))

    inv = sub.add_parser("check-inventory", parents=[common], help=h("check-inventory"))
    inv.add_argument("file", metavar="FILE")
    inv.add_argument("--normalized", metavar="OUT.csv", help=h("normalized"))
    inv.add_argument("--map", metavar="MAP.toml", help=h("map"))
    inv.add_argument("--strict-mapping", action="store_true", help=h("strict-mapping"))

    off = sub.add_parser("check-offer", parents=[common], help=h("check-offer"))
    off.add_argument("file", metavar="FILE")
    off.add_argument("--map", metavar="MAP.toml", help=h("map"))
    off.add_argument("--strict-mapping", action="store_true", help=h("strict-mapping"))

    ass = sub.add_parser("assess", parents=[common], help=h("assess"))
    ass.add_argument("--inventory", required=True, metavar="FILE", help=h("inventory"))
    ass.add_argument("--offer", required=True, metavar="FILE", help=h("offer"))
    ass.add_argument("--rules", metavar="FILE", help=h("rules"))
    ass.add_argument("--pdf", metavar="OUT.pdf", help=h("pdf"))
    ass.add_argument("--xlsx", metavar="OUT.xlsx", help=h("xlsx"))
    ass.add_argument("--share", action="store_true", help=h("share"))
    ass.add_argument("--currency", choices=("code", "local"), default="code", help=h("currency"))
    ass.add_argument("--full-evidence", action="store_true", help=h("full_evidence"))
    ass.add_argument("--marking", default="", help=h("marking"))
    ass.add_argument("--author", default="", help=h("author"))
    ass.add_argument("--organisation", default="", help=h("organisation"))
    ass.add_argument("--horizon", type=int, metavar="YEARS", help=h("horizon"))
    ass.add_argument("--map", metavar="MAP.toml", help=h("map"))
    ass.add_argument("--strict-mapping", action="store_true", help=h("strict-mapping"))
    sub.add_parser("user-files", parents=[common], help=h("user-files"))
    ass.add_argument("--record", action="store_true", help=h("record"))
    ass.add_argument("--case", metavar="NUMBER", help=h("case"))
    ass.add_argument("--register", metavar="URL|FILE", help=h("register_url"))

    from .register_cli import add_register_parser

    add_register_parser(sub, common, h, lang)
    return parser


def _load_mapping(path: str | None) -> ColumnMapping | None:
    if not path:
        return None
    import tomllib
    from pathlib import Path

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DonationCheckerError(
            f"{path}: cannot read the column mapping ({exc}).",
            f"{path} : impossible de lire l'association de colonnes ({exc}).",
            reason="bad_mapping",
        ) from exc
    return {
        str(t): {str(f): str(c) for f, c in fields.items()}
        for t, fields in data.items()
        if isinstance(fields, dict)
    }


def emit_json(target: str | None, payload: dict[str, Any]) -> None:
    if not target:
        return
    import json

    from .atomic import write_text_atomic

    # The brief form of a long offer stays small: no indentation.
    indent = None if payload.get("detail") == "brief" else 2
    text = json.dumps(payload, ensure_ascii=False, indent=indent, default=str)
    if target == "-":
        sys.stdout.write(text + "\n")
    else:
        writing(target, lambda: write_text_atomic(target, text + "\n"))


def say(args: argparse.Namespace, text: str) -> None:
    # With --json - the JSON owns stdout; human text goes to stderr so pipes stay clean.
    stream = sys.stderr if args.json == "-" else sys.stdout
    print(text, file=stream)


def read_inventory(args: argparse.Namespace, path: str) -> Inventory:
    from .importer import import_inventory, load_model_names

    names = load_model_names(args.aliases)
    inventory = import_inventory(
        path, mapping=_load_mapping(getattr(args, "map", None)), names=names
    )
    _check_strict(args, inventory.report)
    return inventory


def _read_offer(args: argparse.Namespace, path: str) -> Offer:
    from .importer import import_offer, load_model_names

    names = load_model_names(args.aliases)
    offer = import_offer(path, mapping=_load_mapping(getattr(args, "map", None)), names=names)
    if offer.report is not None:
        _check_strict(args, offer.report)
    return offer


def _check_strict(args: argparse.Namespace, report: ImportReport) -> None:
    """With --strict-mapping, a column only proposed is an unanswered question: refuse."""
    questions = report.proposals
    if not getattr(args, "strict_mapping", False) or not questions:
        return
    from .errors import InputRejected
    from .importer.questions import describe_proposal
    from .model import Place

    en = "\n".join(f"  ? {describe_proposal(p, 'en')}" for p in questions)
    fr = "\n".join(f"  ? {describe_proposal(p, 'fr')}" for p in questions)
    raise InputRejected(
        f"{len(questions)} column(s) are only proposed and --strict-mapping is set:\n{en}\n",
        f"{len(questions)} colonne(s) seulement proposée(s) et --strict-mapping est demandé :"
        f"\n{fr}\n",
        hint="Confirm or correct each one in a mapping file (--map MAP.toml).",
        hint_fr="Confirmez ou corrigez chacune dans un fichier d’association (--map MAP.toml).",
        place=Place(report.file),
        reason="unconfirmed_columns",
    )


_SIDE_TABLES = ("maintenance", "spare_parts", "budget", "personnel", "pledges")


def _inputs(
    args: argparse.Namespace, *files: tuple[str, str | None]
) -> list[tuple[str, str | None]]:
    return [*files, ("--map", getattr(args, "map", None)), ("--aliases", args.aliases)]


def writing(path: str, action: Any) -> None:
    """Run a write; a failure of the disk or the folder names the file, never 'internal'."""
    from .outputs import OutputUnusable

    try:
        action()
    except OSError as exc:
        raise OutputUnusable(
            f"{path} could not be written ({exc.strerror or exc}).",
            f"{path} n’a pas pu être écrit ({exc.strerror or exc}).",
            hint="Check the folder, the free space, and that the file is not open elsewhere.",
            hint_fr="Vérifiez le dossier, l’espace libre, et que le fichier n’est pas ouvert "
            "ailleurs.",
            reason="output_failed",
        ) from exc


# The commands that read workbooks, and the arguments naming them.
_READS = {"check-inventory": ("file",), "check-offer": ("file",), "assess": ("inventory", "offer")}


def _start_reading(*paths: str | None) -> None:
    """The workbooks' parse starts in the reader's process while this one loads the importer
    (pandas and the rest): a large inventory is read in the time the two take side by side."""
    from .importer import start_reading

    start_reading(*(p for p in paths if p))


def cmd_check_inventory(args: argparse.Namespace) -> int:
    from .outputs import check_outputs, side_files

    outputs: list[tuple[str, str | None]] = [("--json", args.json)]
    if args.normalized:
        outputs.append(("--normalized", args.normalized))
        outputs += [("--normalized", str(p)) for p in side_files(args.normalized, _SIDE_TABLES)]
    check_outputs(_inputs(args, ("FILE", args.file)), outputs)
    from .report_json import format_import_report, import_report_to_dict

    inventory = read_inventory(args, args.file)
    say(args, format_import_report(inventory.report, args.lang))
    emit_json(args.json, import_report_to_dict(inventory.report, args.lang))
    if args.normalized:
        from pathlib import Path

        from .csv_export import write_table_csv

        target = Path(args.normalized)
        writing(str(target), lambda: write_table_csv(inventory.fleet, target))
        written = [str(target)]
        for name, side in zip(_SIDE_TABLES, side_files(target, _SIDE_TABLES), strict=True):
            table = inventory.table(name)
            if table is not None:
                writing(str(side), lambda t=table, p=side: write_table_csv(t, p))
                written.append(str(side))
        from .render import renderer

        line = renderer(args.lang).word("labels.cli.normalised_written", files=", ".join(written))
        say(args, line)
    return EXIT_OK


def cmd_check_offer(args: argparse.Namespace) -> int:
    from .outputs import check_outputs

    check_outputs(_inputs(args, ("FILE", args.file)), [("--json", args.json)])
    from .render import renderer
    from .report_json import format_import_report, import_report_to_dict

    offer = _read_offer(args, args.file)
    assert offer.report is not None
    say(args, format_import_report(offer.report, args.lang))
    h = offer.header
    r = renderer(args.lang)
    not_stated = r.word("general.not_stated")
    summary = r.word(
        "labels.cli.offer_summary",
        donor=h.donor or not_stated,
        reference=h.reference or not_stated,
        lines=str(len(offer.lines)),
        units=str(sum(line.quantity for line in offer.lines)),
    )
    say(args, "\n" + summary)
    payload = import_report_to_dict(offer.report, args.lang)
    payload["header"] = {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in vars(h).items()
    }
    payload["lines"] = [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(line).items()}
        for line in offer.lines
    ]
    emit_json(args.json, payload)
    return EXIT_OK


def _named_ruleset(value: str | None) -> str | None:
    """--rules NAME picks a rule set listed by user-files (shipped or the user's) by its file
    name, with or without .toml; anything else is a path."""
    from pathlib import Path

    if not value or Path(value).exists() or Path(value).name != value:
        return value
    from .ruleset import available_rulesets

    for option in available_rulesets():
        if value in (option.path.name, option.path.stem):
            return str(option.path)
    return value


def cmd_assess(args: argparse.Namespace) -> int:
    from .outputs import check_outputs

    args.rules = _named_ruleset(args.rules)

    check_outputs(
        _inputs(
            args,
            ("--inventory", args.inventory),
            ("--offer", args.offer),
            ("--rules", args.rules),
        ),
        [("--pdf", args.pdf), ("--xlsx", args.xlsx), ("--json", args.json)],
    )
    register = None
    if args.record or args.register or args.case:
        from .register_cli import open_register

        register = open_register(args)
    try:
        return _assess(args, register)
    finally:
        if register is not None:
            register.close()


def _assess(args: argparse.Namespace, register: Register | None) -> int:
    from .pipeline import run_assessment

    result = run_assessment(
        inventory_path=args.inventory,
        offer_path=args.offer,
        rules_path=args.rules,
        mapping=_load_mapping(args.map),
        aliases=args.aliases,
        horizon_years=args.horizon,
        pledged=register.pledges(excluding=args.case) if register is not None else (),
    )
    _check_strict(args, result.inventory.report)
    if result.offer.report is not None:
        _check_strict(args, result.offer.report)
    from .importer.questions import describe_proposal
    from .serialize import assessment_to_dict
    from .summary import format_assessment

    # Files first, terminal last: a closed pipe (| head) must not cost the report.
    written: list[str] = []
    if args.pdf:
        from .report import build_pdf

        writing(
            args.pdf,
            lambda: build_pdf(
                result.assessment,
                args.pdf,
                lang=args.lang,
                share=args.share,
                currency=args.currency,
                marking=args.marking,
                author=args.author,
                organisation=args.organisation,
            ),
        )
        written.append(f"PDF: {args.pdf}")
    if args.xlsx:
        from .report import export_xlsx

        writing(
            args.xlsx,
            lambda: export_xlsx(
                result.assessment,
                args.xlsx,
                lang=args.lang,
                share=args.share,
                currency=args.currency,
            ),
        )
        written.append(f"Excel: {args.xlsx}")
    payload = assessment_to_dict(
        result.assessment,
        args.lang,
        args.full_evidence,
        share=args.share,
        currency=args.currency,
    )
    if args.record and register is not None:
        from .register_cli import record_assessment

        case = record_assessment(args, register, result)
        payload["register"] = {"case": case.number, "version": case.version}
        from .render import renderer

        written.append(
            renderer(args.lang).word(
                "labels.cli.recorded", case=case.number, version=str(case.version)
            )
        )
    if args.json and args.json != "-":
        emit_json(args.json, payload)
    say(args, format_assessment(result.assessment, args.lang, currency=args.currency))
    for report in (result.inventory.report, result.offer.report):
        for question in report.proposals if report is not None else ():
            say(args, f"? {describe_proposal(question, args.lang)}")
    if args.json == "-":
        emit_json("-", payload)
    for line in written:
        say(args, line)
    return EXIT_OK


def cmd_user_files(args: argparse.Namespace) -> int:
    from .render import renderer
    from .ruleset import available_rulesets, default_ruleset_file
    from .user_data import user_files_in_use
    from .user_files import user_config_dir

    r = renderer(args.lang)
    say(args, r.word("labels.cli.your_folder", folder=str(user_config_dir())))
    for _, used in user_files_in_use():
        say(args, f"  {r.word('labels.cli.used', path=str(used.path))}  SHA-256 {used.sha256[:12]}")
    default = default_ruleset_file().path
    for ruleset in available_rulesets():
        key = "labels.cli.rules_yours" if ruleset.user else "labels.cli.rules_shipped"
        mark = " *" if ruleset.path == default else ""
        say(args, f"  {r.word(key, path=str(ruleset.path))}{mark}")
    say(args, f"  * {r.word('labels.cli.default_ruleset')}")
    return EXIT_OK


def _warn_ignored_user_files(lang: str) -> None:
    """A file of the user's folder that cannot be used is named on stderr; the run goes on with
    the shipped data."""
    from .user_data import ignored_user_files

    problems = ignored_user_files()
    if problems:
        from .render import renderer

        for problem in problems:
            line = renderer(lang).word("labels.cli.file_ignored", problem=problem.describe(lang))
            print(line, file=sys.stderr)


def cmd_register(args: argparse.Namespace) -> int:
    from .register_cli import run_register

    return run_register(args)


COMMANDS = {
    "check-inventory": cmd_check_inventory,
    "check-offer": cmd_check_offer,
    "assess": cmd_assess,
    "user-files": cmd_user_files,
    "register": cmd_register,
}


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        print(f"donation-checker {__version__}")  # before the parser: the quickest answer
        return EXIT_OK
    parser = build_parser(_help_lang(argv))
    args = parser.parse_args(argv)
    if getattr(args, "lang", None) is None:
        args.lang = default_lang()
    try:
        # First thing: the workbooks' parse runs meanwhile (the user-folder check below already
        # loads the importer's modules).
        _start_reading(*(getattr(args, name, None) for name in _READS.get(args.command, ())))
        _warn_ignored_user_files(args.lang)
        return COMMANDS[args.command](args)
    except DonationCheckerError as exc:
        from .outputs import UsageError
        from .render import renderer

        problem = exc.describe(args.lang, command_line=True)
        print(renderer(args.lang).word("labels.cli.error", problem=problem), file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INTERNAL
    except Exception as exc:  # the last line of defence: no traceback in front of a user
        # (its words stay here: it must not depend on reading the catalogue)
        if args.debug:
            raise
        log = _log_crash()
        if args.lang == "fr":
            print(
                f"Erreur interne ({type(exc).__name__}: {exc}). Détails\u00a0: {log}",
                file=sys.stderr,
            )
        else:
            print(f"Internal error ({type(exc).__name__}: {exc}). Details: {log}", file=sys.stderr)
        return EXIT_INTERNAL


def _log_crash() -> str:
    import logging

    from .logs import setup_logging

    try:
        path = setup_logging()
        logging.getLogger("donation_checker.cli").exception("internal error")
    except OSError:
        return "(log unavailable)"
    return str(path)


if __name__ == "__main__":
    sys.exit(main())
