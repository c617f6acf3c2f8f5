"""Which column of an imported table holds which field, guessed from its headings.

One rule for every import (members, capital, patronage): a heading is compared without
case, spaces or punctuation; exact headings win, then a heading that contains a known one
("휴대폰 번호(필수)" holds "휴대폰번호"), tried in the order given — so that "가입신청일" goes
to the application date before the joining date.  The headings CoopDesk's own exports
write, in either language, are always known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from coopdesk.i18n import LANGUAGES, Translator

ColumnMapping = dict[str, int | None]
_NOT_WORD = re.compile(r"[\W_]+")


def heading_key(heading: str) -> str:
    return _NOT_WORD.sub("", heading.casefold())


def known_headings(headings: Mapping[str, Sequence[str]], labels: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Normalised heading -> field: ``headings`` by field, and each (field, message id) label as
    it is translated in every language."""
    known = {heading_key(h): field for field, names in headings.items() for h in names}
    labels = tuple(labels)
    for language in LANGUAGES:
        t = Translator(language)
        for field, label in labels:
            known.setdefault(heading_key(t.gettext(label)), field)
    return known


def guess_columns(headers: Sequence[str], fields: Sequence[str], known: Mapping[str, str],
                  contains: Mapping[str, Sequence[str]] | None = None) -> ColumnMapping:
    """Field -> column (None where nothing fits).  ``contains``: by field, in the order tried,
    the headings a longer heading may contain."""
    mapping: ColumnMapping = dict.fromkeys(fields)
    keys = [heading_key(h) for h in headers]
    for column, key in enumerate(keys):
        field = known.get(key)
        if field and mapping.get(field, 0) is None:
            mapping[field] = column
    if not contains:
        return mapping
    taken = {c for c in mapping.values() if c is not None}
    parts = {field: [k for k in map(heading_key, names) if len(k) > 1] for field, names in contains.items()}
    for column, key in enumerate(keys):
        if column in taken or not key:
            continue
        for field, names in parts.items():
            if mapping.get(field, 0) is None and any(name in key for name in names):
                mapping[field] = column
                taken.add(column)
                break
    return mapping
