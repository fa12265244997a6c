"""Where the register lives: a SQLite file in the user's data folder unless a PostgreSQL
server is named (--register URL, the DONATION_CHECKER_REGISTER variable, or the settings).

Passwords never belong in a register address: PostgreSQL reads them from its own password
file, service file or PG* environment variables. An address is masked wherever it is shown.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import DonationCheckerError
from ..logs import user_data_dir

ENV_VAR = "DONATION_CHECKER_REGISTER"
DEFAULT_FILE = "register.sqlite3"
_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class RegisterUnavailable(DonationCheckerError):
    """The register cannot be opened (server down, file unreadable, address malformed)."""


def choose_address(explicit: str | None = None, settings: str | None = None) -> str:
    """The register's address: the one given, else the environment's, else the settings', else
    the SQLite file in the user's data folder."""
    for candidate in (explicit, os.environ.get(ENV_VAR), settings):
        if candidate and candidate.strip():
            return candidate.strip()
    return str(default_file())


def default_file() -> Path:
    return user_data_dir() / DEFAULT_FILE


def is_postgres(address: str) -> bool:
    return address.split(":", 1)[0].lower() in _POSTGRES_SCHEMES


def masked(address: str) -> str:
    """The address fit to print or log: any password replaced by ***."""
    if not is_postgres(address) or "@" not in address:
        return address
    scheme, rest = address.split("://", 1)
    userinfo, host = rest.rsplit("@", 1)
    if ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    return f"{scheme}://{userinfo}@{host}"


def has_password(address: str) -> bool:
    return masked(address) != address


def check_storable(address: str) -> None:
    """Refuse an address that carries a password before it is written to the settings."""
    if has_password(address):
        raise RegisterUnavailable(
            f"The register address {masked(address)} contains a password; it is not saved.",
            f"L’adresse du registre {masked(address)} contient un mot de passe ; elle n’est pas "
            "enregistrée.",
            hint="Put the password in the PostgreSQL password file (~/.pgpass, or "
            "%APPDATA%\\postgresql\\pgpass.conf on Windows) or a service file, and give the "
            "address without it.",
            hint_fr="Mettez le mot de passe dans le fichier de mots de passe de PostgreSQL "
            "(~/.pgpass, ou %APPDATA%\\postgresql\\pgpass.conf sous Windows) ou dans un fichier "
            "de service, et donnez l’adresse sans lui.",
            reason="register_password_in_address",
        )


def sqlalchemy_url(address: str) -> str:
    """The SQLAlchemy URL for an address: PostgreSQL through psycopg 3, else a SQLite file."""
    if is_postgres(address):
        rest = address.split("://", 1)[1] if "://" in address else ""
        return f"postgresql+psycopg://{rest}"
    if address.startswith("sqlite:"):
        return address
    return f"sqlite:///{prepare_file(Path(address))}"


def prepare_file(path: Path) -> Path:
    """Create the SQLite file owner-only (0600, its folder 0700 when it is the data folder)
    before the database engine opens it, so no other account can read a sovereign figure."""
    path = path.expanduser().resolve()
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if folder == user_data_dir().resolve():
            os.chmod(folder, stat.S_IRWXU)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    except OSError as exc:
        raise RegisterUnavailable(
            f"The register file {path} cannot be created or opened ({exc.strerror or exc}).",
            f"Le fichier du registre {path} ne peut pas être créé ni ouvert "
            f"({exc.strerror or exc}).",
            hint="Check the folder and its permissions, or give another file with --register.",
            hint_fr="Vérifiez le dossier et ses droits, ou indiquez un autre fichier avec "
            "--register.",
            reason="register_unavailable",
        ) from exc
    return path
