"""`coopdesk meeting` and `coopdesk print <paper>`: a 15-member ordinary assembly scripted end to end,
a board meeting, an expulsion, the agenda, and the papers read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

HELD = "2026-03-28"  # a Saturday: notice by the 20th (7 whole days in between, Act 28④)
TERM = ("--start", "2026-03-15", "--end", "2028-03-14")
RESULT_KEYS = ("item", "kind", "members", "present", "in_person", "proxies", "excluded", "yes", "no", "abstain",
               "quorum_reached", "passed", "rule", "article", "closed")


@pytest.fixture
def desk(cli, coop_file: Path):
    """``coopdesk --db <a co-op file> args``: the sample co-op, its bylaws adopted before its members
    joined and before the assembly that amends them (an amendment cannot come before its bylaws)."""
    from tests.cli.conftest import SAMPLE_INIT

    assert cli("--db", coop_file, *SAMPLE_INIT, "--adopted", "2025-01-01").code == 0
    return lambda *args: cli("--db", coop_file, *args)


@pytest.fixture
def assembly(desk):
    """15 members (numbers 1 to 15) and meeting 1, an ordinary assembly with the standard agenda."""
    for n in range(1, 16):
        added = desk("member", "add", "--name", f"조합원{n:02d}", "--type", "소비자", "--joined", "2025-01-10")
        assert added.code == 0, added.err
    made = desk("meeting", "create", "--kind", "ordinary", "--date", HELD, "--time", "14:00", "--place",
                "조합 사무실", "--convened-by", "이사장", "--chair", "김의장", "--title", "2026년 정기총회",
                "--standard-agenda")
    assert (made.code, made.out.strip()) == (0, "1"), made.err
    return desk


def ok(result):  # noqa: ANN001, ANN201
    assert result.code == 0, result.err
    return result


def results(desk, *args: str) -> list[dict]:
    return ok(desk("meeting", "results", "1", *args, "--json")).json()


def pdf_text(path: Path) -> str:
    """The PDF's text without white space: a wrapped sentence compares equal to its source."""
    return "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def flat(text: str) -> str:
    return "".join(text.split())


