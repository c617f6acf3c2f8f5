"""The bylaws as text, on SQLite and PostgreSQL: the text parts of a version written down, an
amendment carrying new settings and words, its comparison table before and after the vote,
and the bylaws of every version printed with their history."""

import dataclasses
import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from coopdesk.domain.bylaws.texts import BylawsTexts
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.audit import verify
from coopdesk.services.bylaws import list_versions, record_bylaws_report
from coopdesk.services.bylaws.papers import bylaws_paper, comparison_paper
from coopdesk.services.bylaws.printing import (
    bylaws_file_name,
    comparison_file_name,
    print_bylaws,
    print_comparison,
    render_bylaws,
)
from coopdesk.services.bylaws.texts import get_texts, set_texts
from coopdesk.services.coops import create_coop, get_coop
from coopdesk.services.meetings.agenda import ItemInput, add_item
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.members.member import add_member
from coopdesk.store.models import BylawsVersion
from tests.conftest import TODAY, sample_profile

D = dt.date
PURPOSE = "마을 주민의 먹거리와 돌봄을 함께 해결하여 조합원의 삶의 질을 높이는 것을 목적으로 한다."
FOUNDERS = ("김민준", "이서연", "박지호", "최수아", "정우진")


def _text(pdf: bytes) -> str:
    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(text.split())  # lines and spaces fall where the page breaks them


def _written(db, coop_id, **changes) -> BylawsTexts:
    texts = dataclasses.replace(get_texts(db, coop_id), purpose=PURPOSE, founders=FOUNDERS, **changes)
    set_texts(db, coop_id, texts)
    return get_texts(db, coop_id)


HELD = D(2026, 9, 19)


def _amend(db, coop, held_on=HELD, passed=True, **item):
    for n in range(1, 6):
        add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "2026년 임시총회", held_on))
    amendment = add_item(db, coop.id, meeting.id, ItemInput(Subject.BYLAWS_AMENDMENT, "정관 변경의 건",
                                                           ResolutionKind.SPECIAL, **item))
    if passed:
        for n in range(1, 6):
            check_in(db, coop.id, meeting.id, n)
        record_counts(db, coop.id, amendment.id, 5, 0, 0)
        close_item(db, coop.id, amendment.id)
    return amendment


def test_a_new_co_op_starts_with_the_model_wording_and_writes_down_its_own(db, coop):
    texts = get_texts(db, coop.id)
    assert texts.purpose.endswith("목적으로 한다.") and texts.founders == ()
    written = _written(db, coop.id, businesses=("  공동구매 사업 ", "", "마을 카페 운영"))
    assert written.businesses == ("공동구매 사업", "마을 카페 운영") and written.founders == FOUNDERS
    (version,) = list_versions(db, coop.id)
    assert version.texts == written and version.template == 1
    assert verify(db).intact


def test_text_parts_the_bylaws_cannot_print_are_refused_and_nothing_is_kept(db, coop):
    before = get_texts(db, coop.id)
    for change, field in (({"purpose": " "}, "purpose"), ({"businesses": ("협동조합 간 협력을 위한 사업",)}, "businesses"),
                          ({"main_businesses": ("돌봄",)}, "main_businesses")):
        with pytest.raises(Refusal) as refused:
            set_texts(db, coop.id, dataclasses.replace(before, **change))
        assert refused.value.field == field
    with pytest.raises(Refusal, match="Nothing was changed"):
        set_texts(db, coop.id, before)
    with pytest.raises(Refusal, match="no version 7"):
        set_texts(db, coop.id, before, version=7)
    assert get_texts(db, coop.id) == before


def test_a_social_co_op_keeps_its_main_public_benefit_business(db):
    social = create_coop(db, sample_profile(name="햇살돌봄사회적협동조합", kind=CoopKind.SOCIAL), adopted_on=D(2025, 1, 1))
    texts = get_texts(db, social.id)
    assert texts.main_businesses
    with pytest.raises(Refusal) as refused:
        set_texts(db, social.id, dataclasses.replace(texts, main_businesses=()))
    assert refused.value.field == "main_businesses"


