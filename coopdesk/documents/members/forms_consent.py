"""The consent to collecting and using personal data (개인정보 수집·이용 동의서) that goes with the
membership application (Personal Information Protection Act art. 15 and 22).

What art. 15② asks the co-op to say before it asks: the purpose, the items collected, how long they
are kept, and the right to refuse with its consequence; and who else receives them (art. 17②: no one,
but where a law requires it).  Each matter is consented to on its own (art. 22①), the required items
apart from the optional one (art. 22③): two "agree / do not agree" boxes, ticked by hand.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.members.forms import EMPTY, GAP, FormRenderer
from coopdesk.domain import law


class ConsentRenderer(FormRenderer):
    def build_story(self) -> list[Flowable]:
        f, t = self.form, self.t
        (tick,) = self.ticks(1)
        p = f.person
        return [
            self.para(self.title(), self.heading),
            self.para(t.gettext("{coop} collects and uses the personal data below to keep its members' register "
                                "and serve its members, as {article} requires it to tell you before asking for "
                                "your consent.", coop=f.coop.name,
                                article=law.PERSONAL_DATA_CONSENT.ref.label(self.language)), self.small),
            Spacer(0, 2 * mm),
            self.text_box(self._matters()),
            self.para(t.gettext("1. Required items"), self.section),
            self.text_box([(t.gettext("Items"), t.gettext("Name, birth date, phone number, address")),
                           (t.gettext("Consent"), self._boxes())]),
            self.para(t.gettext("2. Optional item"), self.section),
            self.text_box([(t.gettext("Items"), t.gettext("E-mail address")),
                           (t.gettext("Consent"), self._boxes())]),
            self.para(t.gettext("Each matter is consented to on its own ({article}).",
                                article=law.PERSONAL_DATA_CONSENT_SEPARATE.ref.label(self.language)), self.note),
            Spacer(0, 6 * mm),
            self.para(t.gettext("I have read the above and give my consent as ticked."), self.centred),
            Spacer(0, 2 * mm),
            *self.signature(t.gettext("Member"), p.name if p else None, f.form_date),
            Spacer(0, 6 * mm),
            self.para(self.chair(), self.addressee),
            tick,
        ]

    def _matters(self) -> list[tuple[str, str]]:
        t = self.t
        return [
            (t.gettext("Purpose of collecting and using"), t.gettext(
                "Admitting members and keeping the member register; notices of general assemblies and other notices "
                "to members; managing, refunding and paying dividends on members' capital; telling members about "
                "the co-op's business and education.")),
            (t.gettext("Items collected"), t.gettext(
                "Required: name, birth date, phone number, address. Optional: e-mail address. No resident "
                "registration number is collected.")),
            (t.gettext("How long they are kept"), t.gettext(
                "While you are a member; after you leave, until your capital is refunded and the records the co-op "
                "must keep by law (the member register) no longer need them. Then they are destroyed.")),
            (t.gettext("Who else receives them"), t.gettext(
                "No one, except where a law requires it: members and creditors of the co-op may read the member "
                "register, and a public authority may ask for it under a law.")),
            (t.gettext("Your right to refuse"), t.gettext(
                "You may refuse to consent. Without the required items the co-op cannot keep you on its member "
                "register, so it cannot accept your application. Refusing the optional item has no consequence.")),
        ]

    def _boxes(self) -> str:
        # Left to tick by hand even on a filled form: the member consents by ticking and signing.
        t = self.t
        agree, disagree = t.gettext("I agree"), t.gettext("I do not agree")
        return f"{EMPTY} {agree}{GAP * 6}{EMPTY} {disagree}"
