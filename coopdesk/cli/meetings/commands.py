"""`coopdesk meeting ...`: general assemblies, founding and board meetings from notice to minutes.

This module makes the area and its first verbs (create, list, show, edit); the agenda,
the room (notice and attendance), the votes and the papers have their own modules.  A
script runs a whole assembly with them, one command per thing the secretary records,
each its own transaction, so a meeting cut short loses nothing recorded.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from coopdesk.cli.meetings import agenda as meeting_agenda_cmds
from coopdesk.cli.meetings import papers as meeting_paper_cmds
from coopdesk.cli.meetings import room as meeting_room_cmds
from coopdesk.cli.meetings import votes as meeting_vote_cmds
from coopdesk.cli.common import (
    Context,
    iso_date,
    print_fields,
    print_json,
    print_table,
    say,
    warn,
)
from coopdesk.cli.meetings.common import (
    MEETING_KINDS,
    clock,
    clock_text,
    item_json,
    json_option,
    meeting_json,
    verb,
)
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import _, current

if TYPE_CHECKING:
    from coopdesk.services.meetings.meeting import MeetingInput, MeetingView

# The Korean names in the help: the words on the co-op's own papers.
_KIND_HELP = {"ordinary": "정기총회", "extraordinary": "임시총회", "founding": "창립총회",
              "board": "이사회"}


def add_verbs(meeting: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk meeting``."""
    meeting.description = _("Run a meeting from notice to minutes. Items are named by their place on the "
                            "agenda; attendees by member number, or at a board meeting by the director's "
                            "term number.")
    verbs = meeting.add_subparsers(dest="verb", required=True, metavar="VERB", title=_("commands"))

    create = verbs.add_parser("create", help=_("Create a meeting; prints its number"))
    _meeting_options(create, required=True)
    create.add_argument("--standard-agenda", action="store_true",
                        help=_("Lay out the usual agenda of an ordinary assembly or a founding meeting"))
    json_option(create)
    create.set_defaults(run=run_create)

    listing = verbs.add_parser("list", help=_("The meetings, by date"))
    json_option(listing)
    listing.set_defaults(run=run_list)

    verb(verbs, "show", _("A meeting's facts, agenda with results, notices and attendance"), run_show)
    edit = verb(verbs, "edit", _("Correct a meeting's facts; only the options given change"), run_edit)
    _meeting_options(edit, required=False)

    meeting_agenda_cmds.add_parsers(verbs)
    meeting_room_cmds.add_parsers(verbs)
    meeting_vote_cmds.add_parsers(verbs)
    meeting_paper_cmds.add_parsers(verbs)


def _meeting_options(parser: argparse.ArgumentParser, required: bool) -> None:
    # Not given is not set (SUPPRESS): ``meeting edit`` changes only what was asked for.
    keep = {} if required else {"default": argparse.SUPPRESS}
    kinds = ", ".join(f"{name} ({korean})" for name, korean in _KIND_HELP.items())
    parser.add_argument("--kind", choices=list(MEETING_KINDS), required=required,
                        help=_("The kind of meeting: {kinds}", kinds=kinds), **keep)
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", required=required,
                        help=_("The day of the meeting"), **keep)
    parser.add_argument("--time", type=clock, metavar="HH:MM", help=_("The time it starts"), **keep)
    parser.add_argument("--place", help=_("Where it is held"), **keep)
    parser.add_argument("--title", help=_("Its title (default: the year and the kind of meeting)"), **keep)
    parser.add_argument("--convened-by", metavar="NAME", help=_("Who convenes it, as the notice names them"),
                        **keep)
    parser.add_argument("--chair", metavar="NAME", help=_("Who chairs the meeting"), **keep)
    parser.add_argument("--purpose", help=_("The purpose the notice states (default: the title)"), **keep)


def default_title(kind: MeetingKind, day: dt.date) -> str:
    return _("{year} {meeting}", year=day.year, meeting=_(kind.label))


