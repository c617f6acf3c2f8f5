"""`coopdesk member add | event | import` and `coopdesk init --adopted`, as a new secretary uses
them: someone already on the register is not added twice without being asked for, a death while
withdrawing is recorded, every problem of an import row is said at its column."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date.today()


def test_a_member_already_on_the_register_is_refused_with_whom_they_match(desk):
    assert desk("member", "add", "--name", "김민준", "--type", "소비자", "--phone", "010-1234-5678").code == 0
    assert desk("member", "add", "--name", "이서연", "--type", "소비자", "--phone", "010-2222-3333").code == 0
    again = desk("member", "add", "--name", "김민준", "--type", "소비자", "--phone", "01012345678")
    assert again.code == 3
    assert "already on the register: no. 1 김민준 (same phone number)" in again.err
    assert "--even-if-duplicate" in again.err
    listed = desk("--json", "member", "list").json()
    assert [r["number"] for r in listed] == [1, 2]  # nothing added

    anyway = desk("member", "add", "--name", "김민준", "--type", "소비자", "--phone", "01012345678",
                  "--even-if-duplicate")
    assert (anyway.code, anyway.out.strip()) == (0, "3")


def test_a_refusal_of_a_duplicate_comes_as_json_too(desk):
    desk("member", "add", "--name", "김민준", "--type", "소비자", "--birth-date", "1980-05-01")
    again = desk("--json", "member", "add", "--name", "김민준", "--type", "생산자", "--birth-date", "1980-05-01")
    assert again.code == 3
    assert "no. 1 김민준 (same name and birth date)" in again.json()["error"]


def test_a_death_before_the_withdrawal_took_effect_is_recorded_as_the_reason_for_leaving(desk):
    desk("member", "add", "--name", "김민준", "--type", "소비자", "--joined", "2024-01-10")
    notice = (TODAY - dt.timedelta(days=60)).isoformat()  # the model bylaws' 30 days have run
    assert desk("member", "withdraw", "1", "--on", notice).code == 0
    died = (TODAY - dt.timedelta(days=50)).isoformat()
    recorded = desk("--json", "member", "event", "1", "--kind", "deceased", "--on", died)
    assert recorded.code == 0, recorded.err
    member = recorded.json()
    assert (member["status"], member["left_on"]) == ("deceased", died)


def test_every_problem_of_an_import_row_is_said_with_its_column(desk, tmp_path):
    path = tmp_path / "명단.csv"
    path.write_text("이름,조합원유형,이메일,가입일\n김민준,학생,minjun@,2025-03-01\n", encoding="utf-8")
    result = desk("member", "import", path)
    assert result.code == 3
    assert "line 2, column B (조합원유형): “학생” is not a member type" in result.err
    assert "line 2, column C (이메일): “minjun@” is not an e-mail address." in result.err
    as_json = desk("--json", "member", "import", path).json()
    assert [(p["line"], p["column"], p["field"]) for p in as_json["problems"]] == [
        (2, 2, "member_type"), (2, 3, "email")]


def test_init_refuses_bylaws_adopted_after_today(cli, tmp_path):
    from tests.cli.conftest import SAMPLE_INIT

    ahead = (TODAY + dt.timedelta(days=3)).isoformat()
    made = cli("--db", tmp_path / "new.coopdesk", *SAMPLE_INIT, "--adopted", ahead)
    assert made.code == 3 and "after today" in made.err
