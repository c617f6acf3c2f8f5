"""Keeping the translation catalogs in step with the code.

``python -m coopdesk.catalog`` extracts every message id from the source into
``translations/coopdesk.pot`` and merges it into the Korean and English ``.po`` files
(new ids arrive empty, to be translated; English ones are filled with the id itself).
The test suite uses ``extract()`` to fail when a catalog misses a message.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from coopdesk.i18n import DOMAIN, LANGUAGES
from coopdesk.paths import translations_dir

KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "Refusal": None,
    "tr_": None,
}
SOURCE = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def extract() -> Catalog:
    catalog = Catalog(project="CoopDesk", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        SOURCE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(message, locations=[(f"coopdesk/{filename}", lineno)], auto_comments=comments,
                    context=context)
    return catalog


def po_path(language: str) -> Path:
    return translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def update() -> None:
    template = extract()
    with (translations_dir() / f"{DOMAIN}.pot").open("wb") as fh:
        write_po(fh, template, omit_header=False, sort_output=True)
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, domain=DOMAIN, project="CoopDesk", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True)
        if language == "en":
            for message in catalog:
                if message.id and not _filled(message.string):
                    message.string = message.id  # a plural's id is already (singular, plural)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.revision_date = catalog.creation_date
        with path.open("wb") as fh:
            write_po(fh, catalog, sort_output=True, include_previous=False)


def _filled(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    update()
    sys.exit(0)
