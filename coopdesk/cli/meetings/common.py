"""What the `coopdesk meeting` commands share: arguments, names and JSON of meetings and items.

Items are addressed by their place on the agenda (1 for the first), as the secretary
reads them out; attendees by member number, or at a board meeting by the director's
term number (``coopdesk officer list``), since a director need not be a member.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import Context, iso, print_json, warn, whole_number
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import Register
from coopdesk.domain.text import Explanation
from coopdesk.i18n import N_, _, current, refusal_text

if TYPE_CHECKING:
    from coopdesk.services.meetings.agenda import ItemView
    from coopdesk.services.meetings.meeting import MeetingView

# The kinds as the command line names them; JSON output uses the same names.
MEETING_KINDS = {"ordinary": MeetingKind.ORDINARY_ASSEMBLY, "extraordinary": MeetingKind.EXTRAORDINARY_ASSEMBLY,
                 "founding": MeetingKind.FOUNDING, "board": MeetingKind.BOARD}
KIND_NAMES = {kind: name for name, kind in MEETING_KINDS.items()}

ATTENDEE_HELP = N_("Member number; at a board meeting, the director's term number "
                   "(\u201ccoopdesk officer list\u201d shows them)")
_number = whole_number(1, 10**9)

# -- arguments ---------------------------------------------------------------------------

def clock(text: str) -> dt.time:
    """An argparse ``type``: a time of day written HH:MM."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("\u201c{value}\u201d is not a time: write it as HH:MM.", value=text)) from None


def json_option(parser: argparse.ArgumentParser) -> None:
    """``--json`` after the verb too; SUPPRESS keeps the global ``--json`` when not repeated here."""
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help=_("Machine-readable output"))


def meeting_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", type=_number, metavar="MEETING",
                        help=_("Number of the meeting (\u201ccoopdesk meeting list\u201d shows them)"))


def item_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("position", type=whole_number(1, 10**5), metavar="ITEM",
                        help=_("The item's place on the agenda: 1 for the first"))


def attendee_arg(parser: argparse.ArgumentParser, many: bool = False) -> None:
    parser.add_argument("keys" if many else "key", type=_number, metavar="MEMBER", nargs="+" if many else None,
                        help=_(ATTENDEE_HELP))


def verb(verbs: argparse._SubParsersAction, name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
    """A meeting verb: the meeting's number first, ``--json`` accepted after it."""
    parser = verbs.add_parser(name, help=help_text, description=help_text)
    meeting_arg(parser)
    json_option(parser)
    parser.set_defaults(run=run)
    return parser


# -- reading -----------------------------------------------------------------------------

def item_at(ctx: Context, meeting_id: int, position: int) -> ItemView:
    """The item at this place of the meeting's agenda, or a refusal naming the places there are."""
    from coopdesk.services.meetings.agenda import list_items

    items = list_items(ctx.database(), ctx.coop().id, meeting_id)
    for item in items:
        if item.position == position:
            return item
    if not items:
        raise Refusal(N_("Meeting {meeting} has no items on its agenda yet."), field="item", meeting=meeting_id)
    raise Refusal(N_("Meeting {meeting} has no item {position}; its items are numbered 1 to {count}."),
                  field="item", meeting=meeting_id, position=position, count=len(items))


def register_of(ctx: Context, meeting_id: int) -> Register:
    """Whom the meeting's register holds (its rule): members, consenters or directors by term."""
    from coopdesk.services.meetings.meeting import get_meeting

    return get_meeting(ctx.database(), ctx.coop().id, meeting_id).rules.register


def attendee(register: Register, key: int, name: str) -> str:
    """"조합원03 (member 3)", or a director with the number of the term."""
    if register is Register.DIRECTORS:
        return _("{name} (term {id})", name=name, id=key)
    return _("{name} (member {number})", name=name, number=key)


def report_refusal(ctx: Context, exc: Refusal) -> None:
    """A refusal as ``coopdesk`` reports it, for a command that goes on or adds a hint."""
    warn(refusal_text(exc))
    if ctx.json:
        print_json(refusal_json(exc))


def refusal_json(exc: Refusal) -> dict[str, Any]:
    return {"error": refusal_text(exc), "field": exc.field, "article": article_of(exc.article)}


def article_of(ref: LawRef | None) -> str | None:
    return None if ref is None else ref.label(current().language)


def with_article(text: str, ref: LawRef | None) -> str:
    """A sentence and, where it comes from the law, its article in the screen's language."""
    label = article_of(ref)
    return text + " " + _("({article})", article=label) if label else text


def explained(sentence: Explanation, ref: LawRef | None = None) -> str:
    """A sentence of the rules in the screen's language, its numbers formatted, with its article."""
    t = current()
    return with_article(_(sentence.message, **{k: t.number(v) for k, v in sentence.params}), ref)


# -- output ------------------------------------------------------------------------------

def clock_text(value: dt.time | None) -> str:
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def meeting_json(v: MeetingView) -> dict[str, Any]:
    return {"id": v.id, "kind": KIND_NAMES[v.kind], "title": v.title, "date": iso(v.held_on),
            "time": clock_text(v.starts_at) or None, "place": v.place, "convened_by": v.convened_by,
            "chair": v.chair_name, "purpose": v.purpose, "opened": clock_text(v.opened_at) or None,
            "closed": clock_text(v.closed_at) or None, "consenters": v.consenters}


def item_json(v: ItemView) -> dict[str, Any]:
    return {"item": v.position, "id": v.id, "subject": v.subject.value, "title": v.title, "kind": v.kind.value,
            "proposal": v.proposal, "discussion": v.discussion, "closed": v.closed,
            "expel_member": v.expel_member, "grounds": v.grounds, "grounds_told_on": iso(v.grounds_told_on),
            "heard": v.heard}
