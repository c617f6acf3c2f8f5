"""The facts the bylaws and an amendment's comparison table are printed from.

The profile (name, office, fiscal year, member types) is the co-op's as it is today; the
settings and text parts are those of the version printed, and its history is every version
up to it.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from coopdesk.domain.bylaws.compare import changed_facts
from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment
from coopdesk.domain.bylaws.papers import BylawsPaper, ComparisonPaper
from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE
from coopdesk.domain.bylaws.texts import texts_from_dict
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.text import N_
from coopdesk.services.audit import current_mark
from coopdesk.services.bylaws.amendments import base_version
from coopdesk.services.bylaws.versions import (
    BylawsVersionView,
    get_version,
    list_versions,
)
from coopdesk.services.coops import CoopInfo, bylaws_from_dict, get_coop
from coopdesk.services.meetings.rows import item_row
from coopdesk.store.database import Database
from coopdesk.store.models import BylawsVersion, Coop, FounderRow, MeetingRow, Member


def _facts(coop: CoopInfo, version: BylawsVersionView, history: tuple[Enactment, ...]) -> BylawsFacts:
    assert version.texts is not None
    return BylawsFacts(coop.name, coop.kind, coop.main_office, coop.fiscal_year_start_month, coop.member_types,
                       version.settings, version.texts, history, version.template)


def _history(versions: list[BylawsVersionView], upto: int) -> tuple[Enactment, ...]:
    return tuple(Enactment(v.version, v.adopted_on, v.effective_on) for v in versions if v.version <= upto)


def bylaws_paper(db: Database, coop_id: int, version: int | None = None) -> BylawsPaper:
    """The bylaws of that version (None: the version in force today)."""
    coop = get_coop(db, coop_id)
    chosen = get_version(db, coop_id, version)
    history = _history(list_versions(db, coop_id), chosen.version)
    assert chosen.texts is not None
    if not chosen.texts.founders:
        chosen = dataclasses.replace(chosen, texts=dataclasses.replace(chosen.texts,
                                                                       founders=_founders_recorded(db, coop_id)))
    return BylawsPaper(_facts(coop, chosen, history), chosen.waiting, current_mark(db).text())


def _founders_recorded(db: Database, coop_id: int) -> tuple[str, ...]:
    """The founders (발기인) of a co-op founded in CoopDesk, by number, for bylaws whose text names
    none: the Founding area records them, the supplementary provisions print them."""
    with db.read() as s:
        return tuple(s.execute(select(Member.name).join(FounderRow, FounderRow.member_id == Member.id)
                               .where(FounderRow.coop_id == coop_id).order_by(Member.number)).scalars())


def comparison_paper(db: Database, coop_id: int, item_id: int) -> ComparisonPaper:
    """The comparison table of an amendment item: before its vote (the proposal) or after it."""
    coop = get_coop(db, coop_id)
    versions = list_versions(db, coop_id)
    with db.read() as s:
        item = item_row(s, coop_id, item_id)
        if item.subject is not Subject.BYLAWS_AMENDMENT or item.new_bylaws is None:
            raise Refusal(N_("Item {position} is not an amendment of the bylaws."), field="item",
                          position=item.position)
        meeting = s.get(MeetingRow, item.meeting_id)
        assert meeting is not None
        base = base_version(s, coop_id, item, meeting).version
        kind = s.execute(select(Coop.kind).where(Coop.id == coop_id)).scalar_one()
        made = s.execute(select(BylawsVersion).where(BylawsVersion.adopted_by_item_id == item.id)).scalar()
        settings, texts = bylaws_from_dict(item.new_bylaws), item.new_bylaws_texts
        title, position, proposal = item.title, item.position, item.proposal
        held_on, meeting_title = meeting.held_on, meeting.title
    before = next(v for v in versions if v.version == base)
    if made is not None:
        enactment, template = Enactment(made.version, made.adopted_on, made.effective_on), made.template
    else:
        enactment, template = Enactment(versions[-1].version + 1, held_on, None), CURRENT_TEMPLATE
    after_texts = texts_from_dict(texts, kind) if texts is not None else before.texts
    assert before.texts is not None and after_texts is not None
    before_facts = _facts(coop, before, _history(versions, base))
    after_facts = BylawsFacts(coop.name, coop.kind, coop.main_office, coop.fiscal_year_start_month,
                              coop.member_types, settings, after_texts, (*before_facts.history, enactment), template)
    return ComparisonPaper(before_facts, after_facts,
                           changed_facts(before.settings, settings, before.texts, after_texts),
                           meeting_title, held_on, position, title, proposal, made is not None,
                           current_mark(db).text())
