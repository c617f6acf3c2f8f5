"""`coopdesk election` and `coopdesk print ballots | election-notice | election-result | officer-list`:
a 15-member ordinary assembly elects 3 directors, an auditor and the chair by secret ballot,
scripted end to end; and a paper election whose two tellers first disagree, then agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

HELD = "2026-03-28"
DIRECTORS = (2, 6, 7, 8, 9)
# 13 voters (member 13 by proxy): 2 and 6 get 10 votes, 7 gets 7, 8 gets 5, 9 gets 2, one blank
DIRECTOR_MARKS = ["2,6,7"] * 7 + ["2,6,8"] * 3 + ["8,9"] * 2 + [None]
CHAIR_MARKS = ["2"] * 8 + ["5"] * 4 + [None]
VOTERS = [*range(1, 13), 13]


def ok(result):
    assert result.code == 0, result.err
    return result


def pdf_text(path: Path) -> str:
    return "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def name(n: int) -> str:
    return f"조합원{n:02d}"


@pytest.fixture
def assembly(desk):
    """15 members; meeting 1, an ordinary assembly with the standard agenda; members 1–12 here and
    member 13 by member 1's proxy.  ``desk`` and the place of the officer-election item."""
    for n in range(1, 16):
        ok(desk("member", "add", "--name", name(n), "--type", "소비자", "--joined", "2025-01-10"))
    ok(desk("meeting", "create", "--kind", "ordinary", "--date", HELD, "--time", "14:00", "--place", "조합 사무실",
            "--convened-by", "이사장", "--chair", name(1), "--title", "2026년 정기총회", "--standard-agenda"))
    ok(desk("meeting", "check-in", "1", *map(str, range(1, 13))))
    ok(desk("meeting", "proxy", "1", "--principal", "13", "--holder", "1", "--written-proof"))
    items = ok(desk("meeting", "show", "1", "--json")).json()["items"]
    return desk, next(i["item"] for i in items if i["subject"] == "officer_election")