def test_an_amendment_carries_its_settings_and_words_and_its_table_prints_before_the_vote(db, coop):
    _written(db, coop.id)
    new_words = dataclasses.replace(get_texts(db, coop.id), businesses=("공동구매 사업", "마을 카페 운영 사업"),
                                    founders=())  # the founders are carried over, whatever is given
    amendment = _amend(db, coop, passed=False, new_bylaws=dataclasses.replace(coop.bylaws, share_price=20_000),
                       new_texts=new_words, proposal="출자금을 현실화하고 카페 사업을 시작한다.")
    paper = comparison_paper(db, coop.id, amendment.id)
    assert paper.changed == ("share_price", "businesses") and not paper.adopted
    assert paper.after.texts.founders == FOUNDERS and paper.after.history[-1].effective_on is None
    out = print_comparison(db, coop.id, amendment.id, db_path(db) / "대비표.pdf", "ko")
    text = _text(out.path.read_bytes())
    for words in ("햇살마을협동조합", "신구조문", "10,000원", "20,000원", "마을카페운영사업", "〈신설〉", "출자금을현실화하고"):
        assert words in text, words
    assert out.pages >= 1
    assert comparison_file_name(db, coop.id, "ko") == "햇살마을협동조합 정관 신구조문 대비표.pdf"


def test_the_adopted_amendment_becomes_a_version_with_its_words_and_prints_once_reported(db, coop):
    _written(db, coop.id)
    amendment = _amend(db, coop, new_bylaws=dataclasses.replace(coop.bylaws, notice_days=10),
                       new_texts=dataclasses.replace(get_texts(db, coop.id), non_member_use="조합원이 아닌 자도 이용할 수 있다."))
    first, second = list_versions(db, coop.id)
    assert second.meeting_title == "2026년 임시총회" and second.item == 1 and second.waiting
    assert second.texts.non_member_use == "조합원이 아닌 자도 이용할 수 있다." and second.texts.founders == FOUNDERS
    assert second.meeting_id is not None
    waiting = _text(render_bylaws(db, coop.id, "ko", version=2))
    assert "총회개최10일전까지" in waiting and "정관변경을신고한날부터시행한다" in waiting
    assert "개정2026.9.19." in waiting
    paper = comparison_paper(db, coop.id, amendment.id)
    assert paper.adopted and paper.after.history[-1].version == 2
    record_bylaws_report(db, coop.id, 2, D(2026, 10, 2))
    out = print_bylaws(db, coop.id, db_path(db) / "정관.pdf", "ko")  # the version in force
    text = _text(out.path.read_bytes())
    for words in ("햇살마을협동조합정관", "제정2025.1.1.", "이정관은2026년10월2일부터시행한다", "사업의이용",
                  "출자1좌의금액은10,000원", "총회개최10일전까지", *FOUNDERS, PURPOSE.replace(" ", "")):
        assert words in text, words
    assert bylaws_paper(db, coop.id).facts.version.version == 2
    assert [v.in_force for v in list_versions(db, coop.id)] == [False, True] and first.in_force
    assert get_coop(db, coop.id).bylaws_version == 2


def test_the_english_bylaws_say_they_are_a_reference_translation(db, coop):
    text = _text(render_bylaws(db, coop.id, "en"))
    assert "referencetranslation" in text and "OnlytheKoreantext" in text and "햇살마을협동조합" in text
    assert "₩10,000" in text and "7daysbefore" in text
    assert bylaws_file_name(db, coop.id, "en") == "햇살마을협동조합 Bylaws.pdf"


def test_an_item_that_is_no_amendment_has_no_comparison_table(db, coop):
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", D(2026, 3, 28)))
    other = add_item(db, coop.id, meeting.id, ItemInput(Subject.OTHER, "야유회", ResolutionKind.ORDINARY))
    with pytest.raises(Refusal, match="not an amendment"):
        comparison_paper(db, coop.id, other.id)
    with pytest.raises(Refusal, match="Only a bylaws amendment"):
        add_item(db, coop.id, meeting.id, ItemInput(Subject.OTHER, "야유회", ResolutionKind.ORDINARY,
                                                   new_texts=get_texts(db, coop.id)))


def test_an_amendment_before_texts_were_kept_amends_the_version_in_force_the_day_before(db, coop):
    amendment = _amend(db, coop, new_bylaws=dataclasses.replace(coop.bylaws, share_price=30_000))
    with db.write() as s:  # as a file from before migration 0011 holds it
        from coopdesk.store.models import AgendaItemRow

        row = s.get(AgendaItemRow, amendment.id)
        row.new_bylaws_texts, row.bylaws_base_version = None, None
    paper = comparison_paper(db, coop.id, amendment.id)
    assert paper.before.history[-1].version == 1 and paper.changed == ("share_price",)
    with db.read() as s:
        assert s.execute(select(BylawsVersion.texts).where(BylawsVersion.version == 2)).scalar() is not None


def db_path(db):
    from coopdesk import paths

    return paths.user_data_dir()
