"""Creating a co-op and reading its profile and bylaws settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE
from coopdesk.domain.bylaws.texts import default_texts, texts_to_dict
from coopdesk.domain.coop import CoopKind, CoopProfile, check_profile
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import check_date
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coop_info import CoopInfo, bylaws_from_dict, bylaws_to_dict  # noqa: F401 (theirs too)
from coopdesk.store.database import Database
from coopdesk.store.models import BylawsVersion, Coop, MemberType

def validate_profile(profile: CoopProfile) -> None:
    """Refuse a co-op profile the Act does not allow, citing the article: what the creation
    wizard checks as the secretary types, and ``create_coop`` checks again.  Checked as it will
    be stored: spaces tidied."""
    check_profile(_cleaned(profile))


def create_coop(db: Database, profile: CoopProfile, adopted_on: dt.date | None = None) -> CoopInfo:
    """A new co-op with version 1 of its bylaws settings, adopted on ``adopted_on`` (None: today,
    a co-op set up now).  A co-op that already exists gives the day its bylaws were adopted: the
    printed bylaws say it, and its amendments and members' orientation are counted from it."""
    profile = _cleaned(profile)
    check_profile(profile)
    if adopted_on is not None:
        check_adoption(adopted_on)
    adopted_on = adopted_on or dt.date.today()
    with db.write() as s:
        coop = Coop(
            name=profile.name, kind=profile.kind, governing_law=profile.governing_law,
            main_office=profile.main_office, fiscal_year_start_month=profile.fiscal_year_start_month,
            next_member_number=1, created_at=dt.datetime.now(),
        )
        s.add(coop)
        s.flush()
        for position, type_name in enumerate(profile.member_types):
            s.add(MemberType(coop_id=coop.id, name=type_name, position=position))
        settings = bylaws_to_dict(profile.bylaws)
        # The model bylaws' wording, to be made the co-op's own in its profile (services.bylaws.texts).
        s.add(BylawsVersion(coop_id=coop.id, version=1, adopted_on=adopted_on, effective_on=adopted_on,
                            settings=settings, note="", texts=texts_to_dict(default_texts(profile.kind)),
                            template=CURRENT_TEMPLATE))
        after = {"name": profile.name, "kind": profile.kind, "governing_law": profile.governing_law,
                 "main_office": profile.main_office, "fiscal_year_start_month": profile.fiscal_year_start_month,
                 "member_types": profile.member_types, "bylaws": settings}
        audit.record(s, coop_id=coop.id, action="coop.create", entity="coop", key=coop.id, after=after)
        coop_id = coop.id
    return get_coop(db, coop_id)


def check_adoption(adopted_on: dt.date | None, *, existing: bool = False, today: dt.date | None = None) -> None:
    """Refuse a day of the bylaws' adoption that cannot be right: none given, or after today.  For a
    co-op that ``existing`` already (not one set up today), the day is before today."""
    today = today or dt.date.today()
    if adopted_on is None or (existing and adopted_on == today):
        raise Refusal(N_("Give the day the co-op's bylaws were adopted (for most co-ops, the day of the "
                         "founding meeting): it is printed in the bylaws, and amendments come after it."),
                      field="adopted_on")
    check_date(adopted_on, "adopted_on")
    if adopted_on > today:
        raise Refusal(N_("The bylaws cannot have been adopted after today ({today}): {date} is ahead. "
                         "Check the date."), field="adopted_on", date=adopted_on, today=today)


def check_amendment_date(s: Session, coop_id: int, held_on: dt.date) -> None:
    """Refuse an amendment of the bylaws dated before the version it amends was adopted: the
    versions follow each other in time (version 2 amends version 1), and the printed bylaws list
    them so."""
    latest = s.execute(select(BylawsVersion.version, BylawsVersion.adopted_on)
                       .where(BylawsVersion.coop_id == coop_id)
                       .order_by(BylawsVersion.version.desc()).limit(1)).first()
    if latest is not None and held_on < latest.adopted_on:
        raise Refusal(N_("A bylaws amendment cannot be dated {date}: the bylaws it amends (version {version}) "
                         "were adopted on {adopted}, after that. Check the meeting's date, or the day the "
                         "bylaws were adopted."),
                      field="held_on", date=held_on, version=latest.version, adopted=latest.adopted_on)


def _cleaned(p: CoopProfile) -> CoopProfile:
    return CoopProfile(
        name=" ".join(p.name.split()), kind=p.kind, governing_law=p.governing_law,
        main_office=" ".join(p.main_office.split()), fiscal_year_start_month=p.fiscal_year_start_month,
        member_types=tuple(t.strip() for t in p.member_types), bylaws=p.bylaws,
    )


def bylaws_in_force(s: Session, coop_id: int, on: dt.date) -> BylawsVersion:
    """The bylaws in force on ``on``: an amendment counts only once its report to the
    city or province is recorded (Act 16), not from the day it was adopted."""
    bylaws = s.execute(
        select(BylawsVersion).where(BylawsVersion.coop_id == coop_id, BylawsVersion.effective_on.is_not(None),
                                    BylawsVersion.effective_on <= on)
        .order_by(BylawsVersion.version.desc())
    ).scalars().first() or s.execute(
        select(BylawsVersion).where(BylawsVersion.coop_id == coop_id).order_by(BylawsVersion.version)
    ).scalars().first()
    assert bylaws is not None, "every co-op is created with bylaws version 1"
    return bylaws


def get_coop(db: Database, coop_id: int) -> CoopInfo:
    with db.read() as s:
        coop = s.get(Coop, coop_id)
        if coop is None:
            raise Refusal(N_("There is no co-op number {id} in this file."), id=coop_id)
        types = s.execute(
            select(MemberType.name).where(MemberType.coop_id == coop_id).order_by(MemberType.position)
        ).scalars().all()
        bylaws = bylaws_in_force(s, coop_id, dt.date.today())
        return CoopInfo(
            id=coop.id, name=coop.name, kind=coop.kind, governing_law=coop.governing_law,
            main_office=coop.main_office, fiscal_year_start_month=coop.fiscal_year_start_month,
            member_types=tuple(types), bylaws=bylaws_from_dict(bylaws.settings), bylaws_version=bylaws.version,
        )


@dataclass(frozen=True, slots=True)
class CoopSummary:
    id: int
    name: str
    kind: CoopKind


def list_coops(db: Database) -> list[CoopSummary]:
    with db.read() as s:
        rows = s.execute(select(Coop.id, Coop.name, Coop.kind).order_by(Coop.id)).all()
        return [CoopSummary(*r) for r in rows]


def default_coop(db: Database, coop_id: int | None = None) -> CoopInfo:
    """The co-op asked for, or the file's only co-op."""
    if coop_id is not None:
        return get_coop(db, coop_id)
    with db.read() as s:
        ids = s.execute(select(Coop.id).order_by(Coop.id).limit(2)).scalars().all()
        total = s.execute(select(func.count()).select_from(Coop)).scalar_one()
    if not ids:
        raise Refusal(N_("This file holds no co-op yet. Create one first."))
    if total > 1:
        raise Refusal(N_("This file holds {n} co-ops: say which one."), n=total)
    return get_coop(db, ids[0])
