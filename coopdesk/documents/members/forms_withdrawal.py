"""The withdrawal notice (조합원 탈퇴신청서): who leaves, the day of the notice and the day it takes
effect (the bylaws' notice days), the reason if they wish, and the refund of their capital: the paid-in
capital, when it may be claimed and when the claim lapses (Act 26), the special resolution a refund to
a member who withdrew needs (Act 29②), and the account it is paid to.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.members.forms import GAP, FormRenderer
from coopdesk.domain import law


class WithdrawalRenderer(FormRenderer):
    def build_story(self) -> list[Flowable]:
        f, t = self.form, self.t
        (tick,) = self.ticks(1)
        p = f.person
        return [
            self.para(self.title(), self.heading),
            self.para(t.gettext("Member"), self.section),
            self.boxes([
                [(t.gettext("Member number"), self.of(lambda p: str(p.number))),
                 (t.gettext("Member type"), self.of(lambda p: p.member_type))],
                [(t.gettext("Name"), self.of(lambda p: p.name)),
                 (t.gettext("Birth date"), self.of(self.birth))],
                [(t.gettext("Phone"), self.of(lambda p: p.phone))],
                [(t.gettext("Address"), self.of(lambda p: p.address))],
            ]),
            self.para(t.gettext("Withdrawal"), self.section),
            self.boxes([[(t.gettext("Notice given on"), self.date(p.notice_on if p else None)),
                         (t.gettext("Takes effect on"), self._effective())],
                        [(t.gettext("Reason (if you wish)"), "")]], key_width=34 * mm),
            self.para(self._notice_rule(), self.note),
            self.para(t.gettext("Refund of capital"), self.section),
            self.boxes([[(t.gettext("Paid-in capital"), self._paid_in())],
                        [(t.gettext("Bank"), ""), (t.gettext("Account number"), "")],
                        [(t.gettext("Account holder"), self.of(lambda p: p.name))]], key_width=34 * mm),
            self.para(self._refund_rules(), self.note),
            Spacer(0, 6 * mm),
            self.para(t.gettext("I give notice that I withdraw from {coop}, as stated above.", coop=f.coop.name),
                      self.centred),
            Spacer(0, 2 * mm),
            *self.signature(t.gettext("Member"), p.name if p else None, f.form_date),
            Spacer(0, 6 * mm),
            self.para(self.chair(), self.addressee),
            tick,
        ]

    def _effective(self) -> str:
        p = self.form.person
        if p is not None and p.leaves_on is not None:
            return self.date(p.leaves_on)
        if p is not None and p.notice_on is not None:
            return self.date(p.notice_on + dt.timedelta(days=self.form.coop.withdrawal_notice_days))
        return self.date(None)

    def _paid_in(self) -> str:
        p = self.form.person
        if p is None:
            return self.t.gettext("won {blank}", blank=GAP * 30)
        return self.t.gettext("{amount} ({shares})", amount=self.money(p.paid_in),
                              shares=self.t.ngettext("{count} share", "{count} shares", p.shares,
                                                     count=self.t.number(p.shares)))

    def _notice_rule(self) -> str:
        c, t = self.form.coop, self.t
        return t.gettext("The bylaws ask for notice {days} days before leaving: the withdrawal takes effect {days} "
                         "days after the notice reaches the co-op. No approval is needed.",
                         days=t.number(c.withdrawal_notice_days))

    def _refund_rules(self) -> str:
        c, t, lang = self.form.coop, self.t, self.language
        said = [t.gettext("The refund of your capital can be claimed from the fiscal year after the one you leave in "
                          "({timing}); the claim lapses {years} years after it could first be made ({lapse}).",
                          timing=law.REFUND_FROM_NEXT_FISCAL_YEAR.ref.label(lang),
                          years=t.number(law.REFUND_CLAIM_LAPSE_YEARS.value),
                          lapse=law.REFUND_CLAIM_LAPSE_YEARS.ref.label(lang)),
                t.gettext("A refund to a member who withdrew needs a special resolution of the general assembly "
                          "({article}), and the co-op may hold it back while you owe it money ({withheld}).",
                          article=law.LEAVER_REFUND_SPECIAL_RESOLUTION.ref.label(lang),
                          withheld=law.REFUND_MAY_BE_WITHHELD.ref.label(lang))]
        if c.social:
            said.append(t.gettext("A social co-op refunds the paid-in capital only ({article}).",
                                  article=law.SOCIAL_REFUND_PAID_IN_ONLY.ref.label(lang)))
        elif c.refund_less_losses:
            said.append(t.gettext("As the bylaws say, your share of the co-op's losses is taken off the refund "
                                  "({article}).", article=law.REFUND_LESS_LOSSES.ref.label(lang)))
        return " ".join(said)