def test_an_assembly_elects_its_officers_by_secret_ballot_from_the_command_line(assembly, tmp_path):
    desk, item = assembly
    made = ok(desk("election", "create", "1", "--item", str(item), "--voting", "screen", "--announced-on",
                   "2026-03-10", "--candidacy-from", "2026-03-10", "--candidacy-to", "2026-03-20",
                   "--committee", "김선관", "--committee", "이공정", "--contest", "director:3", "--contest", "auditor:1"))
    election = made.out.strip()
    assert election == "1"
    for n in DIRECTORS:
        ok(desk("election", "candidate", "add", election, "--contest", "director", "--member", str(n),
                "--registered-on", "2026-03-12"))
    ok(desk("election", "candidate", "add", election, "--contest", "auditor", "--member", "10",
            "--registered-on", "2026-03-12"))
    refused = desk("election", "open", election)
    assert refused.code == 3 and "accept" in refused.err  # candidates must accept before voting opens
    for n in DIRECTORS:
        ok(desk("election", "candidate", "accept", election, "--contest", "director", str(n), "--on", "2026-03-13"))
    ok(desk("election", "candidate", "accept", election, "--contest", "auditor", "10", "--on", "2026-03-13"))
    shown = ok(desk("election", "show", election, "--json")).json()
    assert [(c["office"], c["seats"], c["method"]) for c in shown["contests"]] == [
        ("director", 3, "plurality"), ("auditor", 1, "approval")]
    notice = tmp_path / "notice.pdf"
    ok(desk("print", "election-notice", "--election", election, "-o", notice, "--language", "ko"))
    assert name(9) in pdf_text(notice)
    ok(desk("election", "open", election))
    ballots = tmp_path / "ballots.pdf"
    printed = ok(desk("--json", "print", "ballots", "--election", election, "-o", ballots, "--per-page", "1")).json()
    assert printed["pages"] == 2 * 13  # a paper per voter present in each open contest

    for i, voter in enumerate(VOTERS):
        marks = ["--mark", f"director:{DIRECTOR_MARKS[i]}"] if DIRECTOR_MARKS[i] else ["--blank", "director"]
        auditor = ["--no", "auditor:10"] if i == 11 else ["--blank", "auditor"] if i == 12 else ["--yes", "auditor:10"]
        cast = ok(desk("election", "cast", election, "--voter", str(voter), *marks, *auditor))
        assert cast.out.strip() == "Your ballot is in the box. Hand the laptop back."
    again = desk("election", "cast", election, "--voter", "5", "--mark", "director:2")
    assert again.code == 3 and "already voted" in again.err
    absent = desk("election", "cast", election, "--voter", "14", "--mark", "director:2")
    assert absent.code == 3
    assert desk("election", "cast", election, "--voter", "3").code == 2  # no ballot given: usage
    roll = ok(desk("election", "roll", election, "--json")).json()
    assert roll["present"] == 13 and [c["voted"] for c in roll["contests"]] == [13, 13]
    assert [v["member_number"] for v in roll["voted"]] == list(range(1, 14))
    assert set(roll["voted"][0]) == {"member_number", "name", "contests"}  # nothing of a ballot

    ok(desk("election", "close", election))
    decided = ok(desk("election", "decide", election)).out
    assert f"elected {name(2)}, {name(6)}, {name(7)}." in decided
    ok(desk("election", "contest", "add", election, "chair:1"))
    ok(desk("election", "candidate", "add", election, "--contest", "chair", "--member", "2", "--accepted-on",
            "2026-03-28", "--registered-on", "2026-03-12"))
    not_director = desk("election", "candidate", "add", election, "--contest", "chair", "--member", "11",
                        "--registered-on", "2026-03-12")
    assert not_director.code == 3 and "Act 34" in not_director.err
    ok(desk("election", "candidate", "add", election, "--contest", "chair", "--member", "6", "--accepted-on",
            "2026-03-28", "--registered-on", "2026-03-12"))
    ok(desk("election", "open", election, "--contest", "chair"))
    for i, voter in enumerate(VOTERS):
        marks = ["--mark", f"chair:{CHAIR_MARKS[i].replace('5', '6')}"] if CHAIR_MARKS[i] else ["--blank", "chair"]
        ok(desk("election", "cast", election, "--voter", str(voter), *marks))
    ok(desk("election", "close", election, "--contest", "chair"))
    ok(desk("election", "decide", election))

    result = ok(desk("election", "result", election, "--json")).json()
    assert result["decided"] and result["seed"] is None
    assert {office: [p["member_number"] for p in people] for office, people in result["elected"].items()} == {
        "chair": [2], "director": [2, 6, 7], "auditor": [10]}
    directors = result["contests"][0]
    assert [(c["member_number"], c["votes"], c["elected"]) for c in directors["candidates"]] == [
        (2, 10, True), (6, 10, True), (7, 7, True), (8, 5, False), (9, 2, False)]
    assert (directors["ballots"], directors["blank"]) == (13, 1)
    assert directors["rules"][0]["article"] == "Act 23①"
    assert result["contests"][1]["candidates"][0]["against"] == 1
    words = ok(desk("--language", "ko", "election", "result", election)).out
    assert f"이사 3인 선출: {name(2)} 10표, {name(6)} 10표, {name(7)} 7표, {name(8)} 5표, {name(9)} 2표 — " \
           f"{name(2)}·{name(6)}·{name(7)} 당선" in words

    closed_item = ok(desk("--language", "ko", "meeting", "close", "1", str(item))).out
    assert "선거로 결정" in closed_item, closed_item
    assert "가결" not in closed_item and "법 제23조" not in closed_item, closed_item  # an election, not a motion
    results = ok(desk("meeting", "results", "1", "--item", str(item))).out
    assert "Elected" in results and "Carried" not in results and "yes needed" not in results, results
    officers = ok(desk("officer", "list", "--json")).json()
    assert sorted((o["office"], o["member"], o["chosen_by"]) for o in officers) == [
        ("auditor", 10, "elected"), ("chair", 2, "elected"), ("director", 2, "elected"), ("director", 6, "elected"),
        ("director", 7, "elected")]
    table = ok(desk("officer", "list")).out
    assert all(name(n) in table for n in (2, 6, 7, 10))
    closed = desk("election", "cast", election, "--voter", "1", "--mark", "chair:2")
    assert closed.code == 3

    announced = tmp_path / "result.pdf"
    ok(desk("print", "election-result", "--election", election, "-o", announced, "--language", "ko"))
    assert f"이사{name(2)}·{name(6)}·{name(7)}감사{name(10)}" in pdf_text(announced)
    listed = tmp_path / "officers.pdf"
    ok(desk("print", "officer-list", "--election", election, "-o", listed, "--language", "en"))
    assert name(10) in pdf_text(listed)
    minutes = tmp_path / "minutes.pdf"
    ok(desk("print", "minutes", "--meeting", "1", "--draft", "-o", minutes, "--language", "ko"))
    assert (f"이사3인선출:{name(2)}10표,{name(6)}10표,{name(7)}7표,{name(8)}5표,{name(9)}2표—"
            f"{name(2)}·{name(6)}·{name(7)}당선") in pdf_text(minutes)


