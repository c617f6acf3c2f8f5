"""The capital papers printed from a real ledger and read back with pypdf: a member's share
certificate (and every member's), the capital statement as of a day, the capital register with
its totals, the refund statement of a leaver refunded and of one still due, and the member
register's new capital columns."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.terms import Office
from coopdesk.services.capital.ledger import pay, subscribe
from coopdesk.services.capital.printing import (
    CapitalPaperKind,
    capital_paper_name,
    certificate_paper,
    print_capital_paper,
    register_paper,
)
from coopdesk.services.capital.refunds import refund
from coopdesk.services.members.member import record_event
from coopdesk.services.members.printing import print_register
from coopdesk.services.officers.terms import TermInput, add_term
from tests.conftest import TODAY
from tests.services.capital.conftest import D, found, resolution

MORE_ON = D(2025, 9, 1)  # member 2 subscribes 5 more shares, and pays 30,000 of them on 9-15
REFUNDED, DUE = 3, 4  # leavers: one refunded, one not yet


@pytest.fixture
def ledger(db, coop):
    """10 members of 10 paid shares; member 2 with 5 more, partly paid; two leavers; a chair."""
    found(db, coop)
    add_term(db, coop.id, TermInput(Office.CHAIR, D(2025, 2, 1), D(2027, 1, 31), member_number=1), today=TODAY)
    subscribe(db, coop.id, 2, 5, on=MORE_ON, today=TODAY)
    pay(db, coop.id, 2, 30_000, on=D(2025, 9, 15), today=TODAY)
    for n in (REFUNDED, DUE):
        record_event(db, coop.id, n, EventKind.WITHDRAWN, D(2025, 6, 30), today=TODAY)
    staying = [n for n in range(1, 11) if n not in (REFUNDED, DUE)]
    item = resolution(db, coop, Subject.LEAVER_REFUND, ResolutionKind.SPECIAL, yes=8, present=staying)
    refund(db, coop.id, REFUNDED, on=D(2026, 4, 1), item_id=item, loss_share=20_000, today=TODAY)
    return coop


def printed(db, coop, tmp_path, kind, language="en", **options):
    path = tmp_path / f"{kind.value}-{language}.pdf"
    result = print_capital_paper(db, coop.id, kind, path, language, issued_on=TODAY, **options)
    reader = PdfReader(path)
    assert result.pages == len(reader.pages)
    return reader


def text_of(reader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_members_certificate_states_the_amount_in_figures_and_words(db, ledger, tmp_path, language):
    reader = printed(db, ledger, tmp_path, CapitalPaperKind.CERTIFICATE, language, member=1)
    assert len(reader.pages) == 1
    text = flat(text_of(reader))
    words = "금일십만원정" if language == "ko" else "Wononehundredthousandonly"
    money = "100,000원" if language == "ko" else "₩100,000"
    assert words in text and money in text and "조합원01" in text and "햇살마을협동조합" in text
    assert ("출자증서" if language == "ko" else "Sharecertificate") in text
    number = certificate_paper(db, ledger.id, 1, issued_on=TODAY).certificates[0].number
    assert number.startswith("1-") and number in text


def test_a_partly_paid_member_is_certified_for_what_is_paid(db, ledger, tmp_path):
    paper = certificate_paper(db, ledger.id, 2, issued_on=TODAY)
    (c,) = paper.certificates
    assert (c.shares, c.paid, c.unpaid) == (15, 130_000, 20_000)
    assert [p.on for p in c.payments] == [D(2025, 1, 3), D(2025, 9, 15)]
    text = flat(text_of(printed(db, ledger, tmp_path, CapitalPaperKind.CERTIFICATE, "ko", member=2)))
    assert "금일십삼만원정" in text and "15좌" in text and "20,000원" in text


def test_every_member_holding_capital_gets_a_page(db, ledger, tmp_path):
    reader = printed(db, ledger, tmp_path, CapitalPaperKind.CERTIFICATE, "en")
    holders = [n for n in range(1, 11) if n not in (REFUNDED, DUE)]  # leavers are not certified
    assert len(reader.pages) == len(holders)
    for page, n in zip(reader.pages, holders):
        assert f"조합원{n:02d}" in page.extract_text()


def test_nothing_to_certify_is_refused_before_anything_is_written(db, coop, tmp_path):
    with pytest.raises(Refusal, match="nothing to certify"):
        print_capital_paper(db, coop.id, CapitalPaperKind.CERTIFICATE, tmp_path / "c.pdf", "en", member=1)
    with pytest.raises(Refusal, match="nothing to certify"):
        print_capital_paper(db, coop.id, CapitalPaperKind.CERTIFICATE, tmp_path / "c.pdf", "en")
    assert not (tmp_path / "c.pdf").exists()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_statement_shows_the_capital_on_its_day(db, ledger, tmp_path, language):
    before = flat(text_of(printed(db, ledger, tmp_path, CapitalPaperKind.STATEMENT, language, member=2,
                                  as_of=D(2025, 8, 31))))
    after = flat(text_of(printed(db, ledger, tmp_path, CapitalPaperKind.STATEMENT, language, member=2)))
    if language == "ko":
        assert "금일십만원정" in before and "10좌" in before and "15좌" not in before
        assert "금일십삼만원정" in after and "15좌" in after and "출자금확인서" in after
    else:
        assert "Wononehundredthousandonly" in before and "10shares" in before
        assert "Wononehundredthirtythousandonly" in after and "15shares" in after


def test_the_capital_register_lists_everyone_with_the_totals(db, ledger, tmp_path):
    paper = register_paper(db, ledger.id, as_of=TODAY)
    assert paper.totals.shares == 9 * 10 + 5 and paper.totals.paid == 9 * 100_000 + 30_000
    assert paper.totals.unpaid == 20_000 and paper.totals.members == 8
    text = flat(text_of(printed(db, ledger, tmp_path, CapitalPaperKind.REGISTER, "ko", as_of=TODAY)))
    assert "조합원별출자현황" in text and "합계" in text and "930,000" in text and "950,000" in text


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_refund_statement_of_a_member_refunded(db, ledger, tmp_path, language):
    text = flat(text_of(printed(db, ledger, tmp_path, CapitalPaperKind.REFUND, language, member=REFUNDED)))
    if language == "ko":
        assert "지분환급명세서" in text and "금팔만원정" in text and "100,000원" in text and "-20,000원" in text
        assert "특별결의" in text and "2028년1월1일" in text  # the claim lapses 2 years after 2026-01-01
    else:
        assert "Woneightythousandonly" in text and "₩100,000" in text and "specialresolution" in text
        assert "January1,2026" in text and "Notwithheld" in text


def test_the_refund_statement_of_a_refund_still_due(db, ledger, tmp_path):
    text = flat(text_of(printed(db, ledger, tmp_path, CapitalPaperKind.REFUND, "en", member=DUE)))
    assert "Amountdue" in text and "Wononehundredthousandonly" in text and "Nonelinkedyet" in text
    with pytest.raises(Refusal, match="has not left"):
        print_capital_paper(db, ledger.id, CapitalPaperKind.REFUND, tmp_path / "r.pdf", "en", member=1)


def test_a_cancelled_print_writes_nothing(db, ledger, tmp_path):
    with pytest.raises(Cancelled):
        print_capital_paper(db, ledger.id, CapitalPaperKind.CERTIFICATE, tmp_path / "c.pdf", "en",
                            progress=lambda done, total: done < 2)
    assert not (tmp_path / "c.pdf").exists()


def test_the_member_register_gains_shares_and_paid_in_as_of_its_day(db, ledger, tmp_path):
    print_register(db, ledger.id, tmp_path / "before.pdf", "en", as_of=D(2025, 8, 31))
    print_register(db, ledger.id, tmp_path / "now.pdf", "en", as_of=TODAY)
    before, now = (PdfReader(tmp_path / name).pages[0].extract_text() for name in ("before.pdf", "now.pdf"))
    assert "Sharesheld" in flat(now) and "Paidin" in flat(now)
    assert member_cells(now, "조합원02")[-2:] == ["15", "130,000"]
    assert member_cells(before, "조합원02")[-2:] == ["10", "100,000"]
    assert member_cells(now, "조합원03")[-2:] == ["0", "0"]  # refunded


def member_cells(text: str, name: str) -> list[str]:
    """A member's cells on the register page (pypdf gives each cell its own line)."""
    lines = text.splitlines()
    start = lines.index(name)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("조합원") or lines[i].startswith("Page"))
    return lines[start:end - 1]  # without the next member's number


