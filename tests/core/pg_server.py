"""A throw-away PostgreSQL server for the register tests: Debian's binaries, a data folder and a
unix socket in a temporary folder, no TCP port. PostgreSQL refuses to run as root, so as root
the server runs as the `postgres` account (created by Debian's package)."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder with initdb and pg_ctl, or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        path = Path(folder)
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    return None


def _as_server_user(argv: list[str]) -> tuple[list[str], int | None, int | None]:
    if os.geteuid() != 0:
        return argv, None, None
    account = pwd.getpwnam("postgres")
    runner = shutil.which("setpriv")
    if runner:
        return (
            [
                runner,
                f"--reuid={account.pw_uid}",
                f"--regid={account.pw_gid}",
                "--clear-groups",
                *argv,
            ],
            account.pw_uid,
            account.pw_gid,
        )
    return ["runuser", "-u", "postgres", "--", *argv], account.pw_uid, account.pw_gid


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """Start a server; yield the address of its `postgres` database; stop and remove it."""
    bin_dir = binaries()
    assert bin_dir is not None
    root = Path(tempfile.mkdtemp(prefix="dc-pg-"))
    data, sock, logs = root / "data", root / "sock", root / "log"
    for folder in (data, sock, logs):
        folder.mkdir()
    _, uid, gid = _as_server_user([])
    if uid is not None and gid is not None:
        os.chmod(root, 0o711)
        for folder in (data, sock, logs):
            os.chown(folder, uid, gid)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    for var in ("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGPASSFILE"):
        env.pop(var, None)

    def run(*argv: str) -> None:
        cmd, _, _ = _as_server_user(list(argv))
        subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=120)

    started = False
    try:
        run(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )
        options = (
            f"-k {sock} -c listen_addresses='' -F -c full_page_writes=off -c max_connections=60"
        )
        log = str(logs / "server.log")
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", log, "-w", "start")
        started = True
        yield f"postgresql://postgres@/postgres?host={sock}"
    finally:
        if started:
            with contextlib.suppress(subprocess.SubprocessError):
                run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def new_database(server: str, name: str) -> str:
    """A fresh, empty database on the server; its address."""
    import psycopg

    host = server.split("host=", 1)[1]
    with psycopg.connect(host=host, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@/{name}?host={host}"
