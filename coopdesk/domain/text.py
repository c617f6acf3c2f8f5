"""Marking text for translation without depending on the translation layer.

The domain speaks in message ids (English) with ``{placeholders}``; the layer that shows
a message translates it into the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a message id for extraction; it is translated where it is shown."""
    return message


class Phrase(str):
    """A message id given as the value of another message (the reason inside a refusal): it is
    translated where the message is shown, with it."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    """A translatable sentence: an English message id and its numbers."""

    message: str
    params: tuple[tuple[str, int], ...] = ()

    @property
    def kwargs(self) -> dict[str, int]:
        return dict(self.params)

    def english(self) -> str:
        return self.message.format(**self.kwargs)
