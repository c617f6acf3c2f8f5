"""`coopdesk education ...` and `coopdesk print education-*`: a co-op's education scripted end to
end — an orientation for new members, a founder's course followed onto the register, the members
who still owe the orientation, the yearly report, and the papers read back with pypdf."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from tests.cli.conftest import SAMPLE_INIT

TODAY = dt.date.today()
JOINED = (TODAY - dt.timedelta(days=30)).isoformat()
HELD = (TODAY - dt.timedelta(days=7)).isoformat()


def ok(result):
    assert result.code == 0, result.err
    return result


@pytest.fixture
def school(cli, coop_file):
    """A co-op whose bylaws ask for an orientation: founders 1-2, newcomers 3-5 who joined a month ago."""
    ok(cli("--db", coop_file, *SAMPLE_INIT, "--adopted", "2024-01-01", "--orientation-required"))

    def run(*args: str):
        return cli("--db", coop_file, *args)

    for name, joined in (("김민준", "2024-01-10"), ("이서연", "2024-01-10"), ("최하은", JOINED), ("정지우", JOINED),
                         ("강서준", JOINED)):
        ok(run("member", "add", "--name", name, "--type", "소비자", "--joined", joined))
    return run


def add_session(run, *extra: str) -> int:
    made = ok(run("education", "session", "add", "--kind", "orientation", "--topic", "신규 조합원 교육",
                  "--date", HELD, "--start", "14:00", "--end", "15:30", "--place", "조합 사무실",
                  "--instructor", "이강사", *extra))
    return int(made.out.strip())


def test_an_orientation_is_recorded_its_people_listed_and_the_orientation_owed_follows(school):
    owed = ok(school("education", "orientation", "--json")).json()
    assert (owed["required"], owed["total"], owed["article"]) == (True, 5, "Act 7")
    assert [m["number"] for m in owed["members"]] == [1, 2, 3, 4, 5] and owed["members"][2]["days"] == 30
    session = add_session(school)
    assert session == 1
    attend = school("education", "attend", "1", "최하은", "4", "5", "홍길동")
    assert attend.code == 3  # one refused: the others are on the list all the same
    assert attend.out.splitlines() == ["On the list: 최하은 (member 3)", "On the list: 정지우 (member 4)",
                                       "On the list: 강서준 (member 5)"]
    assert "홍길동: No member fits" in attend.err
    listed = ok(school("education", "show", "1", "--json")).json()
    assert (listed["minutes"], listed["members"], [a["member"] for a in listed["attendees"]]) == (90, 3, [3, 4, 5])
    assert [m["number"] for m in ok(school("education", "orientation", "--json")).json()["members"]] == [1, 2]
    table = ok(school("education", "list")).out
    assert "신규 조합원 교육" in table and "1 h 30 min" in table and "Orientation for new members" in table


def test_a_founders_course_follows_them_when_they_join(school):
    course = ok(school("education", "session", "add", "--kind", "founding", "--topic", "설립 교육", "--date",
                       "2023-11-04", "--start", "10:00", "--end", "17:00", "--organiser", "centre")).out.strip()
    guest = school("education", "attend", course, "--guest", "윤하린", "--birth-date", "1992-02-02",
                   "--phone", "010-2222-3333", "--json")
    assert ok(guest).json()[0]["member"] is None
    ok(school("member", "add", "--name", "윤하린", "--type", "생산자", "--birth-date", "1992-02-02", "--joined",
              TODAY.isoformat()))
    mine = ok(school("education", "member", "6", "--json")).json()
    assert (mine["minutes"], mine["orientation"]["owed"], mine["sessions"][0]["before_joining"]) == (420, False, True)
    said = ok(school("education", "member", "6")).out
    assert "7 h in 1 session" in said and "* attended before joining" in said


def test_a_member_who_owes_it_is_told_so_with_the_article(school):
    member = school("education", "member", "3")
    assert member.code == 0 and "not attended yet, 30 days since joining. (Act 7)" in member.err
    korean = school("--language", "ko", "education", "member", "3")
    assert "가입한 지 30일" in korean.err and "(법 제7조)" in korean.err


def test_the_yearly_report_counts_the_year(school):
    session = add_session(school)
    ok(school("education", "attend", str(session), "3", "4"))
    year = dt.date.fromisoformat(HELD).year
    report = ok(school("education", "report", "--year", str(year), "--json")).json()
    assert (report["sessions"], report["minutes"], report["attendances"], report["person_minutes"]) == (1, 90, 2, 180)
    if year == TODAY.year:  # the year has not ended: its register is today's
        assert (report["members_at_end"], report["members_reached"], report["share"]) == (5, 2, "2/5")
    assert report["by_type"][0] == {"member_type": "소비자", "attendances": 2, "people": 2, "person_minutes": 180}
    said = ok(school("--language", "ko", "education", "report", "--year", str(year))).out
    assert "총 교육 시간" in said and "1시간 30분" in said


def test_a_session_is_corrected_and_deleted(school):
    session = str(add_session(school))
    edited = ok(school("education", "session", "edit", session, "--end", "16:00", "--kind", "member", "--json")).json()
    assert (edited["minutes"], edited["kind"], edited["topic"]) == (120, "member_education", "신규 조합원 교육")
    ok(school("education", "attend", session, "3"))
    assert ok(school("education", "session", "delete", session)).out.strip() == \
        f"Deleted session {session} and 1 entry of its list."
    assert ok(school("education", "list", "--json")).json() == []


def test_refusals_and_usage_errors_have_their_exit_codes(school):
    bad = school("education", "session", "add", "--kind", "orientation", "--topic", "x", "--date", HELD,
                 "--start", "15:00", "--end", "14:00")
    assert bad.code == 3 and "must end after it starts (15:00)" in bad.err
    assert school("education", "session", "add", "--kind", "orientation", "--topic", "x", "--date", HELD,
                  "--start", "3pm", "--end", "14:00").code == 2
    assert school("education", "attend", "1").code == 2  # nobody given
    assert school("education", "attend", "99", "1").code == 3  # no such session
    future = add_session(school, "--date", (TODAY + dt.timedelta(days=3)).isoformat())
    later = school("education", "attend", str(future), "3")
    assert later.code == 3 and "once it has taken place" in later.err


@pytest.mark.parametrize("language, words", [("ko", ["수료증", "최하은", "1시간30분"]),
                                             ("en", ["Certificateofcompletion", "정지우", "1h30min"])])
def test_the_papers_print_and_read_back(school, tmp_path, language, words):
    session = str(add_session(school))
    listed = ok(school("education", "attend", session, "3", "4", "--json")).json()
    certificates = ok(school("print", "education-certificate", "--session", session, "-o", tmp_path / "c.pdf",
                             "--language", language, "--json")).json()
    assert certificates["pages"] == 2
    text = ["".join(p.extract_text().split()) for p in PdfReader(tmp_path / "c.pdf").pages]
    assert all(any(w in page for page in text) for w in words)
    one = ok(school("print", "education-certificate", "--session", session, "--attendee", str(listed[1]["id"]),
                    "-o", tmp_path / "one.pdf", "--language", language, "--json")).json()
    assert one["pages"] == 1 and "정지우" in PdfReader(tmp_path / "one.pdf").pages[0].extract_text()
    sheet = ok(school("print", "education-attendance", "--session", session, "-o", tmp_path / "s.pdf",
                      "--language", language))
    assert "(1 page)" in sheet.out and "최하은" in PdfReader(tmp_path / "s.pdf").pages[0].extract_text()
    year = dt.date.fromisoformat(HELD).year
    ok(school("print", "education-report", "--year", str(year), "-o", tmp_path / "r.pdf", "--language", language))
    assert "신규 조합원 교육" in PdfReader(tmp_path / "r.pdf").pages[0].extract_text()


def test_nobody_to_certify_is_refused_and_nothing_written(school, tmp_path):
    session = str(add_session(school))
    refused = school("print", "education-certificate", "--session", session, "-o", tmp_path / "c.pdf")
    assert refused.code == 3 and "no one to give a certificate to" in refused.err
    assert not (tmp_path / "c.pdf").exists()
