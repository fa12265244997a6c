"""Checks made before any work: no output may be, or lead to, one of the inputs; every output
folder must exist and be writable; every input must be a regular file (a named pipe would block
the import for ever, a device would never end).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import DonationCheckerError
from .model import Place


class UsageError(DonationCheckerError):
    """The command asks for something that cannot be done as asked. The CLI exits with code 2."""


class OutputUnusable(DonationCheckerError):
    """An output cannot be written where asked (missing or read-only folder). Exit code 3."""


def check_input_file(path: str | os.PathLike[str]) -> None:
    """Refuse at once what is not a regular file, without opening it."""
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except FileNotFoundError:
        return  # the importer says so with its own message
    except OSError:
        return
    if stat.S_ISREG(mode):
        return
    from .assessment import Text
    from .importer import texts  # the catalogue is read only when a file is refused

    if stat.S_ISDIR(mode):
        raise texts.rejected(
            "is_directory", reason="is_directory", place=Place(p.name), hint="choose_inside"
        )
    what = (
        "named_pipe"
        if stat.S_ISFIFO(mode)
        else "device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "socket"
        if stat.S_ISSOCK(mode)
        else "other_special"
    )
    raise texts.rejected(
        "special_file",
        reason="special_file",
        place=Place(p.name),
        hint="save_as_file",
        what=Text(*texts.both(f"import.error.{what}")),
    )


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def check_outputs(
    inputs: Iterable[tuple[str, str | os.PathLike[str] | None]],
    outputs: Iterable[tuple[str, str | os.PathLike[str] | None]],
) -> None:
    """`inputs` and `outputs` are (option, path) pairs; a missing path or "-" is skipped.

    Raises UsageError when an output is an input (or a link to one) or two outputs are the
    same file, OutputUnusable when an output's folder is missing or read-only."""
    given_inputs = [(o, Path(p)) for o, p in inputs if p and str(p) != "-"]
    given_outputs = [(o, Path(p)) for o, p in outputs if p and str(p) != "-"]
    for _, path in given_inputs:
        check_input_file(path)
    seen: list[tuple[str, Path]] = []
    for option, out in given_outputs:
        for in_option, inp in given_inputs:
            if _same(out, inp):
                raise UsageError(
                    f"{option} {out} is the input given as {in_option}: writing it would "
                    "destroy that file; nothing was done.",
                    f"{option} {out} est le fichier donné en entrée par {in_option}\u00a0: l’écrire "
                    "le détruirait\u00a0; rien n’a été fait.",
                    hint="Choose another output file name.",
                    hint_fr="Choisissez un autre nom de fichier de sortie.",
                    reason="output_is_input",
                )
        for other_option, other in seen:
            if _same(out, other):
                raise UsageError(
                    f"{option} and {other_option} name the same file ({out}); nothing was done.",
                    f"{option} et {other_option} désignent le même fichier ({out})\u00a0; rien n’a "
                    "été fait.",
                    hint="Give each output its own file name.",
                    hint_fr="Donnez à chaque sortie son propre nom de fichier.",
                    reason="outputs_collide",
                )
        seen.append((option, out))
        _check_writable(option, out)


def _check_writable(option: str, out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise OutputUnusable(
            f"{option} {out} is a folder; give a file name.",
            f"{option} {out} est un dossier\u00a0; donnez un nom de fichier.",
            reason="output_is_folder",
        )
    if not folder.is_dir():
        raise OutputUnusable(
            f"The folder {folder} for {option} does not exist; nothing was done.",
            f"Le dossier {folder} de {option} n’existe pas\u00a0; rien n’a été fait.",
            hint="Create the folder or choose another one.",
            hint_fr="Créez le dossier ou choisissez-en un autre.",
            reason="output_folder_missing",
        )
    writable = os.access(folder, os.W_OK | os.X_OK) and (
        not out.exists() or os.access(out, os.W_OK)
    )
    if not writable:
        raise OutputUnusable(
            f"{out} ({option}) cannot be written: the folder or the file is read-only; nothing "
            "was done.",
            f"{out} ({option}) ne peut pas être écrit\u00a0: le dossier ou le fichier est en lecture "
            "seule\u00a0; rien n’a été fait.",
            hint="Choose a folder you may write to.",
            hint_fr="Choisissez un dossier où vous avez le droit d’écrire.",
            reason="output_read_only",
        )


def side_files(target: str | os.PathLike[str], tables: Sequence[str]) -> list[Path]:
    """The files written beside a normalised fleet CSV, one per other table."""
    t = Path(target)
    return [t.with_name(f"{t.stem}.{name}{t.suffix or '.csv'}") for name in tables]
