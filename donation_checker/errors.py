"""Errors the product raises on purpose: each says what is wrong, where, and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the domain model is not needed to raise or describe an error
    from .model import Place


class DonationCheckerError(Exception):
    """Base of every error shown to a user. Never carries a traceback to the screen."""

    def __init__(
        self,
        message: str,
        message_fr: str | None = None,
        *,
        hint: str = "",
        hint_fr: str = "",
        place: Place | None = None,
        reason: str = "error",
        option: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_fr = message_fr or message
        self.hint = hint
        self.hint_fr = hint_fr or hint
        self.place = place
        self.reason = reason  # stable machine code, e.g. "not_xlsx", "zip_bomb"
        # The command-line option that does what the hint asks ("--map"): named only to a
        # command-line user, since a window user has a dialog for it instead.
        self.option = option

    def describe(self, lang: str = "en", command_line: bool = False) -> str:
        """The full sentence for a user: place, problem, what to do."""
        if lang == "fr":
            where = self.place.describe_fr() + "\u00a0: " if self.place else ""
            text, hint = where + self.message_fr, self.hint_fr
        else:
            where = self.place.describe() + ": " if self.place else ""
            text, hint = where + self.message, self.hint
        if command_line and self.option and hint:
            stop = "." if hint.endswith(".") else ""
            hint = f"{hint.removesuffix('.')} ({self.option}){stop}"
        return f"{text} {hint}".strip()


class InputRejected(DonationCheckerError):
    """A file (inventory, offer) cannot be used at all. The CLI exits with code 3."""


class RuleSetError(DonationCheckerError):
    """A rule set file is invalid; the message names the file and the rule id."""
