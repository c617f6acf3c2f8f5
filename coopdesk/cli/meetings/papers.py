"""`coopdesk meeting times | signers` and `coopdesk print notice | attendance | proxy-form | minutes`.

What the minutes (의사록) need besides the votes: when the chair opened and closed the
meeting, who chaired it, and the members elected to sign (Act 30③: the chair and at least
three; at a board, every director who attended).  Final minutes are refused without them;
``--draft`` prints what there is with a DRAFT mark.  The printing services load reportlab,
so they are imported only when a paper is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coopdesk.cli.common import Context, UsageError, print_json, print_table, say, warn, whole_number
from coopdesk.cli.meetings.common import clock, verb
from coopdesk.cli.printing import MEETING_FILE_HELP, add_output_options, document_language, report_written
from coopdesk.domain import law
from coopdesk.i18n import N_, _, current, ngettext, refusal_text

if TYPE_CHECKING:
    from coopdesk.services.meetings.signers import SignerChoice

_number = whole_number(1, 10**9)
# The papers, as MeetingPaperKind names them (not imported here: it would load reportlab).
_PAPERS = (("notice", N_("The notice of a meeting (소집통지서)")),
           ("attendance", N_("The attendance sheet of a meeting (출석부), with signature lines")),
           ("proxy-form", N_("A blank proxy form for a meeting (위임장), one per page")),
           ("minutes", N_("The minutes of a meeting (의사록)")))


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    times = verb(verbs, "times", _("Record when the chair opened and closed the meeting, and who chaired it"),
                 run_times)
    times.add_argument("--opened", type=clock, metavar="HH:MM", help=_("The time the meeting opened"))
    times.add_argument("--closed", type=clock, metavar="HH:MM", help=_("The time the meeting closed"))
    times.add_argument("--chair", metavar="NAME", help=_("Who chaired the meeting"))

    minimum = law.MINUTES_MIN_SIGNING_MEMBERS
    signers = verb(verbs, "signers", _(
        "Choose the members who sign the minutes with the chair: at least {minimum}, elected at the meeting "
        "from those who came in person ({article}). Without numbers: who may sign",
        minimum=minimum.value, article=minimum.ref.label(current().language)), run_signers)
    signers.add_argument("keys", type=_number, nargs="*", metavar="MEMBER",
                         help=_("Member numbers, in signing order; they replace the members chosen before"))
    signers.add_argument("--clear", action="store_true", help=_("Choose nobody"))


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The meeting papers under ``coopdesk print``, beside ``print register``."""
    for name, text in _PAPERS:
        paper = docs.add_parser(name, help=_(text))
        paper.add_argument("--meeting", type=_number, required=True, metavar="MEETING",
                           help=_("Number of the meeting (\u201ccoopdesk meeting list\u201d shows them)"))
        add_output_options(paper, file_help=MEETING_FILE_HELP)
        if name == "minutes":
            paper.add_argument("--draft", action="store_true",
                               help=_("A draft marked DRAFT: open items and missing signers are allowed"))
        paper.set_defaults(run=run_print_paper, paper=name)


# -- times and signers ----------------------------------------------------------------------

def run_times(ctx: Context) -> int:
    from coopdesk.cli.meetings.common import clock_text, meeting_json
    from coopdesk.services.meetings.meeting import record_times

    a = ctx.args
    if a.opened is None and a.closed is None and a.chair is None:
        raise UsageError(_("Give --opened, --closed or --chair."))
    view = record_times(ctx.database(), ctx.coop().id, a.meeting, opened_at=a.opened, closed_at=a.closed,
                        chair_name=a.chair)
    if ctx.json:
        print_json(meeting_json(view))
    else:
        say(_("Opened {opened}, closed {closed}, chaired by {chair}.", opened=clock_text(view.opened_at) or "-",
              closed=clock_text(view.closed_at) or "-", chair=view.chair_name or "-"))
    return 0


def run_signers(ctx: Context) -> int:
    from coopdesk.services.meetings.signers import choose_minute_signers, signer_candidates

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    if a.clear and a.keys:
        raise UsageError(_("Give member numbers or --clear, not both."))
    if a.keys or a.clear:
        view = choose_minute_signers(db, coop.id, a.meeting, a.keys)
    else:
        view = signer_candidates(db, coop.id, a.meeting)
    problem = view.state.problem
    if ctx.json:
        print_json({"signers": [{"key": c.key, "name": c.name, "chosen": c.chosen} for c in _ordered(view, a.keys)],
                    "enough": problem is None, "problem": None if problem is None else refusal_text(problem)})
        return 0
    print_table([_("No."), _("Name"), _("Signs")],
                [[str(c.key), c.name, _("Yes") if c.chosen else ""] for c in _ordered(view, a.keys)],
                right=(0,))
    chosen = len(view.chosen)
    if problem is None:
        say(ngettext("{count} signer chosen: enough for the final minutes.",
                     "{count} signers chosen: enough for the final minutes.", chosen, count=chosen))
    else:
        warn(_("Not enough for the final minutes yet: {problem}", problem=refusal_text(problem)))
    return 0


def _ordered(choices: Sequence[SignerChoice], keys: list[int]) -> list[SignerChoice]:
    """The chosen in the order given (the signing order), then the others."""
    rank = {k: i for i, k in enumerate(keys)}
    return sorted(choices, key=lambda c: (not c.chosen, rank.get(c.key, len(rank)), c.key))


# -- printing -----------------------------------------------------------------------------

def run_print_paper(ctx: Context) -> int:
    from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper, suggested_name

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = MeetingPaperKind(a.paper)
    language = document_language(a)
    draft = bool(getattr(a, "draft", False))
    path = a.pdf or Path.cwd() / suggested_name(db, coop.id, a.meeting, kind, language, draft=draft)
    result = print_meeting_paper(db, coop.id, a.meeting, kind, path, language, draft=draft)
    return report_written(ctx, result)
