"""Translation and locale formatting, for the screen and for printed documents.

Message ids are English; ``translations/<lang>/LC_MESSAGES/coopdesk.po`` holds the
Korean and English texts.  The ``.po`` files are the only source: they are compiled in
memory on first use, so a catalog can never be stale.

The screen uses the *current* language (``set_language``); a document is printed in the
language the user picks for it, through its own ``Translator``.

Babel is imported on the first number or date formatted, not with this module: a command
that prints only JSON never pays for it (bench/bench_cli.py).
"""

from __future__ import annotations

import datetime as dt
import gettext
import importlib
import io
import locale
import os
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import ModuleType

from coopdesk.domain.text import Phrase
from coopdesk.josa import attach
from coopdesk.paths import translations_dir, user_cache_dir

LANGUAGES: tuple[str, ...] = ("ko", "en")
DOMAIN = "coopdesk"
_BABEL_LOCALE = {"ko": "ko_KR", "en": "en_US"}


def N_(message: str) -> str:
    """Mark a constant for extraction; it is translated later, where it is shown."""
    return message


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    po = translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.exists():
        return gettext.NullTranslations()
    compiled = _compiled_path(po, language)
    if compiled.exists():
        with compiled.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    data = _compile(po, language)
    try:  # a cache only: a read-only home folder just means compiling each time
        compiled.parent.mkdir(parents=True, exist_ok=True)
        partial = compiled.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(compiled)
    except OSError:
        pass
    return gettext.GNUTranslations(io.BytesIO(data))


def _compiled_path(po: Path, language: str) -> Path:
    """Compiled catalogs are cached per .po version (size and time), never stale."""
    stat = po.stat()
    return user_cache_dir() / "catalogs" / f"{language}-{stat.st_size}-{stat.st_mtime_ns}.mo"


def _compile(po: Path, language: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    for message in list(catalog):
        # An untranslated plural has empty forms that would print as "" or singular.
        if message.id and isinstance(message.string, tuple) and not all(message.string):
            catalog.delete(message.id, message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


@cache
def _babel(part: str) -> ModuleType:
    """``babel.numbers`` or ``babel.dates``, imported on first use (a statement in each method
    would cost a tenth of a date's formatting, 100,000 times for a register)."""
    return importlib.import_module(f"babel.{part}")


class Translator:
    """Texts, numbers, dates and money in one language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self.locale = _BABEL_LOCALE[language]
        self._gettext = _catalog(language).gettext
        self._ngettext = _catalog(language).ngettext

    def gettext(self, message: str, **params: object) -> str:
        text = self._gettext(message)
        return self._particles(text.format(**params) if params else text)

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        text = self._ngettext(singular, plural, n)
        return self._particles(text.format(n=n, **params))

    def _particles(self, text: str) -> str:
        """Korean: "을(를)", "(으)로" … chosen for the word before them (coopdesk.josa)."""
        return attach(text) if self.language == "ko" and "(" in text else text

    def number(self, value: int | Decimal) -> str:
        return _babel("numbers").format_decimal(value, locale=self.locale)

    def money(self, won: int) -> str:
        """Integer won, never with decimals: 19,000,000원 or ₩19,000,000."""
        if self.language == "ko":
            return _babel("numbers").format_currency(won, "KRW", format="#,##0원", locale=self.locale)
        return _babel("numbers").format_currency(won, "KRW", locale=self.locale)

    def date(self, value: dt.date | None, style: str = "medium") -> str:
        if value is None:
            return ""
        return _babel("dates").format_date(value, style, locale=self.locale)

    def datetime(self, value: dt.datetime | None, style: str = "medium") -> str:
        if value is None:
            return ""
        return _babel("dates").format_datetime(value, style, locale=self.locale)


_current: Translator | None = None


def system_language() -> str:
    """Korean when the system locale is Korean, otherwise English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "ko" if name.lower().startswith("ko") else "en"


def set_language(language: str) -> Translator:
    global _current
    _current = Translator(language)
    return _current


def current() -> Translator:
    if _current is None:
        return set_language(system_language())
    return _current


def _(message: str, **params: object) -> str:
    """Translate into the screen language; ``{name}`` placeholders are filled from params."""
    return current().gettext(message, **params)


def ngettext(singular: str, plural: str, n: int, **params: object) -> str:
    return current().ngettext(singular, plural, n, **params)


def refusal_text(refusal: Exception, translator: Translator | None = None) -> str:
    """A refusal in the user's language, with the article of the law it comes from."""
    from coopdesk.domain.errors import Refusal, Refusals

    t = translator or current()
    if not isinstance(refusal, Refusal):
        return str(refusal)
    if isinstance(refusal, Refusals):  # every problem of a form, one per line
        return "\n".join(refusal_text(p, t) for p in refusal.problems)
    params = {k: _shown(v, t) for k, v in refusal.params.items()}
    text = t.gettext(refusal.message, **params)
    if refusal.article is not None:
        text += " " + t.gettext("({article})", article=refusal.article.label(t.language))
    return text


def _shown(value: object, t: Translator) -> object:
    """A refusal's value as the reader reads it: a date in their language, an amount of money
    (``domain.capital.money.Won``) as money; anything else as it is."""
    if isinstance(value, dt.date):
        return t.date(value)
    if getattr(value, "money", False) and isinstance(value, int):
        return t.money(value)
    if isinstance(value, Phrase):
        return t.gettext(str(value))
    return value
