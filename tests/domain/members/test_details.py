import datetime as dt

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails, check_details

TYPES = ("소비자", "생산자")
TODAY = dt.date(2026, 11, 21)


def ok(**kw):
    base = dict(name="김민준", member_type="소비자")
    base.update(kw)
    check_details(MemberDetails(**base).cleaned(), TYPES, TODAY)


def refused(field, **kw):
    with pytest.raises(Refusal) as exc:
        ok(**kw)
    assert exc.value.field == field
    return exc.value


def test_good_details_pass():
    ok(phone="010-1234-5678", email="Min@Example.kr", birth_date=dt.date(1990, 5, 1), address="서울시 마포구")
    ok(phone="+82 10 1234 5678")


def test_cleaning_trims_and_lowercases():
    d = MemberDetails(name="  김   민준 ", member_type=" 소비자", email=" A@B.KR ").cleaned()
    assert (d.name, d.member_type, d.email) == ("김 민준", "소비자", "a@b.kr")


def test_each_bad_field_is_named():
    refused("name", name="   ")
    refused("name", name="가" * 101)
    refused("member_type", member_type="직원")
    refused("birth_date", birth_date=TODAY + dt.timedelta(days=1))
    refused("birth_date", birth_date=dt.date(1899, 12, 31))
    refused("phone", phone="010-12")
    refused("phone", phone="전화없음")
    refused("email", email="kim at example")


def test_type_message_lists_the_allowed_types():
    err = refused("member_type", member_type="직원")
    assert err.params["allowed"] == "소비자, 생산자"


@pytest.mark.parametrize("field, value", [
    ("name", "김\x1b[31m민준"),  # an escape sequence pasted from a terminal
    ("name", "김민\x00준"),
    ("name", "\u202e준민김"),  # shown reversed: "김민준"
    ("address", "서울시\u2066 마포구"),
    ("notes", "전화\x07 주세요"),
    ("email", "min\x1b@example.kr"),
    ("phone", "010-1234\x7f-5678"),
])
def test_hidden_characters_are_refused_naming_the_field(field, value):
    found = refused(field, **{field: value})
    assert found.params["char"] in ("U+001B", "U+0000", "U+202E", "U+2066", "U+0007", "U+007F")


def test_notes_keep_their_line_breaks_and_tabs():
    ok(notes="첫째 줄\n둘째 줄\t들여쓰기")


def test_the_phone_is_capped_at_its_column():
    # 15 digits and spaces: a phone number by its characters, longer than the 40 the register keeps
    assert refused("phone", phone="0 1 0 " * 7 + "1 2 3").params == {"n": 40}
