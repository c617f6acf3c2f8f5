"""`coopdesk founding ...`: a co-op founded from the command line — 5 founders and 2 more
consenters, the notice, the course, the founding meeting run by `coopdesk meeting` and
`coopdesk election` on the consenters, the filing refused until the four matters pass, then
the steps to registration: 7 members with their capital."""

import pytest

FOUNDERS = [("김발기", "소비자"), ("이발기", "생산자"), ("박발기", "소비자"), ("최발기", "소비자"),
            ("정발기", "생산자")]
HELD = "2026-09-05"


def ok(result):
    assert result.code == 0, result.err
    return result


@pytest.fixture
def founded(desk):
    ok(desk("founding", "start", "--date", "2026-08-01", "--authority", "서울특별시장"))
    for n, (name, kind) in enumerate(FOUNDERS, start=1):
        extra = ["--representative"] if n == 1 else []
        made = ok(desk("founding", "founder", "add", "--name", name, "--type", kind, "--consented", "2026-08-02",
                       "--shares", "10", "--birth-date", f"19{70 + n}-03-01", *extra))
        assert made.out.strip() == str(n)
    for name in ("한동의", "오동의"):
        ok(desk("founding", "consenter", "add", "--name", name, "--type", "소비자", "--consented", "2026-08-28",
                "--shares", "5"))
    course = ok(desk("education", "session", "add", "--kind", "founding", "--topic", "설립 교육", "--date",
                     "2026-08-20", "--start", "19:00", "--end", "21:00")).out.strip()
    ok(desk("founding", "course", course))
    ok(desk("founding", "meeting", "--date", HELD, "--time", "14:00", "--place", "마을회관", "--chair", "김발기"))
    ok(desk("founding", "notice", "--posted", "2026-08-25", "--place", "마을회관 게시판",
            "--qualifications", "설립 목적에 동의하는 주민"))
    ok(desk("founding", "plan", "business-plan", "--line", "공동구매|생활재 공동구매|30,000,000"))
    ok(desk("founding", "plan", "founding-expenses", "--line", "창립총회 대관||200000"))
    return desk


def test_founders_and_consenters_are_listed_and_the_status_cites_the_act(founded):
    desk = founded
    people = ok(desk("founding", "consenter", "list", "--json")).json()
    assert [(p["number"], p["founder"], p["representative"], p["shares"], p["status"]) for p in people] == [
        (1, True, True, 10, "consenter"), (2, True, False, 10, "consenter"), (3, True, False, 10, "consenter"),
        (4, True, False, 10, "consenter"), (5, True, False, 10, "consenter"), (6, False, False, 5, "consenter"),
        (7, False, False, 5, "consenter")]
    assert ok(desk("member", "list", "--json")).json() == []  # not members before registration
    status = ok(desk("founding", "status", "--json")).json()
    assert (status["stage"], status["founders"], status["consenters"], status["ministry"]) == (
        "notice_posted", 5, 7, "기획예산처")
    checks = {c["rule"]: c for c in status["checks"]}
    assert checks["founders"]["level"] == "met" and checks["founders"]["article"] == "Act 15①"
    assert checks["notice_days"]["level"] == "met" and checks["notice_days"]["article"] == "Act 15②"
    text = ok(desk("--language", "ko", "founding", "status")).out
    assert "발기인" in text and "법 제15조①" in text
    early = desk("founding", "record", "report", "--date", "2026-09-01")
    assert early.code == 3 and "before" in early.err  # before the founding meeting's day
    refused = desk("founding", "record", "report", "--date", "2026-09-10")
    assert refused.code == 3 and "Not yet passed at the founding meeting" in refused.err and "(Act 15)" in refused.err


def test_a_consenter_after_the_meeting_is_refused_and_a_withdrawn_one_leaves_the_register(founded):
    desk = founded
    late = desk("founding", "consenter", "add", "--name", "늦은이", "--type", "소비자", "--consented", "2026-09-06",
                "--shares", "1")
    assert late.code == 3 and "before the founding meeting" in late.err
    edited = ok(desk("founding", "consenter", "edit", "6", "--phone", "010-5555-0006", "--founder", "yes",
                     "--json")).json()
    assert (edited["phone"], edited["founder"], edited["name"], edited["shares"]) == ("010-5555-0006", True,
                                                                                      "한동의", 5)
    ok(desk("founding", "consenter", "remove", "7", "--date", "2026-08-30", "--reason", "이사"))
    assert [p["number"] for p in ok(desk("founding", "consenter", "list", "--json")).json()] == [1, 2, 3, 4, 5, 6]
    attendance = ok(desk("meeting", "attendance", "1", "--json")).json()
    assert attendance["members"] == 6  # the quorum's base: the consenters standing on the day


