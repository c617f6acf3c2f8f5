"""`coopdesk meeting item add | list | remove | move | text | hearing`: the agenda (안건).

Where the Act fixes the kind of resolution (Act 29②: bylaws, merger, expulsion, ...)
``--kind`` defaults to it and a lower one is refused by the services; other matters
are ordinary resolutions unless the secretary says otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import fields
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk.cli.bylaws.texts import add_text_options
from coopdesk.cli.coop_cmds import _BYLAWS_OPTIONS
from coopdesk.cli.common import Context, UsageError, iso_date, print_json, print_table, say, whole_number
from coopdesk.cli.meetings.common import item_arg, item_at, item_json, verb
from coopdesk.domain import law
from coopdesk.domain.bylaws.texts import AMENDABLE_PARTS, BylawsTexts
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.meetings.rules import MeetingRules
from coopdesk.i18n import _, current

if TYPE_CHECKING:
    from coopdesk.services.meetings.agenda import ItemView


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    item = verbs.add_parser("item", help=_("The agenda: add, list, remove and move items; their text; a hearing"))
    items = item.add_subparsers(dest="item_verb", required=True, metavar="VERB", title=_("commands"))

    add = verb(items, "add", _("Add an item at the end of the agenda"), run_add)
    _item_options(add)

    verb(items, "list", _("The agenda: items in order"), run_list)

    remove = verb(items, "remove", _("Take an item off the agenda (only one nobody has voted on)"), run_remove)
    item_arg(remove)

    move = verb(items, "move", _("Move an item to another place on the agenda"), run_move)
    item_arg(move)
    move.add_argument("--to", type=whole_number(1, 10**5), required=True, metavar="N",
                      help=_("Its new place: 1 for the first"))

    text = verb(items, "text", _("Record an open item's proposal or the summary of its discussion"), run_text)
    item_arg(text)
    text.add_argument("--proposal", help=_("The proposal (\u201c-\u201d reads it from standard input)"))
    text.add_argument("--discussion", help=_("The secretary's summary of the discussion "
                                             "(\u201c-\u201d reads it from standard input)"))

    hearing = verb(items, "hearing", _("An expulsion: record that the member was given the chance to speak"),
                   run_hearing)
    item_arg(hearing)
    hearing.add_argument("--undo", action="store_true", help=_("Take the record back"))


def _item_options(add: argparse.ArgumentParser) -> None:
    subjects = [s.value for s in Subject]
    add.add_argument("--subject", choices=subjects, default=Subject.OTHER.value, metavar="SUBJECT",
                     help=_("What the item is about, where the law cares: {subjects} (default: other)",
                            subjects=", ".join(subjects)))
    add.add_argument("--title", required=True, help=_("The item's title"))
    add.add_argument("--kind", choices=[k.value for k in ResolutionKind],
                     help=_("The kind of resolution (default: what the Act fixes for the subject; "
                            "for other matters an ordinary resolution)"))
    add.add_argument("--proposal", default="", help=_("The proposal put to the meeting"))
    lang = current().language
    expel = add.add_argument_group(_("Expulsion of a member (--subject expulsion)"))
    expel.add_argument("--expel-member", type=whole_number(1, 10**9), metavar="N",
                       help=_("The member's number"))
    expel.add_argument("--grounds", default="", metavar="TEXT",
                       help=_("The grounds for the expulsion, as the member was told them ({article})",
                              article=law.EXPULSION_NOTICE_DAYS.ref.label(lang)))
    expel.add_argument("--grounds-told-on", type=iso_date, metavar="YYYY-MM-DD",
                       help=_("The day the member was told the grounds: at least {days} days before the "
                              "meeting ({article})", days=law.EXPULSION_NOTICE_DAYS.value,
                              article=law.EXPULSION_NOTICE_DAYS.ref.label(lang)))
    bylaws = add.add_argument_group(_("The amended bylaws (--subject bylaws_amendment): the settings in "
                                      "force, changed as given"))
    bylaws.add_argument("--bylaws-json", type=Path, metavar="FILE",
                        help=_("A JSON file of bylaws settings, as \u201ccoopdesk --json coop show\u201d "
                               "writes them; the options below change them further"))
    for option, name, keywords, label in _BYLAWS_OPTIONS:
        if "type" in keywords:
            keywords = {"metavar": "WON" if name == "share_price" else "N", **keywords}
        bylaws.add_argument(option, dest=f"bylaws_{name}", help=_(label), **keywords)
    words = add.add_argument_group(_("The amended words of the bylaws (--subject bylaws_amendment): the text parts "
                                     "in force, changed as given"))
    add_text_options(words)


def default_kind(meeting: int, ctx: Context, subject: Subject) -> ResolutionKind:
    """The Act's kind for the subject at this meeting; an ordinary resolution for "other matters" (Act 29②)."""
    from coopdesk.services.meetings.agenda import choice_for
    from coopdesk.services.meetings.meeting import get_meeting

    return choice_for(get_meeting(ctx.database(), ctx.coop().id, meeting).kind, subject).default