def test_an_ordinary_assembly_from_notice_to_signed_minutes(assembly, tmp_path):
    desk = assembly
    late = desk("meeting", "notice", "1", "--sent-on", "2026-03-21", "--method", "우편")
    assert late.code == 3
    assert "so it had to go out by Mar 20, 2026. (Act 28④)" in late.err and "--accept-late" in late.err
    assert ok(desk("--json", "meeting", "show", "1")).json()["notices"] == []
    kept = ok(desk("meeting", "notice", "1", "--sent-on", "2026-03-21", "--method", "우편", "--accept-late",
                   "--json")).json()
    assert (kept["accepted_late"], kept["on_time"], kept["latest"], kept["days_short"], kept["article"]) == (
        True, False, "2026-03-20", 1, "Act 28④")
    assert "1 day(s) late" in kept["late_warning"]

    arrived = ok(desk("meeting", "check-in", "1", *map(str, range(1, 10))))
    assert "Checked in: 조합원09 (member 9)" in arrived.out
    assert "Present: 9 of 15 (9 in person, 0 by proxy)." in arrived.out
    ok(desk("meeting", "proxy", "1", "--principal", "10", "--holder", "1", "--written-proof"))
    room = ok(desk("meeting", "attendance", "1", "--json")).json()
    assert (room["members"], room["present"], room["in_person"], room["by_proxy"], room["quorum_reached"]) == (
        15, 10, 9, 1, True)
    assert room["quorum"] == "2 × present (10) > members (15)" and room["proxies"][0]["holder_name"] == "조합원01"

    for position, counts in enumerate(((6, 3, 1), (8, 1, 1), (9, 0, 1)), start=1):
        yes, no, abstain = map(str, counts)
        ok(desk("meeting", "vote", "1", str(position), "--yes", yes, "--no", no, "--abstain", abstain))
    # item 4 elects officers: by an election, never by yes and no (Act 34)
    refused = desk("meeting", "vote", "1", "4", "--yes", "7", "--no", "2", "--abstain", "1")
    assert refused.code == 3 and "\u201ccoopdesk election create 1 --item 4\u201d" in refused.err
    ok(desk("election", "create", "1", "--item", "4", "--contest", "auditor:1"))
    ok(desk("election", "candidate", "add", "1", "--contest", "auditor", "--member", "5", "--registered-on",
            "2026-03-12", "--accepted-on", "2026-03-13"))
    ok(desk("election", "open", "1"))
    for voter in range(1, 9):
        ok(desk("election", "cast", "1", "--voter", str(voter), "--yes", "auditor:5"))
    ok(desk("election", "close", "1"))
    ok(desk("election", "decide", "1"))
    before = results(desk)
    impossible = desk("meeting", "vote", "1", "2", "--yes", "8", "--no", "2", "--abstain", "1")
    assert impossible.code == 3
    assert "More votes (11) than members present who may vote (10)." in impossible.err
    assert results(desk) == before  # nothing recorded

    # A special item at the edge of two thirds: 7 of 10 passes (21 ≥ 20), 6 of 10 fails (18 < 20).
    added = ok(desk("meeting", "item", "add", "1", "--subject", "bylaws_amendment", "--title", "정관 변경의 건",
                    "--notice-days", "10"))
    assert added.out.strip() == "Item 5 added: 정관 변경의 건 (Special resolution)."
    assert ok(desk("meeting", "vote", "1", "5", "--yes", "7", "--no", "2", "--abstain", "1", "--json")).json()["passed"]
    six = ok(desk("meeting", "vote", "1", "5", "--yes", "6", "--no", "3", "--abstain", "1", "--json")).json()
    assert (six["passed"], six["rule"], six["explanation"]) == (False, "special", "3 × yes (6) < 2 × present (10)")
    for position in range(1, 6):
        ok(desk("meeting", "close", "1", str(position)))

    final = results(desk)
    assert {k: final[0][k] for k in RESULT_KEYS} == {
        "item": 1, "kind": "ordinary", "members": 15, "present": 10, "in_person": 9, "proxies": 1, "excluded": 0,
        "yes": 6, "no": 3, "abstain": 1, "quorum_reached": True, "passed": True, "rule": "ordinary",
        "article": "Act 29②", "closed": True}
    assert (final[0]["explanation"], final[0]["quorum"]) == ("2 × yes (6) > present (10)",
                                                           "2 × present (10) > members (15)")
    assert [(r["item"], r["kind"], r["passed"]) for r in final[1:]] == [
        (2, "ordinary", True), (3, "ordinary", True), (4, "election", True), (5, "special", False)]
    assert results(desk, "--item", "5") == [final[4]]
    assert ok(desk("--json", "coop", "show")).json()["bylaws"]["notice_days"] == 7  # the amendment failed

    ok(desk("meeting", "times", "1", "--opened", "14:05", "--closed", "16:10"))
    two = ok(desk("meeting", "signers", "1", "2", "3"))
    assert "at least 3 members elected at the meeting to sign; 2 chosen. (Act 30③)" in two.err
    minutes = tmp_path / "의사록.pdf"
    refused = desk("print", "minutes", "--meeting", "1", "-o", minutes)
    assert refused.code == 3 and "2 chosen" in refused.err and not minutes.exists()

    ok(desk("meeting", "signers", "1", "2", "3", "4"))
    printed = ok(desk("--json", "print", "minutes", "--meeting", "1", "-o", minutes)).json()
    assert printed["file"] == str(minutes) and printed["pages"] >= 1
    text = pdf_text(minutes)
    assert flat("Of the 10 members present, 6 voted yes, 3 no and 1 abstained: the motion was carried.") in text
    assert flat("Of the 10 members present, 6 voted yes, 3 no and 1 abstained: the motion was rejected.") in text
    assert flat("Of the 15 members, 10 were present (9 in person, 1 by proxy); the chair confirmed that the "
                "quorum was reached and declared the meeting open.") in text
    for signer in ("김의장", "조합원02", "조합원03", "조합원04"):
        assert signer in text
    assert "DRAFT" not in text