def test_a_paper_election_is_accepted_when_the_two_tellers_agree(assembly):
    desk, item = assembly
    election = ok(desk("election", "create", "1", "--item", str(item), "--voting", "paper",
                       "--contest", "director:2")).out.strip()
    for n in (6, 7, 8):
        ok(desk("election", "candidate", "add", election, "--contest", "director", "--member", str(n),
                "--accepted-on", "2026-03-12", "--registered-on", "2026-03-12"))
    ok(desk("election", "open", election))
    on_screen = desk("election", "cast", election, "--voter", "3", "--mark", "director:6")
    assert on_screen.code == 3 and "paper" in on_screen.err
    for voter in VOTERS:
        assert ok(desk("election", "paper-taken", election, "--voter", str(voter))).out.strip() == \
            f"Member {voter} took 1 ballot paper."
    assert desk("election", "paper-taken", election, "--voter", "13").code == 3
    ok(desk("election", "close", election))

    count = ("--ballots", "13", "--blank", "1", "--invalid", "1")
    first = ok(desk("election", "tally", election, "--contest", "director", "--teller", "1", *count,
                    "--votes", "6=9", "7=8", "8=5", "--json")).json()
    assert (first["accepted"], first["teller_2"]) == (False, False)
    second = desk("election", "tally", election, "--contest", "director", "--teller", "2", *count,
                  "--votes", "6=9", "7=7", "8=5")
    assert second.code == 0 and "The tellers' counts differ:" in second.err
    assert "조합원07" in second.out and "8" in second.out and "7" in second.out
    differ = ok(desk("election", "tally", election, "--contest", "director", "--teller", "2", *count,
                     "--votes", "6=9", "7=7", "8=5", "--json")).json()
    assert differ["differences"] == [{"item": "votes", "key": 7, "teller_1": 8, "teller_2": 7}]
    assert desk("election", "decide", election).code == 3  # not accepted: nothing to decide
    agreed = ok(desk("election", "tally", election, "--contest", "director", "--teller", "2", *count,
                     "--votes", "6=9", "7=8", "8=5"))
    assert "Both tellers agree: the count is accepted." in agreed.out
    ok(desk("election", "decide", election))
    result = ok(desk("election", "result", election, "--json")).json()
    assert [p["member_number"] for p in result["elected"]["director"]] == [6, 7]
    assert (result["contests"][0]["ballots"], result["contests"][0]["invalid"]) == (13, 1)