def test_file_names_follow_the_paper_and_language():
    assert capital_paper_name(CapitalPaperKind.CERTIFICATE, "ko", member=12, name="김민준",
                              day=D(2026, 3, 1)) == "2026-03-01 출자증서 12 김민준.pdf"
    assert capital_paper_name(CapitalPaperKind.CERTIFICATE, "en", day=D(2026, 3, 1)) == \
        "2026-03-01 Share certificates.pdf"


def test_every_members_certificates_read_in_batches_match_each_members_own(db, ledger, monkeypatch):
    from coopdesk.services.capital import printing

    monkeypatch.setattr(printing, "CERTIFICATE_BATCH", 3)  # 8 holders: batches of 3, 3 and 2
    every = certificate_paper(db, ledger.id, issued_on=TODAY).certificates
    alone = [certificate_paper(db, ledger.id, n, issued_on=TODAY).certificates[0]
             for n in range(1, 11) if n not in (REFUNDED, DUE)]
    assert len(every) == len(alone) == 8
    assert list(every) == alone
    assert every[7] == alone[7] and every[2:4] == alone[2:4]


def test_a_payment_written_while_the_certificates_are_drawn_is_not_on_them(db, ledger, monkeypatch):
    from coopdesk.services.capital import printing

    monkeypatch.setattr(printing, "CERTIFICATE_BATCH", 2)
    drawn = iter(certificate_paper(db, ledger.id, issued_on=TODAY).certificates)
    first = next(drawn)
    subscribe(db, ledger.id, 10, 1, on=TODAY, today=TODAY)
    pay(db, ledger.id, 10, 10_000, on=TODAY, today=TODAY)
    rest = list(drawn)
    assert first.holder.number == 1 and rest[-1].holder.number == 10
    assert (rest[-1].shares, rest[-1].paid) == (10, 100_000)  # as when the paper was begun
    assert certificate_paper(db, ledger.id, 10, issued_on=TODAY).certificates[0].paid == 110_000
