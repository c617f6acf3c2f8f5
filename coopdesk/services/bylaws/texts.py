"""The text parts of the bylaws (purpose, businesses, member qualifications, use by
non-members, founders) as the co-op has them written down.

Written here, they correct the record of a version: how its words were entered into
CoopDesk.  Changing what the bylaws say is an amendment (an agenda item carries the new
words; ``meetings.effects`` makes them a new version).  The settings are not text parts:
they drive the program's checks, and change only by amendment.
"""

from __future__ import annotations

from sqlalchemy import select

from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE, load_template
from coopdesk.domain.bylaws.texts import (
    BylawsTexts,
    check_texts,
    cleaned,
    texts_from_dict,
    texts_to_dict,
)
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.bylaws.versions import BylawsVersionView, get_version
from coopdesk.store.database import Database
from coopdesk.store.models import BylawsVersion, Coop


def validate_texts(texts: BylawsTexts, kind: CoopKind, template: int | None = None) -> BylawsTexts:
    """The parts as they will be kept (spaces tidied), or a refusal naming the part at fault."""
    texts = cleaned(texts)
    check_texts(texts, kind, load_template(template or CURRENT_TEMPLATE).required_businesses("ko"))
    return texts


def get_texts(db: Database, coop_id: int, version: int | None = None) -> BylawsTexts:
    """The text parts of that version (None: the version in force)."""
    found = get_version(db, coop_id, version)
    assert found.texts is not None
    return found.texts


def set_texts(db: Database, coop_id: int, texts: BylawsTexts, version: int | None = None) -> BylawsVersionView:
    """Write down the text parts of a version (None: the version in force), as the co-op's
    bylaws word them."""
    number = get_version(db, coop_id, version).version
    with db.write() as s:
        kind = s.execute(select(Coop.kind).where(Coop.id == coop_id)).scalar_one()
        row = s.execute(select(BylawsVersion).where(BylawsVersion.coop_id == coop_id,
                                                    BylawsVersion.version == number)).scalar_one()
        texts = validate_texts(texts, kind, row.template)
        before = texts_from_dict(row.texts, kind)
        if before == texts:
            raise Refusal(N_("Nothing was changed."), field="purpose")
        row.texts = texts_to_dict(texts)
        audit.record(s, coop_id=coop_id, action="bylaws.texts", entity="bylaws_version", key=number,
                     before=texts_to_dict(before), after=row.texts)
    return get_version(db, coop_id, number)


def required_businesses(language: str = "ko") -> tuple[str, ...]:
    """The Act's three businesses as the bylaws print them (Act 45①), to show beside the co-op's own."""
    return load_template(CURRENT_TEMPLATE).required_businesses(language)
