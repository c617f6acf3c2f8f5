"""`coopdesk member consent-missing [--json]`: members on the register with no consent to the
collection and use of their personal data recorded (개인정보 수집·이용 동의, Personal Information
Protection Act art. 15).  The day of a consent is recorded with `member edit N --consent-date`."""

from __future__ import annotations

import argparse

from coopdesk.cli.common import Context, iso, print_json, print_table, say
from coopdesk.i18n import _, current, ngettext


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    missing = verbs.add_parser("consent-missing", help=_("Members on the register with no consent to the use of "
                                                         "their personal data recorded"))
    missing.set_defaults(run=run_consent_missing)


def run_consent_missing(ctx: Context) -> int:
    from coopdesk.services.members.consent import consent_missing

    rows = consent_missing(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([{"number": r.number, "name": r.name, "type": r.member_type, "status": r.status.value,
                     "joined_on": iso(r.joined_on), "phone": r.phone} for r in rows])
        return 0
    t = current()
    if not rows:
        say(_("Every member on the register has a recorded consent to the use of their personal data."))
        return 0
    print_table([_("No."), _("Name"), _("Type"), _("Status"), _("Joined"), _("Phone")],
                [[str(r.number), r.name, r.member_type, _(r.status.label), t.date(r.joined_on), r.phone]
                 for r in rows], right=(0,))
    say(ngettext("{count} member has no recorded consent to the use of their personal data.",
                 "{count} members have no recorded consent to the use of their personal data.", len(rows),
                 count=t.number(len(rows))))
    return 0
