"""Marking text for translation without depending on the translation layer.

The domain speaks in message ids (English) with ``{placeholders}``; the layer that shows
a message translates it into the user's language.
"""


def N_(message: str) -> str:
    """Mark a message id for extraction; it is translated where it is shown."""
    return message
