"""The one error type the program raises when it refuses something."""

from __future__ import annotations

from dataclasses import dataclass, field

from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.text import N_


class Refusal(Exception):
    """A user action refused: bad input or a rule of the Act.

    ``message`` is an English message id with ``{placeholders}`` filled from ``params``;
    the layer that shows it translates it.  ``article`` cites the law where the rule
    comes from the law; ``field`` names the input at fault so a form can point at it.
    """

    def __init__(
        self,
        message: str,
        *,
        article: LawRef | None = None,
        field: str | None = None,
        **params: object,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.article = article
        self.field = field
        self.params = params

    def __str__(self) -> str:  # English, for logs and tracebacks
        text = self.message.format(**self.params) if self.params else self.message
        if self.article:
            text += f" ({self.article.label('en')})"
        return text


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One bad row of an import: its line number in the file and why it is bad."""

    line: int
    refusal: Refusal = field(compare=False)


class ImportRejected(Refusal):
    """An import with bad rows: nothing was imported, every bad row is listed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(N_("Nothing was imported. Rows with problems: {count}."), count=len(problems))
        self.problems = problems


class Cancelled(Exception):
    """Long work stopped because the user pressed Cancel; nothing was changed."""
