"""The papers of a 15-member ordinary assembly, filled from the record and printed; agenda changes."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.services.meetings.attendance import add_proxy
from coopdesk.services.meetings.meeting import edit_meeting
from coopdesk.services.meetings.agenda import move_item, remove_item
from coopdesk.services.meetings.notice import record_notice
from coopdesk.services.meetings.papers import attendance_paper, minutes_paper, notice_paper
from coopdesk.services.meetings.signers import choose_minute_signers, signer_candidates
from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper, suggested_name
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.meetings.meeting import MeetingInput, get_meeting, record_times
from coopdesk.services.meetings.agenda import list_items, record_item_text
from tests.services.meetings.test_meetings import HELD, arrive, assembly, item  # noqa: F401  (fixture)

D = dt.date


def pdf_text(path):
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def flat(s):
    return " ".join(s.split())


def run_assembly(db, coop, meeting):
    """Members 1-9 come, member 10 sends a proxy held by member 1; every item passes 8-1-1 (the
    officer-election item, held by election and never voted yes or no, is off the agenda)."""
    drop_the_election(db, coop, meeting)
    arrive(db, coop, meeting, range(1, 10))
    add_proxy(db, coop.id, meeting.id, 10, holder=1, written_proof=True)
    record_times(db, coop.id, meeting.id, opened_at=dt.time(14, 5), closed_at=dt.time(15, 40), chair_name="홍길동")
    for i in list_items(db, coop.id, meeting.id):
        record_item_text(db, coop.id, i.id, discussion=f"{i.title}에 대한 질의응답")
        record_counts(db, coop.id, i.id, 8, 1, 1)
        close_item(db, coop.id, i.id)


def drop_the_election(db, coop, meeting):
    from coopdesk.services.meetings.agenda import remove_item

    remove_item(db, coop.id, next(i.id for i in list_items(db, coop.id, meeting.id)
                                  if i.subject is Subject.OFFICER_ELECTION))


def test_the_notice_paper_carries_the_recorded_notice_and_the_agenda(db, coop, assembly):
    record_notice(db, coop.id, assembly.id, D(2026, 3, 18), "우편, 문자")
    paper = notice_paper(db, coop.id, assembly.id, "ko")  # said in the paper's language, whoever typed it
    assert (paper.notice_date, paper.method) == (D(2026, 3, 18), "우편, 문자")
    assert paper.agenda[0].title == "전년도 사업보고 및 결산 승인"
    english = notice_paper(db, coop.id, assembly.id, "en")
    assert english.method == "Post, Text message"
    assert [line.title for line in english.agenda] == [i.title for i in list_items(db, coop.id, assembly.id)]
    assert paper.purpose == "2026년 정기총회"  # no purpose typed: the title says it
    assert paper.meeting.place == "조합 사무실" and paper.main_office == coop.main_office


def test_the_attendance_sheet_lists_the_register_of_the_day(db, coop, assembly):
    paper = attendance_paper(db, coop.id, assembly.id)
    assert [(r.number, r.name) for r in paper.rows][:2] == [(1, "조합원01"), (2, "조합원02")]
    assert len(paper.rows) == 15 and paper.proxy_column


def test_signers_are_chosen_among_those_who_came_in_person(db, coop, assembly):
    arrive(db, coop, assembly, [1, 2, 3])
    add_proxy(db, coop.id, assembly.id, 10, holder=1, written_proof=True)
    with pytest.raises(Refusal, match="did not attend the meeting in person"):
        choose_minute_signers(db, coop.id, assembly.id, [1, 10])  # 10 was represented, not here
    assert not any(c.chosen for c in signer_candidates(db, coop.id, assembly.id))
    chosen = choose_minute_signers(db, coop.id, assembly.id, [3, 1])
    assert [(c.key, c.chosen) for c in chosen] == [(1, True), (2, False), (3, True)]
    assert [s.number for s in minutes_paper(db, coop.id, assembly.id, draft=True).signers] == [3, 1]


def test_final_minutes_wait_for_every_item_and_for_three_signers(db, coop, assembly, tmp_path):
    arrive(db, coop, assembly, range(1, 10))
    record_times(db, coop.id, assembly.id, chair_name="홍길동")
    with pytest.raises(Refusal, match="Close every item"):
        minutes_paper(db, coop.id, assembly.id)
    draft = minutes_paper(db, coop.id, assembly.id, draft=True)
    assert draft.opened == dt.time(14, 0) and not any(i.decided for i in draft.items)
    drop_the_election(db, coop, assembly)
    for i in list_items(db, coop.id, assembly.id):
        record_counts(db, coop.id, i.id, 8, 1, 0)
        close_item(db, coop.id, i.id)
    choose_minute_signers(db, coop.id, assembly.id, [2, 3])
    target = tmp_path / "minutes.pdf"
    with pytest.raises(Refusal) as exc:
        print_meeting_paper(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, target, "en")
    assert exc.value.article == law.MINUTES_MIN_SIGNING_MEMBERS.ref and not target.exists()


def test_printed_minutes_read_back_with_counts_quorum_results_and_signers(db, coop, assembly, tmp_path):
    run_assembly(db, coop, assembly)
    choose_minute_signers(db, coop.id, assembly.id, [2, 3, 4])
    ko = print_meeting_paper(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, tmp_path / "ko.pdf", "ko")
    pages, words = pdf_text(ko.path)
    assert ko.pages == pages >= 1
    body = flat(words)
    assert "조합원 15명 중 10명 출석(본인 9명, 위임 1명)" in body.replace(" (", "(")
    assert "출석 조합원 10명 중 찬성 8명, 반대 1명, 기권 1명으로 원안 가결" in body
    for name in ("홍길동", "조합원02", "조합원03", "조합원04"):
        assert name in body
    assert "14:05" in body and "15:40" in body and "DRAFT" not in body and "초안" not in body
    en = print_meeting_paper(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, tmp_path / "en.pdf", "en")
    body = flat(pdf_text(en.path)[1])
    assert "Of the 10 members present, 8 voted yes, 1 no and 1 abstained: the motion was carried." in body


def test_every_paper_prints_and_names_itself(db, coop, assembly, tmp_path):
    run_assembly(db, coop, assembly)
    for kind in MeetingPaperKind:
        name = suggested_name(db, coop.id, assembly.id, kind, "ko", draft=True)
        result = print_meeting_paper(db, coop.id, assembly.id, kind, tmp_path / name, "ko", draft=True)
        assert result.path.exists() and result.pages >= 1
    assert suggested_name(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, "ko") == "2026년 정기총회 의사록.pdf"
    _, words = pdf_text(tmp_path / suggested_name(db, coop.id, assembly.id, MeetingPaperKind.NOTICE, "ko"))
    assert "조합 사무실" in words and "전년도 사업보고 및 결산 승인" in flat(words)


def test_the_kind_and_day_are_fixed_once_people_check_in(db, coop, assembly):
    given = MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD, dt.time(14, 0), "마을회관",
                         purpose="2025년 결산 승인")
    assert edit_meeting(db, coop.id, assembly.id, given).place == "마을회관"
    arrive(db, coop, assembly, [1])
    later = MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD + dt.timedelta(days=1))
    with pytest.raises(Refusal, match="can no longer change"):
        edit_meeting(db, coop.id, assembly.id, later)
    assert get_meeting(db, coop.id, assembly.id).held_on == HELD
    assert notice_paper(db, coop.id, assembly.id).purpose == "2025년 결산 승인"


def test_items_move_and_go_until_voted_on(db, coop, assembly):
    extra = item(db, coop, assembly, title="기타 안건")
    first = list_items(db, coop.id, assembly.id)[0]
    assert [i.id for i in move_item(db, coop.id, extra.id, 1)][0] == extra.id
    with pytest.raises(Refusal, match="from 1 to 5"):
        move_item(db, coop.id, extra.id, 6)
    arrive(db, coop, assembly, range(1, 9))
    record_counts(db, coop.id, extra.id, 8, 0, 0)
    with pytest.raises(Refusal, match="Votes are recorded"):
        remove_item(db, coop.id, extra.id)
    remove_item(db, coop.id, first.id)
    assert [i.position for i in list_items(db, coop.id, assembly.id)] == [1, 2, 3, 4]
    assert first.id not in {i.id for i in list_items(db, coop.id, assembly.id)}


def test_the_database_itself_refuses_a_second_check_in_from_another_machine(db, coop, assembly):
    arrive(db, coop, assembly, [1])
    with pytest.raises(IntegrityError):
        with db.engine.begin() as conn:  # what a second laptop's racing insert would do
            member = conn.execute(text("SELECT member_id FROM meeting_check_in")).scalar()
            conn.execute(text("INSERT INTO meeting_check_in (meeting_id, member_id, in_at) "
                              "VALUES (:m, :p, :t)"), {"m": assembly.id, "p": member, "t": dt.datetime.now()})


def test_a_special_item_rejected_reads_as_rejected(db, coop, assembly, tmp_path):
    special = item(db, coop, assembly, Subject.MERGER, ResolutionKind.SPECIAL, title="합병 승인")
    arrive(db, coop, assembly, range(1, 10))
    record_counts(db, coop.id, special.id, 5, 4, 0)  # 5 of 9 is under two thirds
    assert close_item(db, coop.id, special.id).item.passed is False
    paper = minutes_paper(db, coop.id, assembly.id, draft=True)
    closed = [i for i in paper.items if i.decided]
    assert [(i.title, i.passed, i.ref) for i in closed] == [("합병 승인", False, law.SPECIAL_MAJORITY.ref)]


def test_the_chair_ticked_as_a_signer_is_not_one_of_the_three(db, coop, assembly, tmp_path):
    run_assembly(db, coop, assembly)
    record_times(db, coop.id, assembly.id, chair_name="조합원01")  # member 1 chairs
    choose_minute_signers(db, coop.id, assembly.id, [1, 2, 3])
    with pytest.raises(Refusal, match="at least 3 members") as exc:
        print_meeting_paper(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, tmp_path / "m.pdf", "en")
    assert exc.value.params["count"] == 2 and exc.value.params["chair"] == "조합원01"
    assert "not counted among the 3" in str(exc.value)
    choose_minute_signers(db, coop.id, assembly.id, [1, 2, 3, 4])
    assert print_meeting_paper(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, tmp_path / "m.pdf", "en").pages


@pytest.mark.parametrize("language, words", [
    ("ko", ("조합원15번조합원15", "제명사유:정당한사유없이1년이상조합사업을이용하지않음",
            "2026년3월17일에제명사유를통지함(법제25조②)", "표결전에해당조합원에게의견을진술할기회를주었음")),
    ("en", ("Member15조합원15", "Grounds:정당한사유없이1년이상조합사업을이용하지않음",
            "ToldthegroundsonMarch17,2026(Act25②)", "Thememberwasgiventhechancetospeakbeforethevote")),
])
def test_the_minutes_of_an_expulsion_name_the_member_the_grounds_the_day_told_and_the_hearing(
        db, coop, assembly, tmp_path, language, words):
    from coopdesk.services.meetings.agenda import record_hearing

    arrive(db, coop, assembly, range(1, 13))
    expulsion = item(db, coop, assembly, Subject.EXPULSION, ResolutionKind.SPECIAL, "제명의 건", expel_member=15,
                     grounds_told_on=D(2026, 3, 17), grounds="정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음")
    record_hearing(db, coop.id, expulsion.id)
    record_counts(db, coop.id, expulsion.id, 10, 2, 0)
    close_item(db, coop.id, expulsion.id)
    record_times(db, coop.id, assembly.id, opened_at=dt.time(14, 0))
    result = print_meeting_paper(db, coop.id, assembly.id, MeetingPaperKind.MINUTES, tmp_path / "m.pdf", language,
                                 draft=True)
    text = "".join(pdf_text(result.path)[1].split())
    for expected in words:
        assert expected in text
