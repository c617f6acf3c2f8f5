"""`coopdesk officer`: recording terms, listing, ending, and the register check's exit status."""

from __future__ import annotations

import pytest

TERM = ("--start", "2026-03-15", "--end", "2028-03-14")


@pytest.fixture
def board(desk):
    """Four members; ``desk`` runs commands on their co-op file."""
    for name in ("김민준", "이서연", "박도윤", "최하은"):
        assert desk("member", "add", "--name", name, "--type", "소비자", "--joined", "2025-01-01").code == 0
    return desk


def test_a_board_entered_term_by_term_passes_the_check(board):
    assert board("officer", "add", "--office", "chair", "--member", "1", *TERM).out.strip() == "1"
    early = board("--json", "officer", "check", "--on", "2026-11-21")
    assert early.code == 3
    report = early.json()
    assert report["meets_act"] is False
    assert [b["article"] for b in report["breaches"]] == ["Act 34①", "Act 34①"]
    assert "Auditors in office on Nov 21, 2026: 0" in report["breaches"][1]["message"]

    assert board("officer", "add", "--office", "director", "--member", "2", *TERM).code == 0
    outsider = board("--json", "officer", "add", "--office", "director", "--name", "한 외부", *TERM).json()
    assert (outsider["member"], outsider["name"], outsider["chosen_by"]) == (None, "한 외부", "elected")
    assert board("officer", "add", "--office", "auditor", "--member", "4", *TERM).code == 0

    ok = board("officer", "check", "--on", "2026-11-21")
    assert ok.code == 0
    assert "It meets the Act." in ok.out and "may do without a board" in ok.out
    listed = board("--json", "officer", "list").json()
    assert [(t["office"], t["name"]) for t in listed] == [
        ("chair", "김민준"), ("director", "이서연"), ("director", "한 외부"), ("auditor", "최하은")]


def test_a_refused_term_says_why_and_adds_nothing(board):
    board("officer", "add", "--office", "chair", "--member", "1", *TERM)
    bad = board("--json", "officer", "add", "--office", "auditor", "--member", "1", *TERM)
    assert bad.code == 3
    assert bad.json()["article"] == "Act 44②" and bad.json()["field"] == "office"
    assert "An auditor cannot be a director or the chair" in bad.err
    too_long = board("officer", "add", "--office", "director", "--member", "2", "--start", "2026-03-15",
                     "--end", "2030-03-15")
    assert too_long.code == 3 and "at most 4 years" in too_long.err
    assert len(board("--json", "officer", "list").json()) == 1


def test_who_is_the_officer_is_one_of_member_or_name(board):
    both = board("officer", "add", "--office", "director", "--member", "2", "--name", "한 외부", *TERM)
    assert both.code == 2
    neither = board("officer", "add", "--office", "director", *TERM)
    assert neither.code == 2


def test_ending_a_term_early_and_listing_on_a_day(board):
    for office, member in (("chair", "1"), ("director", "2"), ("director", "3"), ("auditor", "4")):
        board("officer", "add", "--office", office, "--member", member, *TERM)
    ended = board("--json", "officer", "end", "2", "--on", "2027-01-31", "--note", "사임").json()
    assert (ended["left_on"], ended["note"]) == ("2027-01-31", "사임")
    on_day = board("--json", "officer", "list", "--on", "2027-02-01").json()
    assert [t["id"] for t in on_day] == [1, 3, 4]
    later = board("officer", "check", "--on", "2027-02-01")
    assert later.code == 3 and "Breach of the Act: Directors in office on Feb 1, 2027: 2" in later.out
    filled = board("officer", "add", "--office", "director", "--name", "한 외부", "--start", "2027-02-01",
                   "--end", "2028-03-14", "--chosen-by", "vacancy", "--predecessor-end", "2028-03-14")
    assert filled.code == 0, filled.err
    soon = board("officer", "check", "--on", "2028-01-20")
    assert soon.code == 0
    assert "The term of the chair, 김민준, ends on Mar 14, 2028; days left: 54." in soon.out


def test_editing_a_term_changes_only_what_is_given(board):
    board("officer", "add", "--office", "director", "--member", "2", *TERM, "--note", "창립")
    edited = board("--json", "officer", "edit", "1", "--name", "한 외부").json()[0]
    assert (edited["member"], edited["name"], edited["office"], edited["end"], edited["note"]) == (
        None, "한 외부", "director", "2028-03-14", "창립")
    missing = board("officer", "edit", "9", "--office", "auditor")
    assert missing.code == 3 and "no officer's term number 9" in missing.err
