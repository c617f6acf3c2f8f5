"""The membership forms read back with pypdf: blank forms with their boxes, blanks and the bylaws'
terms; filled forms with the record's values; the consent form's matters of the Personal Information
Protection Act; one page each, in Korean and English."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.members.forms import render_member_form
from coopdesk.domain.coop import MembershipStarts
from coopdesk.domain.members.forms import FormCoop, FormKind, FormPerson, MemberForm

D = dt.date
COOP = FormCoop("햇살마을협동조합", "서울특별시 마포구 성미산로 10", "김이사", False, ("소비자조합원", "생산자조합원"),
                10_000, 2, 100, MembershipStarts.FULL_PAYMENT, False, 30, True, "15:abc")
PERSON = FormPerson(7, "김민준", D(1980, 5, 1), "010-1234-5678", "minjun@example.kr", "서울특별시 마포구 성미산로 7",
                    "생산자조합원", 10, 100_000, D(2025, 1, 2), D(2025, 1, 10), D(2026, 10, 1), D(2026, 10, 31),
                    D(2025, 1, 2))


def read(form: MemberForm, language: str) -> str:
    reader = PdfReader(io.BytesIO(render_member_form(form, language)))
    assert len(reader.pages) == 1
    return " ".join("\n".join(p.extract_text() for p in reader.pages).split())


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("kind", list(FormKind))
def test_every_form_is_one_page_and_blank_holds_no_one(kind, language):
    text = read(MemberForm(kind, COOP, D(2026, 11, 21)), language)
    assert "김민준" not in text and "010-1234-5678" not in text
    assert ("(서명 또는 인)" if language == "ko" else "(signature or seal)") in text
    assert ("햇살마을협동조합 이사장 귀하" if language == "ko" else "To the chair of 햇살마을협동조합") in text


def test_blank_application_has_the_types_as_boxes_and_the_bylaws_terms():
    text = read(MemberForm(FormKind.APPLICATION, COOP, D(2026, 11, 21)), "ko")
    for expected in ("조합원 가입신청서", "□ 소비자조합원", "□ 생산자조합원", "1좌당 10,000원", "최소 2좌", "최대 100좌",
                     "출자금을 모두 납입한 때 조합원이 됩니다", "정관을 읽었으며", "년", "월", "일"):
        assert expected in text, expected
    assert "■" not in text


def test_filled_application_carries_the_record_and_the_amount_in_words():
    text = read(MemberForm(FormKind.APPLICATION, COOP, D(2026, 11, 21), PERSON), "ko")
    for expected in ("김민준", "1980년 5월 1일", "010-1234-5678", "minjun@example.kr", "■ 생산자조합원", "□ 소비자조합원",
                     "10좌", "금 일십만원정 (100,000원)", "2025년 1월 2일"):
        assert expected in text, expected


def test_consent_form_states_what_the_privacy_act_asks():
    text = read(MemberForm(FormKind.CONSENT, COOP, D(2026, 11, 21), PERSON), "ko")
    for expected in ("개인정보 수집·이용 동의서", "개인정보 보호법 제15조②", "개인정보 보호법 제22조①", "수집·이용 목적",
                     "수집 항목", "보유·이용 기간", "제3자 제공", "동의를 거부할 권리와 불이익", "주민등록번호는 수집하지 않습니다",
                     "1. 필수 항목", "2. 선택 항목", "□ 동의함", "□ 동의하지 않음", "김민준", "2025년 1월 2일"):
        assert expected in text, expected
    assert text.count("□ 동의함") == 2 and "■" not in text  # ticked by hand, even on a filled form


def test_consent_form_in_english():
    text = read(MemberForm(FormKind.CONSENT, COOP, D(2026, 11, 21)), "en")
    for expected in ("Consent to collecting and using personal data", "Personal Information Protection Act 15②",
                     "Purpose of collecting and using", "How long they are kept", "Who else receives them", "Your right to refuse",
                     "Date: ____"):
        assert expected in text, expected


def test_withdrawal_notice_states_the_notice_days_and_the_refund():
    blank = read(MemberForm(FormKind.WITHDRAWAL, COOP, D(2026, 11, 21)), "ko")
    for expected in ("조합원 탈퇴신청서", "30일", "법 제26조①", "법 제26조②", "법 제29조②", "법 제27조", "계좌번호", "예금주"):
        assert expected in blank, expected
    filled = read(MemberForm(FormKind.WITHDRAWAL, COOP, D(2026, 11, 21), PERSON), "ko")
    for expected in ("7", "김민준", "2026년 10월 1일", "2026년 10월 31일", "100,000원 (10좌)"):
        assert expected in filled, expected


def test_a_social_co_ops_withdrawal_notice_refunds_paid_in_capital_only():
    from dataclasses import replace

    text = read(MemberForm(FormKind.WITHDRAWAL, replace(COOP, social=True), D(2026, 11, 21)), "en")
    assert "refunds the paid-in capital only" in text and "Act 27" not in text