def test_in_korean_the_refusals_and_results_read_in_korean(assembly):
    late = assembly("--language", "ko", "meeting", "notice", "1", "--sent-on", "2026-03-21", "--method", "문자")
    assert late.code == 3
    assert "소집통지가 1일 늦었습니다" in late.err and "2026. 3. 20." in late.err and "(법 제28조④)" in late.err
    ok(assembly("meeting", "check-in", "1", *map(str, range(1, 11))))
    ok(assembly("meeting", "vote", "1", "1", "--yes", "6", "--no", "3", "--abstain", "1"))
    too_many = assembly("--language", "ko", "meeting", "vote", "1", "2", "--yes", "11", "--no", "0")
    assert too_many.code == 3 and "투표 수(11)가" in too_many.err
    ok(assembly("meeting", "close", "1", "1"))
    shown = ok(assembly("--language", "ko", "meeting", "results", "1", "--item", "1"))
    assert "출석 조합원 10명 중 찬성 6명, 반대 3명, 기권 1명으로 원안 가결" in shown.out
    assert "(법 제29조②)" in shown.out


def test_help_lists_the_meeting_commands_and_the_papers(cli):
    shown = cli("meeting", "--help")
    assert shown.code == 0
    for command in ("create", "list", "show", "edit", "item", "notice", "notice-check", "check-in", "check-out",
                    "proxy", "attendance", "exclude", "vote", "ballot", "close", "correct", "results", "times",
                    "signers"):
        assert f"\n    {command} " in shown.out or f"\n    {command}\n" in shown.out, command
    assert "director's term number" in cli("meeting", "check-in", "--help").out
    papers = cli("print", "--help").out
    assert all(paper in papers for paper in ("register", "notice", "attendance", "proxy-form", "minutes"))


def test_check_in_takes_several_numbers_and_reports_each(assembly):
    mixed = assembly("meeting", "check-in", "1", "1", "99", "2", "1")
    assert mixed.code == 3
    assert "Checked in: 조합원01 (member 1)" in mixed.out and "Checked in: 조합원02 (member 2)" in mixed.out
    assert "Member 99: There is no member number 99." in mixed.err  # named for what it is
    assert "Member 1: This member is already checked in." in mixed.err
    report = assembly("meeting", "check-in", "1", "3", "4", "--json").json()
    assert [r["ok"] for r in report["results"]] == [True, True] and report["attendance"]["present"] == 4
    ok(assembly("meeting", "check-out", "1", "2"))
    room = assembly("--json", "meeting", "attendance", "1").json()
    assert [a["key"] for a in room["attendees"]] == [1, 3, 4]
    family = assembly("meeting", "proxy", "1", "--principal", "5", "--family-name", "김가족", "--written-proof")
    assert family.code == 3 and "only if they live with the member. (Act 23③)" in family.err
    ok(assembly("meeting", "proxy", "1", "--principal", "5", "--family-name", "김가족", "--lives-with",
                "--written-proof"))
    assert assembly("--json", "meeting", "attendance", "1").json()["by_proxy"] == 1


def test_the_law_s_kind_is_the_default_and_cannot_be_lowered(assembly):
    def add(*args: str):  # noqa: ANN202
        return assembly("meeting", "item", "add", "1", *args, "--json")

    assert ok(add("--subject", "merger", "--title", "합병의 건")).json()["kind"] == "special"
    assert ok(add("--title", "회비 조정의 건")).json()["kind"] == "ordinary"
    assert ok(add("--title", "감사 의견", "--kind", "report")).json()["kind"] == "report"
    lowered = add("--subject", "dissolution", "--title", "해산의 건", "--kind", "ordinary")
    assert lowered.code == 3 and lowered.json()["article"] == "Act 29②"
    assert "requires a special resolution" in lowered.err
    stray = add("--title", "기타", "--notice-days", "10")
    assert stray.code == 3 and "Only a bylaws amendment carries" in stray.err
    assert len(assembly("--json", "meeting", "item", "list", "1").json()) == 7


