"""Store codes, not words: how a notice went out, a late notice's warning, and the resolution
behind an expulsion or a bylaws version.

Until now these were sentences in the language of the screen that recorded them
("우편, 문자"; "The notice is 1 day(s) late …"; "Expelled by resolution of the meeting of
…"), so an English screen showed Korean and a Korean paper printed English.  They become
codes and numbers, said in the reader's language.

Revision ID: 0006
Revises: 0005
"""

import datetime as dt
import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the code does.
CHANNEL_WORDS = {"post": "post", "우편": "post", "text message": "text_message", "문자": "text_message",
                 "sms": "text_message", "e-mail": "email", "email": "email", "이메일": "email",
                 "notice board": "notice_board", "게시": "notice_board", "text_message": "text_message",
                 "notice_board": "notice_board"}
SEPARATORS = re.compile(r"\s*[,·/;]\s*|\s+(?:and|및|그리고)\s+")
ACT_NOTICE_DAYS = 7  # Act 28④ and Act 15②, as in force when this was written

notices = sa.table("meeting_notice", sa.column("id", sa.Integer), sa.column("meeting_id", sa.Integer),
                   sa.column("sent_on", sa.Date), sa.column("method", sa.String), sa.column("channels", sa.JSON),
                   sa.column("accepted_late", sa.Boolean), sa.column("late_days", sa.Integer),
                   sa.column("late_short", sa.Integer), sa.column("late_latest", sa.Date))
meetings = sa.table("meeting", sa.column("id", sa.Integer), sa.column("coop_id", sa.Integer),
                    sa.column("kind", sa.String), sa.column("held_on", sa.Date))
items = sa.table("agenda_item", sa.column("id", sa.Integer), sa.column("meeting_id", sa.Integer),
                 sa.column("subject", sa.String), sa.column("closed", sa.Boolean), sa.column("result", sa.JSON),
                 sa.column("expel_member_id", sa.Integer))
events = sa.table("member_event", sa.column("id", sa.Integer), sa.column("member_id", sa.Integer),
                  sa.column("kind", sa.String), sa.column("occurred_on", sa.Date), sa.column("note", sa.Text),
                  sa.column("by_item_id", sa.Integer))
versions = sa.table("bylaws_version", sa.column("id", sa.Integer), sa.column("coop_id", sa.Integer),
                    sa.column("version", sa.Integer), sa.column("adopted_on", sa.Date),
                    sa.column("settings", sa.JSON), sa.column("note", sa.Text),
                    sa.column("adopted_by_item_id", sa.Integer))


def upgrade() -> None:
    with op.batch_alter_table("meeting_notice") as batch:
        batch.add_column(sa.Column("channels", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("late_days", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("late_short", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("late_latest", sa.Date(), nullable=True))
    with op.batch_alter_table("member_event") as batch:
        batch.add_column(sa.Column("by_item_id", sa.Integer(), sa.ForeignKey(
            "agenda_item.id", name="fk_member_event_by_item_id_agenda_item", ondelete="RESTRICT"), nullable=True))
    with op.batch_alter_table("bylaws_version") as batch:
        batch.add_column(sa.Column("adopted_by_item_id", sa.Integer(), sa.ForeignKey(
            "agenda_item.id", name="fk_bylaws_version_adopted_by_item_id_agenda_item", ondelete="RESTRICT"),
            nullable=True))
    bind = op.get_bind()
    _notices(bind)
    _expulsions(bind)
    _bylaws_versions(bind)
    with op.batch_alter_table("meeting_notice") as batch:
        batch.drop_column("late_warning")


def _notices(bind: sa.Connection) -> None:
    rows = bind.execute(sa.select(notices.c.id, notices.c.sent_on, notices.c.method, notices.c.accepted_late,
                                  meetings.c.coop_id, meetings.c.kind, meetings.c.held_on)
                        .join(meetings, meetings.c.id == notices.c.meeting_id)).all()
    for notice_id, sent_on, method, late, coop_id, kind, held_on in rows:
        channels, other = _parse(method or "")
        values = {"channels": channels, "method": other}
        if late and kind != "board":
            days = ACT_NOTICE_DAYS if kind == "founding" else max(ACT_NOTICE_DAYS, _bylaws_days(bind, coop_id))
            latest = held_on - dt.timedelta(days=days + 1)
            values |= {"late_days": days, "late_short": max(0, (sent_on - latest).days), "late_latest": latest}
        bind.execute(sa.update(notices).where(notices.c.id == notice_id).values(**values))


def _parse(text: str) -> tuple[list[str], str]:
    channels: list[str] = []
    other: list[str] = []
    for part in (p.strip() for p in SEPARATORS.split(text.strip())):
        code = CHANNEL_WORDS.get(part.casefold())
        if code is None:
            if part:
                other.append(part)
        elif code not in channels:
            channels.append(code)
    return channels, ", ".join(other)


def _bylaws_days(bind: sa.Connection, coop_id: int) -> int:
    settings = bind.execute(sa.select(versions.c.settings).where(versions.c.coop_id == coop_id)
                            .order_by(versions.c.version.desc()).limit(1)).scalar()
    return int((settings or {}).get("notice_days", ACT_NOTICE_DAYS))


def _passed(result: dict | None) -> bool:
    return bool(result and result.get("passed"))


def _expulsions(bind: sa.Connection) -> None:
    rows = bind.execute(sa.select(items.c.id, items.c.expel_member_id, items.c.result, meetings.c.held_on)
                        .join(meetings, meetings.c.id == items.c.meeting_id)
                        .where(items.c.subject == "expulsion", items.c.closed.is_(True))).all()
    for item_id, member_id, result, held_on in rows:
        if _passed(result):
            bind.execute(sa.update(events).where(events.c.member_id == member_id, events.c.kind == "expelled",
                                                 events.c.occurred_on == held_on, events.c.by_item_id.is_(None))
                         .values(by_item_id=item_id, note=""))


def _bylaws_versions(bind: sa.Connection) -> None:
    rows = bind.execute(sa.select(items.c.id, items.c.result, meetings.c.coop_id, meetings.c.held_on)
                        .join(meetings, meetings.c.id == items.c.meeting_id)
                        .where(items.c.subject == "bylaws_amendment", items.c.closed.is_(True))
                        .order_by(meetings.c.held_on, items.c.id)).all()
    for item_id, result, coop_id, held_on in rows:
        if not _passed(result):
            continue
        version = bind.execute(sa.select(versions.c.id).where(
            versions.c.coop_id == coop_id, versions.c.adopted_on == held_on, versions.c.version > 1,
            versions.c.adopted_by_item_id.is_(None)).order_by(versions.c.version).limit(1)).scalar()
        if version is not None:
            bind.execute(sa.update(versions).where(versions.c.id == version)
                         .values(adopted_by_item_id=item_id, note=""))


def downgrade() -> None:
    with op.batch_alter_table("meeting_notice") as batch:
        batch.add_column(sa.Column("late_warning", sa.Text(), nullable=True))
        batch.drop_column("late_latest")
        batch.drop_column("late_short")
        batch.drop_column("late_days")
        batch.drop_column("channels")
    with op.batch_alter_table("member_event") as batch:
        batch.drop_column("by_item_id")
    with op.batch_alter_table("bylaws_version") as batch:
        batch.drop_column("adopted_by_item_id")