def run_add(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import ItemInput, add_item

    a = ctx.args
    subject = Subject(a.subject)
    kind = ResolutionKind(a.kind) if a.kind else default_kind(a.meeting, ctx, subject)
    texts, bylaws = _new_texts(ctx, a), _new_bylaws(ctx, a, subject)
    if texts is not None and bylaws is None and subject is Subject.BYLAWS_AMENDMENT:
        bylaws = ctx.coop().bylaws  # the words change, the settings stay as they are
    given = ItemInput(subject, a.title, kind, a.proposal, a.expel_member, a.grounds_told_on,
                      bylaws, a.grounds, texts)
    view = add_item(ctx.database(), ctx.coop().id, a.meeting, given)
    if ctx.json:
        print_json(item_json(view))
    else:
        say(_("Item {position} added: {title} ({kind}).", position=view.position, title=view.title,
              kind=_(_rules_of(ctx).kind_label(view.kind))))
    return 0


def _new_texts(ctx: Context, a: argparse.Namespace) -> BylawsTexts | None:
    """The text parts of the bylaws in force, changed as given; None when none is given."""
    from coopdesk.cli.bylaws.texts import texts_from_args
    from coopdesk.services.bylaws.texts import get_texts

    if a.texts_json is None and not any(getattr(a, f"text_{p}") is not None for p in AMENDABLE_PARTS):
        return None
    return texts_from_args(a, get_texts(ctx.database(), ctx.coop().id))


def _new_bylaws(ctx: Context, a: argparse.Namespace, subject: Subject) -> BylawsSettings | None:
    """The bylaws in force, changed by ``--bylaws-json`` and then by the options given.

    Given for another subject, they still go to the service, which refuses them."""
    from coopdesk.services.coops import bylaws_from_dict, bylaws_to_dict

    options = {name: getattr(a, f"bylaws_{name}") for _o, name, _k, _l in _BYLAWS_OPTIONS
               if getattr(a, f"bylaws_{name}") is not None}
    if a.bylaws_json is None and not options:
        return None
    settings = bylaws_to_dict(ctx.coop().bylaws)
    if a.bylaws_json is not None:
        settings |= _read_bylaws_json(a.bylaws_json)
    return bylaws_from_dict(settings | options)


def _read_bylaws_json(path: Path) -> dict[str, Any]:
    """Settings from a file: the object ``coop show --json`` prints, or its "bylaws" part."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise UsageError(_("{file} is not a JSON file: {problem}", file=str(path), problem=str(exc))) from None
    if isinstance(data, dict) and isinstance(data.get("bylaws"), dict):
        data = data["bylaws"]
    if not isinstance(data, dict):
        raise UsageError(_("{file} must hold an object of bylaws settings.", file=str(path)))
    defaults = BylawsSettings()
    known = {f.name for f in fields(BylawsSettings)}
    wrong = sorted(k for k, v in data.items() if k not in known or not _fits(getattr(defaults, k), k, v))
    if wrong:
        raise UsageError(_("{file}: unknown settings or values of the wrong kind: {names}.",
                           file=str(path), names=", ".join(wrong)))
    return data


def _fits(default: object, name: str, value: object) -> bool:
    if isinstance(default, Enum):
        return value in {e.value for e in type(default)}
    if default is None or name == "max_shares_per_member":  # "no limit" or a number
        return value is None or type(value) is int
    return type(value) is type(default)  # a bool is not a number here, nor a number a bool


def run_list(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import list_items

    return _print_items(ctx, list_items(ctx.database(), ctx.coop().id, ctx.args.meeting))


def _rules_of(ctx: Context) -> MeetingRules:
    """The rules of the meeting asked for: the resolution its room applies names each item."""
    from coopdesk.services.meetings.meeting import get_meeting

    return get_meeting(ctx.database(), ctx.coop().id, ctx.args.meeting).rules


def _print_items(ctx: Context, items: list[ItemView]) -> int:
    if ctx.json:
        print_json([item_json(i) for i in items])
        return 0
    rules = _rules_of(ctx)
    print_table([_("No."), _("Title"), _("Subject"), _("Resolution"), _("State")],
                [[str(i.position), i.title, _(i.subject.label), _(rules.kind_label(i.kind)),
                  _("closed") if i.closed else _("open")] for i in items], right=(0,))
    return 0


def run_remove(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import remove_item
    from coopdesk.services.meetings.agenda import list_items

    a, coop = ctx.args, ctx.coop()
    item = item_at(ctx, a.meeting, a.position)
    remove_item(ctx.database(), coop.id, item.id)
    if not ctx.json:
        say(_("Item {position} removed: {title}.", position=item.position, title=item.title))
    return _print_items(ctx, list_items(ctx.database(), coop.id, a.meeting))


def run_move(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import move_item

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    return _print_items(ctx, move_item(ctx.database(), ctx.coop().id, item.id, a.to))


def run_text(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import record_item_text

    a = ctx.args
    if a.proposal is None and a.discussion is None:
        raise UsageError(_("Give --proposal or --discussion."))
    if a.proposal == "-" and a.discussion == "-":
        raise UsageError(_("Only one of --proposal and --discussion can be read from standard input."))
    item = item_at(ctx, a.meeting, a.position)
    view = record_item_text(ctx.database(), ctx.coop().id, item.id, proposal=_stdin_or(a.proposal),
                            discussion=_stdin_or(a.discussion))
    if ctx.json:
        print_json(item_json(view))
    else:
        say(_("Recorded the text of item {position}.", position=view.position))
    return 0


def _stdin_or(text: str | None) -> str | None:
    return sys.stdin.read() if text == "-" else text


def run_hearing(ctx: Context) -> int:
    from coopdesk.services.meetings.agenda import record_hearing

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    view = record_hearing(ctx.database(), ctx.coop().id, item.id, heard=not a.undo)
    if ctx.json:
        print_json(item_json(view))
    elif view.heard:
        say(_("Recorded: member {number} was given the chance to speak on item {position}.",
              number=view.expel_member, position=view.position))
    else:
        say(_("The record of a hearing on item {position} is taken back.", position=view.position))
    return 0