def test_an_expulsion_needs_the_grounds_told_in_time_and_a_hearing(assembly):
    told_late = assembly("meeting", "item", "add", "1", "--subject", "expulsion", "--title", "제명의 건",
                         "--expel-member", "15", "--grounds-told-on", "2026-03-18")
    assert told_late.code == 3 and "by Mar 17, 2026. (Act 25②)" in told_late.err
    ok(assembly("meeting", "item", "add", "1", "--subject", "expulsion", "--title", "제명의 건",
                "--expel-member", "15", "--grounds-told-on", "2026-03-17", "--grounds", "정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음"))
    ok(assembly("meeting", "check-in", "1", *map(str, range(1, 13))))
    ok(assembly("meeting", "vote", "1", "5", "--yes", "10", "--no", "2"))
    unheard = assembly("meeting", "close", "1", "5")
    assert unheard.code == 3 and "chance to speak" in unheard.err
    assert assembly("--json", "member", "show", "15").json()["status"] == "member"
    heard = ok(assembly("meeting", "item", "hearing", "1", "5"))
    assert "member 15 was given the chance to speak on item 5" in heard.out
    closed = ok(assembly("meeting", "close", "1", "5", "--json")).json()
    assert (closed["passed"], closed["rule"], closed["yes"], closed["present"]) == (True, "special", 10, 12)
    assert assembly("--json", "member", "show", "15").json()["status"] == "expelled"


def test_a_board_meeting_counts_directors_by_term_number(assembly, tmp_path):
    desk = assembly
    for office, who in (("chair", ("--member", "1")), ("director", ("--member", "2")),
                        ("director", ("--name", "한 외부")), ("auditor", ("--member", "4"))):
        ok(desk("officer", "add", "--office", office, *who, *TERM))
    assert ok(desk("meeting", "create", "--kind", "board", "--date", "2026-04-10", "--time", "19:00",
                   "--place", "사무실", "--chair", "조합원01")).out.strip() == "2"
    came = desk("meeting", "check-in", "2", "1", "3", "4")
    assert came.code == 3 and "Term 4: This person is not a director in office on the day" in came.err  # an auditor
    assert "Checked in: 한 외부 (term 3)" in came.out
    room = desk("--json", "meeting", "attendance", "2").json()
    assert (room["members"], room["present"], room["quorum_reached"], room["quorum_article"]) == (
        3, 2, True, "Act 32③")
    assert desk("meeting", "proxy", "2", "--principal", "2", "--holder", "1", "--written-proof").code == 3
    merger = desk("meeting", "item", "add", "2", "--subject", "merger", "--title", "합병")
    assert merger.code == 3 and "a matter for the general assembly" in merger.err
    ok(desk("meeting", "item", "add", "2", "--title", "사업 집행의 건"))
    ok(desk("meeting", "vote", "2", "1", "--yes", "2", "--no", "0"))
    result = ok(desk("meeting", "close", "2", "1", "--json")).json()
    assert (result["rule"], result["passed"], result["members"], result["article"]) == ("board", True, 3, "Act 32③")
    signers = ok(desk("meeting", "signers", "2", "--json")).json()
    assert signers["enough"] and [(s["key"], s["chosen"]) for s in signers["signers"]] == [(1, True), (3, True)]
    minutes = tmp_path / "이사회.pdf"
    ok(desk("print", "minutes", "--meeting", "2", "-o", minutes))
    text = pdf_text(minutes)
    assert flat("Of the 2 directors present, 2 voted yes, 0 no and 0 abstained: the motion was carried.") in text
    assert "한외부" in text and "조합원01" in text


