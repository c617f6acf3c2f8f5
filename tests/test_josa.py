"""Korean particles are chosen for the word before them, never printed as "을(를)" or "(으)로"."""

import pytest

from coopdesk import i18n
from coopdesk.josa import attach


@pytest.mark.parametrize("text, expected", [
    ("김민준을(를) 삭제할까요?", "김민준을 삭제할까요?"),
    ("박지호을(를) 삭제할까요?", "박지호를 삭제할까요?"),
    ("우편(으)로 통지함.", "우편으로 통지함."),
    ("우편, 문자(으)로 통지함.", "우편, 문자로 통지함."),
    ("이메일(으)로 통지함.", "이메일로 통지함."),  # ㄹ takes 로
    ("안건 번호 3이(가) 없습니다.", "안건 번호 3이 없습니다."),  # 삼
    ("안건 번호 2이(가) 없습니다.", "안건 번호 2가 없습니다."),  # 이
    ("정관 버전 10이(가) 없습니다.", "정관 버전 10이 없습니다."),  # 십
    ("“2026-13-01”은(는) 날짜가 아닙니다.", "“2026-13-01”은 날짜가 아닙니다."),  # the quote is skipped
    ("“abc”은(는) 전화번호가 아닙니다.", "“abc”는 전화번호가 아닙니다."),
    ("“ml”은(는)", "“ml”은"),  # 엘
    ("조합원(이)라면", "조합원이라면"),
    ("(으)로 시작", "(으)로 시작"),  # nothing before it: left as written
])
def test_particles_follow_the_last_sound(text, expected):
    assert attach(text) == expected


def test_korean_messages_never_show_the_double_form():
    t = i18n.Translator("ko")
    assert t.gettext("There is no agenda item number {id}.", id=2) == "안건 번호 2가 없습니다."
    assert "(으)로" not in t.gettext("Sent on {date} by {method}.", date="2026. 3. 18.", method="우편")
    assert i18n.Translator("en").gettext("There is no agenda item number {id}.", id=2).endswith("2.")
