"""The capital papers rendered from plain values and read back with pypdf: amounts in figures
and in Korean words, one certificate a page, a 300-member register with its totals on the last
page, the refund statement's dates, page counts, fonts, and Cancel."""

from __future__ import annotations

import datetime as dt
import io
import random
import re

import pytest
from pypdf import PdfReader

from coopdesk.documents.capital.certificate import render_certificates
from coopdesk.documents.capital.refund import render_refund_statement
from coopdesk.documents.capital.register import COLUMNS, render_capital_register
from coopdesk.documents.capital.statement import render_statement
from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.papers import (
    CapitalRegisterPaper,
    Certificate,
    CertificatePaper,
    CoopFacts,
    Holder,
    Payment,
    RefundPaper,
    RegisterLine,
    RegisterTotals,
    ResolutionFacts,
    StatementLine,
    StatementPaper,
)
from coopdesk.domain.capital.refunds import ClaimState, refund_window
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import Translator
from tests.domain.capital.test_words import read_english, read_korean

D = dt.date
PRICE = 10_000
COOP = CoopFacts("햇살마을협동조합", "서울특별시 마포구 성미산로 10", "김이사", PRICE, "152:1a2b3c4d5e6f")
ISSUED = D(2026, 3, 2)


def holder(n: int, status: MemberStatus = MemberStatus.MEMBER) -> Holder:
    return Holder(n, f"조합원{n:03d}", D(1970, 1, 1) + dt.timedelta(days=n * 97), "소비자조합원",
                  f"서울특별시 마포구 성미산로 {n}", D(2025, 1, 2), status)


def certificate(n: int, shares: int, paid: int | None = None) -> Certificate:
    paid = shares * PRICE if paid is None else paid
    return Certificate(f"{n}-{n:04d}", holder(n), shares, paid, shares * PRICE - paid,
                       (Payment(D(2025, 1, 3), EntryKind.PAYMENT, paid),))


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("language", ["ko", "en"])
def test_each_certificate_is_one_page_with_its_amount_in_words_that_read_back(language):
    rnd = random.Random(13)
    certificates = [certificate(n, rnd.randrange(1, 10**6)) for n in range(1, 7)]
    pdf = render_certificates(CertificatePaper(COOP, ISSUED, certificates), language)
    pages = read(pdf).pages
    assert len(pages) == len(certificates)
    pattern = r"금 \S+원정" if language == "ko" else r"Won [a-z -]+? only"
    reader = read_korean if language == "ko" else read_english
    for page, c in zip(pages, certificates):
        text = page.extract_text()
        assert c.holder.name in text and f"{c.number}" in text
        (words,) = re.findall(pattern, " ".join(text.split()))
        assert reader(words) == c.paid  # the words on the paper, read back, are the amount
        assert Translator(language).money(c.paid) in text


def test_a_certificate_has_the_co_op_its_chair_and_the_seal():
    text = read(render_certificates(CertificatePaper(COOP, ISSUED, [certificate(1, 10)]), "ko")).pages[0].extract_text()
    for expected in ("출 자 증 서", "햇살마을협동조합", "이사장 김이사", "직인", "제 1-0001 호", "2026년 3월 2일", "10,000원"):
        assert expected in text, expected


def test_unpaid_shares_and_many_payments_are_stated():
    c = Certificate("9-0100", holder(9), 20, 150_000, 50_000,
                    tuple(Payment(D(2025, m, 1), EntryKind.PAYMENT, 15_000) for m in range(1, 11)))
    text = flat(read(render_certificates(CertificatePaper(COOP, ISSUED, [c]), "ko")).pages[0].extract_text())
    assert "미납출자금50,000원" in text and "금일십오만원정" in text
    assert "외4건,합계60,000원" in text  # six lines shown, the other four summed up


def test_cancel_stops_between_certificates():
    asked: list[int] = []
    with pytest.raises(Cancelled):
        render_certificates(CertificatePaper(COOP, ISSUED, [certificate(n, 10) for n in range(1, 6)]), "en",
                            progress=lambda done, total: asked.append(done) or done < 2)
    assert asked == [1, 2]


REGISTER_MEMBERS = 300


