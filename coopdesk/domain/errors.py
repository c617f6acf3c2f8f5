"""The one error type the program raises when it refuses something."""

from __future__ import annotations

from collections.abc import Callable
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


class Refusals(Refusal):
    """Several problems found at once in one form, so that the form can show them all."""

    def __init__(self, problems: list[Refusal]) -> None:
        first = problems[0]
        super().__init__(first.message, article=first.article, field=first.field, **first.params)
        self.problems = tuple(problems)


def check_all(*checks: Callable[[], None]) -> None:
    """Run every check; refuse with all their problems (one alone as itself), or pass."""
    problems: list[Refusal] = []
    for check in checks:
        try:
            check()
        except Refusals as several:
            problems.extend(several.problems)
        except Refusal as refusal:
            problems.append(refusal)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise Refusals(problems)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One bad row of an import: its line number in the file and why it is bad."""

    line: int
    refusal: Refusal = field(compare=False)
    column: int | None = field(default=None, compare=False)  # the file's column at fault (0 = the first)
    heading: str = field(default="", compare=False)  # that column's heading in the file


class ImportRejected(Refusal):
    """An import with bad rows: nothing was imported, every bad row is listed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(N_("Nothing was imported. Rows with problems: {count}."), count=len({p.line for p in problems}))
        self.problems = problems  # a row's problems one after another: every problem of every bad row


class Cancelled(Exception):
    """Long work stopped because the user pressed Cancel; nothing was changed."""
