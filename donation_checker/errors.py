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
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_fr = message_fr or message
        self.hint = hint
        self.hint_fr = hint_fr or hint
        self.place = place
        self.reason = reason  # stable machine code, e.g. "not_xlsx", "zip_bomb"

    def describe(self, lang: str = "en") -> str:
        """The full sentence for a user: place, problem, what to do."""
        if lang == "fr":
            where = self.place.describe_fr() + " : " if self.place else ""
            text = where + self.message_fr
            return f"{text} {self.hint_fr}".strip()
        where = self.place.describe() + ": " if self.place else ""
        text = where + self.message
        return f"{text} {self.hint}".strip()


class InputRejected(DonationCheckerError):
    """A file (inventory, offer) cannot be used at all. The CLI exits with code 3."""


class RuleSetError(DonationCheckerError):
    """A rule set file is invalid; the message names the file and the rule id."""
