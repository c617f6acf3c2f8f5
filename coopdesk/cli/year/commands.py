"""`coopdesk year list | done | undone | calendar`: what the law expects of the co-op next.

``list`` shows the open tasks by due date (overdue first), then the ones marked done; ``done``
and ``undone`` mark a task by its key (``year list`` shows the keys); ``calendar`` writes the
open tasks as an iCalendar file a phone's calendar imports.  ``--today`` counts from another day.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk import i18n
from coopdesk.cli.common import Context, iso, iso_date, print_json, print_table, say
from coopdesk.i18n import N_, _, current

if TYPE_CHECKING:
    from coopdesk.services.year.agenda import TaskView

URGENCY_WORDS = {"overdue": N_("Past due"), "soon": N_("Due soon"), "later": N_("Not yet due")}


def add_verbs(year: argparse.ArgumentParser) -> None:
    year.description = _("The co-op's year: what the law expects next and by when, from the co-op's own "
                         "records; each task can be marked done.")
    verbs = year.add_subparsers(dest="verb", required=True, metavar="VERB", title=_("commands"))

    listing = verbs.add_parser("list", help=_("The tasks: open ones by due date, then the ones marked done"))
    _today(listing)
    listing.set_defaults(run=run_list)

    done = verbs.add_parser("done", help=_("Mark a task done (\u201cyear list\u201d shows the keys)"))
    done.add_argument("key", metavar="KEY", help=_("The task's key, e.g. ordinary_assembly:2026"))
    done.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("The day it was done (default: today)"))
    done.add_argument("--note", default="", help=_("A note: what was done, where it is filed"))
    _today(done)
    done.set_defaults(run=run_done)

    undone = verbs.add_parser("undone", help=_("Take the \u201cdone\u201d mark off a task"))
    undone.add_argument("key", metavar="KEY", help=_("The task's key"))
    _today(undone)
    undone.set_defaults(run=run_undone)

    calendar = verbs.add_parser("calendar", help=_("Write the open tasks to an iCalendar (.ics) file for a "
                                                   "phone's calendar"))
    calendar.add_argument("-o", "--output", required=True, metavar="FILE.ics", help=_("The file to write"))
    calendar.add_argument("--language", choices=i18n.LANGUAGES,
                          help=_("The language of the events (default: the language of messages)"))
    _today(calendar)
    calendar.set_defaults(run=run_calendar)


def _today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The day the deadlines are counted from (default: today)"))


def _day(ctx: Context) -> dt.date:
    return ctx.args.today or dt.date.today()


def task_json(task: TaskView, today: dt.date) -> dict[str, Any]:
    from coopdesk.services.year.agenda import deadline_text

    d, t = task.deadline, current()
    return {"key": d.key, "kind": d.kind.value, "due_on": iso(d.due_on), "urgency": d.urgency(today).value,
            "warning": d.warning, "on_hold": d.on_hold, "area": d.area, "target_id": d.target_id,
            "article": d.ref.label(t.language), "text": deadline_text(d, t),
            "params": {k: iso(v) if isinstance(v, dt.date) else list(v) if isinstance(v, tuple) else v
                       for k, v in d.params.items()},
            "done_on": iso(task.done_on), "done_note": task.done_note, "done_by": task.done_by}


def run_list(ctx: Context) -> int:
    from coopdesk.services.year.agenda import deadline_text, year_agenda

    today = _day(ctx)
    agenda = year_agenda(ctx.database(), ctx.coop().id, today)
    if ctx.json:
        print_json({"today": iso(today), "tasks": [task_json(task, today) for task in agenda.tasks]})
        return 0
    t = current()
    if not agenda.tasks:
        say(_("Nothing the law expects is due."))
        return 0
    rows = []
    for task in agenda.tasks:
        d = task.deadline
        if task.done_on is not None:
            state = _("Done {date}", date=t.date(task.done_on))
        elif d.warning and d.due_on == today:  # a state to put right, not a date
            state = _("Act now")
        elif d.on_hold:  # waits on someone else: a refund withheld while the member owes the co-op
            state = _("Withheld")
        else:
            state = _(URGENCY_WORDS[d.urgency(today).value])
        rows.append([t.date(d.due_on), state, deadline_text(d, t), d.ref.label(t.language), d.key])
    print_table([_("Due"), _("State"), _("What to do"), _("Article"), _("Key")], rows)
    return 0


def run_done(ctx: Context) -> int:
    from coopdesk.services.year.agenda import deadline_text, mark_done

    today = _day(ctx)
    task = mark_done(ctx.database(), ctx.coop().id, ctx.args.key, on=ctx.args.on or today, note=ctx.args.note,
                     today=today)
    if ctx.json:
        print_json(task_json(task, today))
    else:
        say(_("Marked done on {date}: {task}", date=current().date(task.done_on),
              task=deadline_text(task.deadline, current())))
    return 0


def run_undone(ctx: Context) -> int:
    from coopdesk.services.year.agenda import unmark_done

    today = _day(ctx)
    task = unmark_done(ctx.database(), ctx.coop().id, ctx.args.key, today=today)
    if ctx.json:
        print_json({"key": ctx.args.key, "open": task is not None})
    else:
        say(_("The task {key} is no longer marked done.", key=ctx.args.key))
    return 0


def run_calendar(ctx: Context) -> int:
    from coopdesk.services.year.calendar import calendar_ics

    today = _day(ctx)
    language = ctx.args.language or current().language
    data = calendar_ics(ctx.database(), ctx.coop().id, today, language)
    target = Path(ctx.args.output).expanduser()
    target.write_bytes(data)  # a file that cannot be written: said in plain words by the command line
    events = data.count(b"BEGIN:VEVENT")
    if ctx.json:
        print_json({"path": str(target), "events": events, "language": language})
    else:
        say(_("Wrote {count} event(s) to {path}.", count=events, path=str(target)))
    return 0
