"""The membership application (조합원 가입신청서): who applies, their member type, the shares they
subscribe at the bylaws' share price and the amount, their consent to the bylaws, and their
signature, addressed to the co-op's chair.  The consent to the use of personal data goes with it
on its own page (``forms_consent``), as the Personal Information Protection Act wants it apart.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.members.forms import EMPTY, GAP, FormRenderer
from coopdesk.domain.capital.words import won_in_words
from coopdesk.domain.coop import MembershipStarts


class ApplicationRenderer(FormRenderer):
    def build_story(self) -> list[Flowable]:
        f, t = self.form, self.t
        (tick,) = self.ticks(1)
        return [
            self.para(self.title(), self.heading),
            self.para(t.gettext("The applicant"), self.section),
            self.boxes(self._applicant()),
            self.para(t.gettext("Capital to subscribe"), self.section),
            self.boxes([[(t.gettext("Shares and amount"), self._subscription())]], height=14 * mm),
            self.para(self._terms(), self.note),
            self.para(t.gettext("Consent to the bylaws"), self.section),
            self.text_box([(t.gettext("Bylaws"), self._bylaws_consent())]),
            Spacer(0, 8 * mm),
            self.para(t.gettext("I apply to join {coop} as a member, as stated above.", coop=f.coop.name),
                      self.centred),
            Spacer(0, 4 * mm),
            *self.signature(t.gettext("The applicant"), f.person.name if f.person else None, f.form_date),
            Spacer(0, 8 * mm),
            self.para(self.chair(), self.addressee),
            Spacer(0, 4 * mm),
            self.para(t.gettext("Attached: the consent to collecting and using personal data."), self.note),
            tick,
        ]

    def _applicant(self) -> list[list[tuple[str, str]]]:
        p, t = self.form.person, self.t
        return [
            [(t.gettext("Name"), self.of(lambda p: p.name)),
             (t.gettext("Birth date"), self.of(self.birth))],
            [(t.gettext("Phone"), self.of(lambda p: p.phone)), (t.gettext("E-mail"), self.of(lambda p: p.email))],
            [(t.gettext("Address"), self.of(lambda p: p.address))],
            [(t.gettext("Member type"), self.choices(self.form.coop.member_types, p.member_type if p else None))],
        ]

    def _subscription(self) -> str:
        p, t, c = self.form.person, self.t, self.form.coop
        price = self.money(c.share_price)
        if p is None or not p.shares:
            return t.gettext("{shares} shares × {price} a share = {amount}", shares=GAP * 10, price=price,
                             amount=t.gettext("won {blank}", blank=GAP * 30))
        amount = p.shares * c.share_price
        return t.gettext("{shares} shares × {price} a share = {amount}", shares=t.number(p.shares), price=price,
                         amount=f"{won_in_words(amount, self.language)} ({self.money(amount)})")

    def _terms(self) -> str:
        c, t = self.form.coop, self.t
        said = [t.ngettext("At least {count} share", "At least {count} shares", c.min_shares,
                           count=t.number(c.min_shares))]
        if c.max_shares is not None:
            said.append(t.gettext("at most {count}", count=t.number(c.max_shares)))
        said.append(t.gettext("one share {price}", price=self.money(c.share_price)))
        starts = (t.gettext("Membership starts when the first instalment is paid.")
                  if c.membership_starts is MembershipStarts.FIRST_INSTALMENT and c.instalments_allowed else
                  t.gettext("Membership starts when the capital subscribed is paid in full."))
        return t.gettext("As the bylaws say: {terms}. {starts}", terms=", ".join(said), starts=starts)

    def _bylaws_consent(self) -> str:
        # Left to tick by hand even on a filled form: the applicant consents by ticking and signing.
        f, t = self.form, self.t
        return t.gettext("{box} I share the purpose of {coop}, have read its bylaws, and will keep the bylaws "
                         "and the rules made under them.", box=EMPTY, coop=f.coop.name)

