"""The register's speed: a portfolio of pending offers against one of them, and concurrent
writers on a PostgreSQL server.

    python benchmarks/register_bench.py                  # 100,000 rows, 50 offers, 20 × 1,000
    python benchmarks/register_bench.py --smoke          # small sizes, no results file

Writes its table between the register markers of benchmarks/RESULTS.md (other rows untouched).
The PostgreSQL server is a throw-away one started in a temporary folder (Debian's binaries).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

BEGIN, END = "<!-- register:begin -->", "<!-- register:end -->"


def _tiny(k: int, i: int):  # type: ignore[no-untyped-def]
    from tests.hand_made import hand_made

    return hand_made(f"Donor {k}", f"B-{k}-{i}", conditions=1)


def portfolio(rows: int, offers: int, lines: int) -> dict[str, float]:
    import datagen

    from donation_checker.engine import assess
    from donation_checker.importer import import_inventory, import_offer
    from donation_checker.model import Offer, OfferHeader
    from donation_checker.register import Register
    from donation_checker.register.portfolio import assess_portfolio
    from donation_checker.ruleset import load_ruleset

    inv_path, offer_path = datagen.inventory_path(rows), datagen.offer_path(lines)
    if not inv_path.exists():
        datagen.write_inventory(rows)
    if not offer_path.exists():
        datagen.write_offer(lines)
    inventory, offer, rules = import_inventory(inv_path), import_offer(offer_path), load_ruleset()
    t0 = time.perf_counter()
    one = assess(inventory, offer, rules)
    single = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as folder, Register.open(str(Path(folder) / "r.db")) as reg:
        for k in range(offers):
            header = OfferHeader(donor=f"Donor {k}", reference=f"P-{k}", date=dt.date(2026, 5, 4))
            reg.record(one, Offer(header, offer.lines), officer="bench", ruleset=rules)
        pending = reg.open_offers()
        t0 = time.perf_counter()
        result = assess_portfolio(inventory, rules, pending)
        together = time.perf_counter() - t0
    return {
        "single": single,
        "portfolio": together,
        "clashes": len(result.clashes),
        "lines": offers * lines,
    }


def writers(count: int, cases: int) -> dict[str, float]:
    from donation_checker.register import ConditionStatus, Register, RegisterConflict
    from tests.core.pg_server import binaries, new_database, running_server

    if binaries() is None:
        return {}
    with running_server() as server:
        address = new_database(server, "bench")
        with Register.open(address) as first:
            shared = first.record(*_tiny(0, 0), officer="setup").number
        numbers: list[str] = []
        outcomes: Counter[str] = Counter()
        lock = threading.Lock()

        def work(k: int) -> None:
            mine_numbers = []
            with Register.open(address) as mine:
                for i in range(cases):
                    mine_numbers.append(mine.record(*_tiny(k, i), officer=f"W{k}").number)
                    if i % 50 == 0:  # now and then, a follow-up of the one shared case
                        opened = mine.get(shared).version
                        try:
                            mine.update_condition(
                                shared,
                                1,
                                status=ConditionStatus.PENDING,
                                note=f"W{k}-{i}",
                                officer=f"W{k}",
                                expected_version=opened,
                            )
                            result = "saved"
                        except RegisterConflict:
                            result = "conflict"
                        with lock:
                            outcomes[result] += 1
            with lock:
                numbers.extend(mine_numbers)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(count)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - t0
        with Register.open(address) as check:
            final = check.get(shared).version
    return {
        "seconds": seconds,
        "cases": len(numbers),
        "distinct": len(set(numbers)),
        "per_second": len(numbers) / seconds,
        "lost": (1 + outcomes["saved"]) - final,
        "saved": outcomes["saved"],
        "conflicts": outcomes["conflict"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=50)
    parser.add_argument("--lines", type=int, default=10)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument(
        "--no-writers", action="store_true", help="keep the writers' row of the last full run"
    )
    args = parser.parse_args()
    if args.smoke:
        args.rows, args.offers, args.writers, args.cases = 1_000, 5, 3, 20
    p = portfolio(args.rows, args.offers, args.lines)
    w = {} if args.no_writers else writers(args.writers, args.cases)
    ratio = p["portfolio"] / p["single"]
    rows = [
        "| measure | size | seconds | target | met |",
        "|---|---|---|---|---|",
        f"| assess one {args.lines}-line offer | {args.rows:,} rows | {p['single']:.2f} | — | — |",
        f"| portfolio of {args.offers} pending offers ({p['lines']:,.0f} lines, pairs checked) "
        f"| {args.rows:,} rows | {p['portfolio']:.2f} | ≤ 3× one offer: {ratio:.2f}× "
        f"| {'yes' if ratio <= 3 else '**no**'} |",
    ]
    if w:
        ok = w["distinct"] == w["cases"] and w["lost"] == 0
        rows.append(
            f"| {args.writers} concurrent PostgreSQL writers × {args.cases:,} cases "
            f"| {w['cases']:,.0f} cases | {w['seconds']:.1f} "
            f"| no duplicate number, no lost update: {w['per_second']:.0f} cases/s "
            f"({w['saved']:.0f} follow-ups saved, {w['conflicts']:.0f} refused as stale) "
            f"| {'yes' if ok else '**no**'} |"
        )
    results = HERE / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    if args.no_writers and BEGIN in text:
        kept = text[text.index(BEGIN) : text.index(END)]
        rows += [line for line in kept.splitlines() if "concurrent PostgreSQL writers" in line]
    table = "\n".join(rows)
    print(table)
    if not args.smoke:
        block = f"{BEGIN}\n## The register\n\n{table}\n{END}"
        if BEGIN in text and END in text:
            text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        results.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
