"""A co-op in founding: started, its settings, read back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select

from coopdesk.domain.coop import CoopProfile
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, check_date, check_text
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import create_coop, get_coop
from coopdesk.services.founding.rows import founding_dict, founding_row, founding_view, open_founding
from coopdesk.services.founding.views import FoundingSettings, FoundingView
from coopdesk.store.database import Database
from coopdesk.store.models import FoundingRow, Member

# The ministry in charge of the Act since 2026-01-02 (LAW.md): what a new founding starts with,
# stored with the co-op and changed in its settings; the papers print the stored name.
DEFAULT_MINISTRY = "기획예산처"


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def start_founding(db: Database, profile: CoopProfile, *, started_on: dt.date, ministry: str = DEFAULT_MINISTRY,
                   authority: str = "", today: dt.date | None = None) -> FoundingView:
    """A new co-op in founding, with version 1 of its bylaws (the draft the founding meeting adopts)."""
    with db.all_or_nothing() as joined:
        coop = create_coop(joined, profile, adopted_on=started_on)
        view = begin_founding(joined, coop.id, started_on=started_on, ministry=ministry, authority=authority,
                              today=today)
    return view


def begin_founding(db: Database, coop_id: int, *, started_on: dt.date, ministry: str = DEFAULT_MINISTRY,
                   authority: str = "", today: dt.date | None = None) -> FoundingView:
    """An existing co-op with nobody on its register yet goes into founding."""
    today = _today(today)
    get_coop(db, coop_id)
    check_date(started_on, "started_on")
    settings = _checked(FoundingSettings(ministry, authority))
    with db.write() as s:
        if s.execute(select(FoundingRow.id).where(FoundingRow.coop_id == coop_id)).scalar() is not None:
            raise Refusal(N_("This co-op's founding is already started."), field="coop")
        if s.execute(select(exists().where(Member.coop_id == coop_id))).scalar():
            raise Refusal(N_("This co-op has people on its register already: a co-op is founded before it has "
                             "members. Start the founding in a new co-op."), field="coop")
        row = FoundingRow(coop_id=coop_id, started_on=started_on, ministry=settings.ministry,
                          authority=settings.authority, notice_place="", qualifications="", certificate_number="",
                          created_at=dt.datetime.now())
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="founding.start", entity="founding", key=coop_id,
                     after=founding_dict(row))
        return founding_view(s, coop_id, today)


def edit_settings(db: Database, coop_id: int, settings: FoundingSettings,
                  today: dt.date | None = None) -> FoundingView:
    """The ministry's name and the authority filed with, as the papers print them."""
    settings = _checked(settings)
    with db.write() as s:
        row = founding_row(s, coop_id)
        before = founding_dict(row)
        row.ministry, row.authority = settings.ministry, settings.authority
        audit.record(s, coop_id=coop_id, action="founding.settings", entity="founding", key=coop_id,
                     before=before, after=founding_dict(row))
        return founding_view(s, coop_id, _today(today))


def _checked(settings: FoundingSettings) -> FoundingSettings:
    ministry, authority = " ".join(settings.ministry.split()), " ".join(settings.authority.split())
    if not ministry:
        raise Refusal(N_("Give the name of the ministry in charge of the Act, as the papers print it."),
                      field="ministry")
    check_text(ministry, "ministry", NAME_LENGTH)
    check_text(authority, "authority", NAME_LENGTH)
    return FoundingSettings(ministry, authority)


def get_founding(db: Database, coop_id: int, today: dt.date | None = None) -> FoundingView:
    with db.read() as s:
        return founding_view(s, coop_id, _today(today))


def founding_of(db: Database, coop_id: int, today: dt.date | None = None) -> FoundingView | None:
    """The founding of a co-op founded in CoopDesk; None for any other."""
    with db.read() as s:
        if s.execute(select(FoundingRow.id).where(FoundingRow.coop_id == coop_id)).scalar() is None:
            return None
        return founding_view(s, coop_id, _today(today))


__all__ = ["DEFAULT_MINISTRY", "begin_founding", "edit_settings", "founding_of", "get_founding", "open_founding",
           "start_founding"]