def run_create(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import list_items
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting

    a = ctx.args
    kind = MEETING_KINDS[a.kind]
    db, coop = ctx.database(), ctx.coop()
    given = MeetingInput(kind, a.title or default_title(kind, a.date), a.date, a.time, a.place or "",
                         a.convened_by or "", a.chair or "", None, a.purpose or "")
    view = create_meeting(db, coop.id, given, with_standard_agenda=a.standard_agenda)
    if view.rules.register is Register.DIRECTORS:
        _board_note(ctx, a.date)
    if ctx.json:
        items = list_items(db, coop.id, view.id) if a.standard_agenda else []
        print_json({**meeting_json(view), "items": [item_json(i) for i in items]})
    else:
        say(str(view.id))
    return 0


def _board_note(ctx: Context, day: dt.date) -> None:
    """A co-op under 10 members may have no board (Act 32①): say so, without refusing."""
    from coopdesk.services.meetings.meeting import board_option

    option = board_option(ctx.database(), ctx.coop().id, day)
    if option.optional:
        board = option.requirement
        warn(_(board.message, **board.params) + " " + _("({article})", article=board.article.label(current().language)))


def run_edit(ctx: Context) -> int:
    from coopdesk.services.meetings.meeting import edit_meeting
    from coopdesk.services.meetings.meeting import get_meeting

    db, coop = ctx.database(), ctx.coop()
    old = get_meeting(db, coop.id, ctx.args.meeting)
    view = edit_meeting(db, coop.id, old.id, _edited(ctx.args, old))
    if ctx.json:
        print_json(meeting_json(view))
    else:
        _print_facts(view)
    return 0


# option -> MeetingInput field, for ``meeting edit``
_EDITABLE = {"kind": "kind", "title": "title", "date": "held_on", "time": "starts_at", "place": "place",
             "convened_by": "convened_by", "chair": "chair_name", "purpose": "purpose"}


def _edited(a: argparse.Namespace, old: MeetingView) -> MeetingInput:
    """The meeting as it is, with the options given (the others are not in ``a``: SUPPRESS)."""
    from coopdesk.services.meetings.meeting import MeetingInput

    values = {name: getattr(old, name) for name in _EDITABLE.values()}
    values |= {name: getattr(a, option) for option, name in _EDITABLE.items() if option in a}
    if "kind" in a:
        values["kind"] = MEETING_KINDS[a.kind]
    return MeetingInput(**values)


def run_list(ctx: Context) -> int:
    from coopdesk.services.meetings.meeting import list_meetings

    views = list_meetings(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([meeting_json(v) for v in views])
        return 0
    t = current()
    print_table([_("No."), _("Date"), _("Time"), _("Kind"), _("Title"), _("Place")],
                [[str(v.id), t.date(v.held_on), clock_text(v.starts_at), _(v.kind.label), v.title, v.place]
                 for v in views], right=(0,))
    return 0


def run_show(ctx: Context) -> int:
    from coopdesk.cli.meetings.room import attendance_json, notice_json, print_attendance_summary
    from coopdesk.cli.meetings.votes import item_results, print_agenda
    from coopdesk.services.meetings.attendance import attendance_of
    from coopdesk.services.meetings.notice import list_notices
    from coopdesk.services.meetings.meeting import get_meeting
    from coopdesk.services.meetings.agenda import list_items

    db, coop, number = ctx.database(), ctx.coop(), ctx.args.meeting
    view = get_meeting(db, coop.id, number)
    items = list_items(db, coop.id, number)
    results = item_results(ctx, number, items)
    notices = list_notices(db, coop.id, number)
    room = attendance_of(db, coop.id, number)
    if ctx.json:
        print_json({**meeting_json(view),
                    "items": [{**item_json(i), "result": r.as_json()} for i, r in zip(items, results)],
                    "notices": [notice_json(n) for n in notices],
                    "attendance": attendance_json(room)})
        return 0
    _print_facts(view)
    say()
    print_attendance_summary(room.count)
    say()
    say(_("Notices:") if notices else _("No notice recorded yet."))
    t = current()
    if notices:
        print_table([_("Sent on"), _("How"), _("Note"), _("Late")],
                    [[t.date(n.sent_on), n.method, n.note, n.late_warning or ""] for n in notices])
    say()
    say(_("Agenda:") if items else _("The agenda is empty."))
    if items:
        print_agenda(results)
    return 0


def _print_facts(v: MeetingView) -> None:
    t = current()
    say(_("Meeting {number}: {title}", number=v.id, title=v.title))
    when = t.date(v.held_on, "long") + (" " + clock_text(v.starts_at) if v.starts_at else "")
    pairs = [(_("Kind"), _(v.kind.label)), (_("Date"), when), (_("Place"), v.place),
             (_("Convened by"), v.convened_by), (_("Chair of the meeting"), v.chair_name),
             (_("Purpose"), v.purpose or v.title), (_("Opened at"), clock_text(v.opened_at)),
             (_("Closed at"), clock_text(v.closed_at))]
    print_fields(pairs)

