"""`coopdesk print ballots | election-notice | election-result | officer-list`.

The papers of an officer election, through ``services.elections.printing`` (which loads
reportlab only when a paper is printed): ballot papers for the contests open for voting (one
per voter present, unless ``--copies``), the election announcement (선거 공고), the result
announcement (당선 공고) and the officer list for the change registration (임원 명부).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, iso_date, whole_number
from coopdesk.cli.elections.common import contest_of, load
from coopdesk.cli.printing import (
    MEETING_FILE_HELP,
    add_output_options,
    document_language,
    report_written,
)
from coopdesk.i18n import N_, _

_number = whole_number(1, 10**9)
# The papers, as ElectionPaperKind names them (not imported here: it would load reportlab).
_PAPERS = (("ballots", N_("Ballot papers of an election (투표용지), for the contests open for voting")),
           ("election-notice", N_("The announcement of an election (선거 공고)")),
           ("election-result", N_("The announcement of an election's result (당선 공고)")),
           ("officer-list", N_("The officer list for the change registration (임원 명부)")))


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The election papers under ``coopdesk print``."""
    for name, text in _PAPERS:
        paper = docs.add_parser(name, help=_(text))
        paper.add_argument("--election", type=_number, required=name != "officer-list", metavar="ELECTION",
                           help=_("Number of the election") if name != "officer-list" else
                           _("The election whose new officers are marked (default: none)"))
        add_output_options(paper, file_help=MEETING_FILE_HELP)
        if name == "ballots":
            paper.add_argument("--copies", type=whole_number(1, 10**5), metavar="N",
                               help=_("Papers per contest (default: the voters present)"))
            paper.add_argument("--per-page", type=int, choices=(1, 2, 4), default=4,
                               help=_("Ballot papers on each A4 sheet (default: 4)"))
            paper.add_argument("--contest", action="append", default=[], metavar="CONTEST",
                               help=_("Only this contest (default: those open for voting)"))
        if name in ("election-result", "officer-list"):
            paper.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                               help=_("The date of the paper (default: today; the officer list of an "
                                      "election: the first day of the new terms)"))
        paper.set_defaults(run=run_print_election_paper, paper=name)


def run_print_election_paper(ctx: Context) -> int:
    from coopdesk.services.elections.printing import (
        ElectionPaperKind,
        print_election_paper,
        suggested_election_name,
    )

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = ElectionPaperKind(a.paper)
    language = document_language(a)
    contests: tuple[int, ...] = ()
    if getattr(a, "contest", None):
        election = load(ctx)
        contests = tuple(contest_of(election, text).id for text in a.contest)
    path = a.pdf or Path.cwd() / suggested_election_name(db, coop.id, kind, language, a.election)
    result = print_election_paper(db, coop.id, kind, path, language, election_id=a.election,
                                  copies=getattr(a, "copies", None), per_page=getattr(a, "per_page", 4),
                                  contest_ids=contests, as_of=getattr(a, "as_of", None))
    return report_written(ctx, result)