def test_a_coop_is_founded_and_registered_from_the_command_line(founded):
    desk = founded
    ok(desk("meeting", "check-in", "1", *map(str, range(1, 7))))  # 6 of 7 consenters
    items = ok(desk("meeting", "show", "1", "--json")).json()["items"]
    kinds = {i["subject"]: i["item"] for i in items}
    listed = ok(desk("meeting", "item", "list", "1")).out
    assert "two thirds of those present" in listed and "Ordinary resolution" not in listed
    for subject in ("bylaws_adoption", "plan_and_budget", "founding_expenses"):
        ok(desk("meeting", "vote", "1", str(kinds[subject]), "--yes", "4", "--no", "2"))  # 3 × 4 ≥ 2 × 6
        ok(desk("meeting", "close", "1", str(kinds[subject])))
    election = ok(desk("election", "create", "1", "--item", str(kinds["officer_election"]), "--voting", "screen",
                       "--contest", "director:3", "--contest", "auditor:1")).out.strip()
    for n, contest in ((1, "director"), (2, "director"), (3, "director"), (6, "auditor")):
        ok(desk("election", "candidate", "add", election, "--contest", contest, "--member", str(n),
                "--registered-on", "2026-09-01", "--accepted-on", "2026-09-01"))
    ok(desk("election", "open", election))
    for voter in range(1, 7):
        ok(desk("election", "cast", election, "--voter", str(voter), "--yes", "director:1,2,3", "--yes",
                "auditor:6"))
    ok(desk("election", "close", election))
    ok(desk("election", "decide", election))
    ok(desk("election", "contest", "add", election, "chair:1"))
    ok(desk("election", "candidate", "add", election, "--contest", "chair", "--member", "1", "--accepted-on", HELD,
            "--registered-on", HELD))
    ok(desk("election", "open", election, "--contest", "chair"))
    for voter in range(1, 7):
        ok(desk("election", "cast", election, "--voter", str(voter), "--yes", "chair:1"))
    ok(desk("election", "close", election, "--contest", "chair"))
    ok(desk("election", "decide", election))
    ok(desk("meeting", "close", "1", str(kinds["officer_election"])))
    ok(desk("meeting", "signers", "1", "2", "3", "4"))

    ok(desk("founding", "record", "report", "--date", "2026-09-10"))
    ok(desk("founding", "record", "certificate", "--date", "2026-09-25", "--number", "마포-2026-3"))
    ok(desk("founding", "record", "handover", "--date", "2026-09-26"))
    early = desk("founding", "record", "registration", "--date", "2026-09-27")
    assert early.code == 3 and "capital paid" in early.err
    ok(desk("founding", "record", "capital-paid", "--date", "2026-10-01"))
    registered = ok(desk("--json", "founding", "record", "registration", "--date", "2026-10-20")).json()
    assert registered["stage"] == "registered"
    assert registered["deadline"]["level"] == "unmet" and registered["deadline"]["article"] == "Act 61①"
    assert [(m["number"], m["shares"], m["paid"]) for m in registered["admitted"]] == [
        (1, 10, 100_000), (2, 10, 100_000), (3, 10, 100_000), (4, 10, 100_000), (5, 10, 100_000), (6, 5, 50_000),
        (7, 5, 50_000)]
    members = ok(desk("member", "list", "--json")).json()
    assert [(m["number"], m["status"], m["joined_on"]) for m in members] == [
        (n, "member", "2026-10-20") for n in range(1, 8)]


@pytest.fixture
def gathered(desk):
    """Five founders, no founding meeting yet."""
    ok(desk("founding", "start", "--date", "2026-08-01"))
    for n, (name, kind) in enumerate(FOUNDERS, start=1):
        ok(desk("founding", "founder", "add", "--name", name, "--type", kind, "--consented", "2026-08-02",
                "--shares", "10"))
    return desk


def test_a_founding_meeting_made_on_the_meetings_side_is_linked(gathered):
    desk = gathered
    board = ok(desk("meeting", "create", "--kind", "board", "--date", "2026-08-10", "--title", "발기인 회의")).out
    made = ok(desk("meeting", "create", "--kind", "founding", "--date", HELD, "--place", "마을회관",
                   "--standard-agenda")).out
    board, made = board.strip(), made.strip()
    choices = {c["id"]: c for c in ok(desk("founding", "meetings", "--json")).json()}
    assert choices[int(made)]["qualifies"] and choices[int(made)]["refusal"] is None
    assert not choices[int(board)]["qualifies"]
    assert choices[int(board)]["refusal"] == "Only a founding meeting can be the founding's meeting."
    listed = ok(desk("--language", "ko", "founding", "meetings")).out
    assert "발기인 회의" in listed and "창립총회" in listed
    refused = desk("founding", "link-meeting", board)
    assert refused.code == 3 and "Only a founding meeting" in refused.err
    assert ok(desk("founding", "status", "--json")).json()["meeting"] is None
    linked = ok(desk("founding", "link-meeting", made, "--json")).json()
    assert linked["meeting"] == int(made)
    again = ok(desk("meeting", "create", "--kind", "founding", "--date", "2026-09-12")).out.strip()
    second = desk("founding", "link-meeting", again)
    assert second.code == 3 and f"already has its founding meeting, number {made}" in second.err


def test_a_member_is_not_added_by_hand_while_founding(gathered):
    desk = gathered
    refused = desk("member", "add", "--name", "따로가입", "--type", "소비자", "--joined", "2026-09-01")
    assert refused.code == 3 and "still being founded" in refused.err and "Act 19①" in refused.err
    korean = desk("--language", "ko", "member", "add", "--name", "따로가입", "--type", "소비자", "--joined",
                  "2026-09-01")
    assert korean.code == 3 and "법 제19조①" in korean.err
    assert ok(desk("member", "list", "--json")).json() == []