def test_a_roll_call_and_an_exclusion(assembly):
    ok(assembly("meeting", "check-in", "1", *map(str, range(1, 11))))
    excluded = ok(assembly("meeting", "exclude", "1", "1", "3", "--reason", "이해관계"))
    assert "조합원03 (member 3) does not vote on item 1." in excluded.out
    assert assembly("meeting", "ballot", "1", "1", "3", "yes").code == 3
    for member, choice in ((1, "yes"), (2, "yes"), (4, "yes"), (5, "yes"), (6, "yes"), (7, "no")):
        ok(assembly("meeting", "ballot", "1", "1", str(member), choice))
    twice = assembly("meeting", "ballot", "1", "1", "7", "yes")
    assert twice.code == 3 and "already voted" in twice.err
    absent = assembly("meeting", "ballot", "1", "1", "12", "yes")
    assert absent.code == 3 and "Only a member present" in absent.err
    closed = ok(assembly("meeting", "close", "1", "1", "--json")).json()
    # 9 may vote (10 present, 1 excluded): 2 × 5 > 9 passes
    assert (closed["yes"], closed["no"], closed["excluded"], closed["roll_call"], closed["passed"]) == (
        5, 1, 1, True, True)
    corrected = ok(assembly("meeting", "correct", "1", "1", "--yes", "4", "--no", "2", "--reason", "재검표",
                            "--json")).json()
    assert (corrected["yes"], corrected["passed"], corrected["corrections"]) == (4, False, 1)
    assert assembly("meeting", "vote", "1", "1", "--yes", "9", "--no", "0").code == 3  # closed


def test_the_agenda_can_be_reordered_trimmed_and_written_before_the_votes(assembly, monkeypatch):
    moved = ok(assembly("--json", "meeting", "item", "move", "1", "4", "--to", "1")).json()
    assert [i["subject"] for i in moved] == ["officer_election", "settlement", "audit_report", "plan_and_budget"]
    trimmed = ok(assembly("--json", "meeting", "item", "remove", "1", "3")).json()
    assert [(i["item"], i["subject"]) for i in trimmed] == [
        (1, "officer_election"), (2, "settlement"), (3, "plan_and_budget")]
    monkeypatch.setattr(sys, "stdin", io.StringIO("질의응답 후 원안대로 표결에 부침.\n"))
    written = ok(assembly("--json", "meeting", "item", "text", "1", "2", "--proposal", "원안", "--discussion", "-"))
    assert (written.json()["proposal"], written.json()["discussion"]) == ("원안", "질의응답 후 원안대로 표결에 부침.")
    missing = assembly("meeting", "item", "text", "1", "9", "--proposal", "x")
    assert missing.code == 3 and "Meeting 1 has no item 9; its items are numbered 1 to 3." in missing.err
    assert assembly("meeting", "item", "text", "1", "1").code == 2  # nothing to record


def test_editing_a_meeting_changes_only_what_is_given_until_it_has_begun(assembly):
    edited = ok(assembly("meeting", "edit", "1", "--place", "마을회관 2층", "--purpose", "결산 승인", "--json")).json()
    assert (edited["place"], edited["purpose"], edited["chair"], edited["time"], edited["date"]) == (
        "마을회관 2층", "결산 승인", "김의장", "14:00", HELD)
    ok(assembly("meeting", "check-in", "1", "1"))
    moved = assembly("meeting", "edit", "1", "--date", "2026-03-29")
    assert moved.code == 3 and "can no longer change" in moved.err
    assert assembly("--json", "meeting", "show", "1").json()["date"] == HELD