def register_lines(count: int) -> list[RegisterLine]:
    rnd = random.Random(5)
    lines = []
    for n in range(1, count + 1):
        shares = rnd.randrange(1, 40)
        paid = shares * PRICE - rnd.choice((0, 0, 0, PRICE))
        lines.append(RegisterLine(n, f"조합원{n:03d}", MemberStatus.MEMBER, D(2020, 1, 1) + dt.timedelta(days=n),
                                  shares, paid, shares * PRICE - paid))
    return lines


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_300_member_register_runs_over_pages_with_the_totals_on_the_last(language):
    t = Translator(language)
    lines = register_lines(REGISTER_MEMBERS)
    totals = RegisterTotals(len(lines), len(lines), sum(x.shares for x in lines), sum(x.paid for x in lines),
                            sum(x.unpaid for x in lines))
    pages = read(render_capital_register(CapitalRegisterPaper(COOP, ISSUED, lines, totals), language)).pages
    assert len(pages) == 7  # 47 or 48 one-line rows a portrait page, under the summary on the first
    texts = [page.extract_text() for page in pages]
    for number, text in enumerate(texts, start=1):
        for heading, _, _ in COLUMNS:  # a heading may wrap in its narrow cell
            assert flat(t.gettext(heading)) in flat(text)
        assert t.gettext("Page {page} of {pages}", page=str(number), pages=str(len(pages))) in text
    names = [line for text in texts for line in text.splitlines() if re.fullmatch(r"조합원\d{3}", line)]
    assert names == [f"조합원{n:03d}" for n in range(1, REGISTER_MEMBERS + 1)]  # each once, in order
    total_line = [t.gettext("Total"), t.ngettext("{count} holder", "{count} holders", 300, count="300"),
                  t.number(totals.shares), t.number(totals.shares * PRICE), t.number(totals.paid),
                  t.number(totals.unpaid)]
    last = texts[-1].splitlines()
    assert all(cell in last for cell in total_line)
    assert not any(t.number(totals.paid) in text.splitlines() for text in texts[:-1])


def statement(lines: tuple[StatementLine, ...]) -> StatementPaper:
    return StatementPaper(COOP, D(2026, 2, 28), ISSUED, holder(7), 15, 130_000, 20_000, lines)


def test_a_statement_lists_the_entries_and_the_amount_in_words():
    lines = (StatementLine(2, D(2025, 1, 2), EntryKind.SUBSCRIPTION, 15, 0, ""),
             StatementLine(12, D(2025, 1, 3), EntryKind.PAYMENT, 0, 130_000, "계좌이체 (국민은행)"))
    text = read(render_statement(statement(lines), "ko")).pages[0].extract_text()
    assert "출자금 확인서" in text and "2026년 2월 28일 현재 출자금" in text and "금 일십삼만원정 (130,000원)" in text
    assert "계좌이체 (국민은행)" in text and "150,000원" in text and "20,000원" in text
    empty = read(render_statement(statement(()), "en")).pages[0].extract_text()
    assert "No entries on or before this day." in empty


def refund(**changes) -> RefundPaper:
    window = refund_window(D(2025, 6, 30), 1)
    values = {"coop": COOP, "issued_on": ISSUED, "holder": holder(3, MemberStatus.WITHDRAWN),
              "left_on": D(2025, 6, 30), "window": window, "state": ClaimState.CLAIMABLE, "shares": 10,
              "paid_in": 100_000, "loss_share": 20_000, "equity_extra": 0, "refunded_on": D(2026, 4, 1),
              "entry_number": 23, "withheld_since": None,
              "resolution": ResolutionFacts(4, "지분환급의 건", "정기총회",
                                            D(2026, 3, 28), True, True)}
    values.update(changes)
    return RefundPaper(**values)


def test_the_refund_statement_states_amount_window_and_resolution():
    text = flat(read(render_refund_statement(refund(), "ko")).pages[0].extract_text())
    for expected in ("납입출자금100,000원", "손실금분담액-20,000원", "금팔만원정(80,000원)", "청구가능일2026년1월1일",
                     "2028년1월1일(2027년12월31일까지청구가능)", "제4호안건“지분환급의건”:특별결의,가결", "출자원장23번"):
        assert expected in text, expected


def test_a_withheld_refund_still_due_says_so():
    paper = refund(refunded_on=None, entry_number=None, loss_share=0, withheld_since=D(2026, 1, 5), resolution=None,
                   state=ClaimState.LAPSING)
    text = flat(read(render_refund_statement(paper, "en")).pages[0].extract_text())
    assert "WithheldsinceJanuary5,2026" in text and "Amountdue" in text and "Nonelinkedyet" in text
    assert "Notyet:LapsessoononMarch2,2026" in text