def test_the_papers_print_before_the_meeting_under_a_suggested_name(assembly, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ok(assembly("meeting", "notice", "1", "--sent-on", "2026-03-18", "--method", "우편"))
    notice = ok(assembly("--json", "print", "notice", "--meeting", "1", "--language", "ko")).json()
    assert notice["file"] == str(tmp_path / "2026년 정기총회 소집통지서.pdf")
    text = pdf_text(Path(notice["file"]))
    # the agenda was laid out from an English screen; a Korean notice says its titles in Korean
    assert "조합사무실" in text and flat("감사보고 승인") in text and flat("Approval of the audit report") not in text
    for paper in ("attendance", "proxy-form"):
        out = tmp_path / f"{paper}.pdf"
        assert ok(assembly("--json", "print", paper, "--meeting", "1", "-o", out)).json()["pages"] >= 1
    assert "조합원15" in pdf_text(tmp_path / "attendance.pdf")
    unvoted = assembly("print", "minutes", "--meeting", "1", "-o", tmp_path / "final.pdf")
    assert unvoted.code == 3 and not (tmp_path / "final.pdf").exists()
    draft = ok(assembly("--json", "print", "minutes", "--meeting", "1", "--draft")).json()
    assert "DRAFT" in pdf_text(Path(draft["file"]))


def test_bylaws_for_an_amendment_come_from_a_file_and_the_options(assembly, tmp_path, coop_file):
    shown = ok(assembly("--json", "coop", "show")).json()
    good = tmp_path / "bylaws.json"
    good.write_text(json.dumps({**shown, "bylaws": {**shown["bylaws"], "directors_max": 9}}), encoding="utf-8")
    ok(assembly("meeting", "item", "add", "1", "--subject", "bylaws_amendment", "--title", "정관 변경",
                "--bylaws-json", good, "--notice-days", "10"))
    ok(assembly("meeting", "check-in", "1", *map(str, range(1, 11))))
    ok(assembly("meeting", "vote", "1", "5", "--yes", "7", "--no", "3"))
    assert ok(assembly("meeting", "close", "1", "5", "--json")).json()["passed"]
    assert ok(assembly("--json", "coop", "show")).json()["bylaws_version"] == 1  # in force once reported
    versions = ok(assembly("--json", "coop", "bylaws")).json()
    assert [(v["version"], v["adopted_on"], v["item"], v["waiting"]) for v in versions] == [
        (1, versions[0]["adopted_on"], None, False), (2, HELD, 5, True)]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    refused = assembly("coop", "bylaws-reported", "2", "--on", tomorrow)
    assert refused.code != 0 and "after today" in refused.err
    assert ok(assembly("--json", "coop", "bylaws")).json()[1]["waiting"]  # the refusal changed nothing
    said = ok(assembly("coop", "bylaws-reported", "2", "--on", "2026-04-10"))
    assert "Version 2" in said.out and "2026" in said.out
    listed = ok(assembly("coop", "bylaws")).out
    assert "waiting for its report" not in listed and "item 5" in listed
    amended = ok(assembly("--json", "coop", "show")).json()
    assert (amended["bylaws_version"], amended["bylaws"]["directors_max"], amended["bylaws"]["notice_days"]) == (
        2, 9, 10)
    assert {k: v for k, v in amended["bylaws"].items() if k not in ("directors_max", "notice_days")} == {
        k: v for k, v in shown["bylaws"].items() if k not in ("directors_max", "notice_days")}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"notice_days": "ten", "colour": "red"}), encoding="utf-8")
    refused = assembly("meeting", "item", "add", "1", "--subject", "bylaws_amendment", "--title", "x",
                       "--bylaws-json", bad)
    assert refused.code == 2 and "colour, notice_days" in refused.err


def test_meeting_commands_load_neither_qt_nor_reportlab(assembly, coop_file):
    script = ("import sys; from coopdesk.cli import main; code = main(['--db', sys.argv[1], 'meeting', 'show', '1']);"
              "print(sorted(m for m in ('PySide6', 'reportlab') if m in sys.modules)); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script, str(coop_file)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "2026년 정기총회" in done.stdout
