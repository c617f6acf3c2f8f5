"""The `coopdesk` command: co-ops, members, refusals, usage errors, language, exit codes."""

from __future__ import annotations

import datetime as dt
import json

from coopdesk import paths
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import Translator, refusal_text
from tests.cli.conftest import SAMPLE_INIT, run_process

TODAY = dt.date.today()


def test_init_add_and_list_as_json(desk):
    first = desk("member", "add", "--name", "김하늘", "--type", "소비자", "--joined", "2025-03-01",
                 "--phone", "010-1234-5678", "--email", "Haneul@Example.kr")
    second = desk("member", "add", "--name", "이바다", "--type", "생산자")
    assert (first.code, first.out.strip()) == (0, "1")
    assert (second.code, second.out.strip()) == (0, "2")

    listed = desk("--json", "member", "list")
    assert listed.code == 0
    rows = listed.json()
    assert [(r["number"], r["name"], r["type"], r["status"]) for r in rows] == [
        (1, "김하늘", "소비자", "member"), (2, "이바다", "생산자", "member")]
    assert rows[0]["joined_on"] == "2025-03-01"
    assert rows[1]["joined_on"] == TODAY.isoformat()  # joining date defaults to today
    assert rows[0]["phone"] == "010-1234-5678" and rows[0]["email"] == "haneul@example.kr"
    assert rows[0]["left_on"] is None


def test_add_as_json_gives_the_member(desk):
    added = desk("--json", "member", "add", "--name", "박산", "--type", "생산자", "--birth-date", "1980-02-03",
                 "--applied", "2025-01-10", "--joined", "2025-02-01")
    member = added.json()
    assert member["number"] == 1 and member["birth_date"] == "1980-02-03"
    assert [e["kind"] for e in member["events"]] == ["applied", "admitted"]


def test_a_bad_email_is_refused_and_nothing_is_added(desk):
    bad = desk("member", "add", "--name", "김하늘", "--type", "소비자", "--email", "not-an-address")
    assert bad.code == 3
    assert "“not-an-address” is not an e-mail address." in bad.err
    assert bad.out == ""
    assert desk("--json", "member", "list").json() == []


def test_refusals_come_as_json_too(desk):
    bad = desk("--json", "member", "add", "--name", "김하늘", "--type", "없는유형")
    assert bad.code == 3
    assert bad.json()["field"] == "member_type"
    assert "소비자, 생산자" in bad.err


def test_another_law_is_refused_plainly_and_leaves_no_file(cli, tmp_path):
    target = tmp_path / "credit.coopdesk"
    result = cli("--db", target, *SAMPLE_INIT, "--law", "credit")
    assert result.code == 3
    assert "applies only the Framework Act on Cooperatives" in result.err
    assert not target.exists()


def test_init_takes_the_bylaws_settings(cli, tmp_path):
    target = tmp_path / "social.coopdesk"
    made = cli("--db", target, "--json", "init", "--name", "함께돌봄사회적협동조합", "--kind", "social",
               "--office", "대전광역시 중구 대종로 1", "--fiscal-month", "3", "--share-price", "50000",
               "--member-type", "생산자", "--member-type", "소비자", "--withdrawal-notice-days", "60",
               "--notice-days", "10", "--officer-term", "3", "--directors-min", "5", "--directors-max", "9",
               "--auditors", "2", "--non-use-months", "24", "--tie-rule", "lots", "--instalments")
    assert made.code == 0, made.err
    shown = cli("--db", target, "--json", "coop", "show").json()
    assert shown["kind"] == "social" and shown["fiscal_year_start_month"] == 3
    assert shown["bylaws"] == {**shown["bylaws"], "share_price": 50000, "withdrawal_notice_days": 60,
                               "notice_days": 10, "officer_term_years": 3, "directors_min": 5,
                               "directors_max": 9, "auditors": 2, "non_use_months_for_expulsion": 24,
                               "tie_rule": "lots", "instalments_allowed": True}
    text = cli("--db", target, "coop", "show").out
    assert "함께돌봄사회적협동조합" in text and "Drawing lots" in text and "₩50,000" in text


def test_a_bylaws_setting_against_the_act_is_refused(cli, tmp_path):
    result = cli("--db", tmp_path / "c.coopdesk", *SAMPLE_INIT, "--officer-term", "5")
    assert result.code == 3
    assert "An officer's term is at most 4 years. (Act 35①)" in result.err


def test_edit_changes_only_the_fields_given(desk):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--phone", "010-1111-2222",
         "--email", "a@b.kr", "--birth-date", "1990-05-06")
    edited = desk("--json", "member", "edit", "1", "--email", "new@b.kr", "--type", "생산자")
    assert edited.code == 0, edited.err
    member = desk("--json", "member", "show", "1").json()
    assert (member["name"], member["type"], member["phone"], member["email"], member["birth_date"]) == (
        "김하늘", "생산자", "010-1111-2222", "new@b.kr", "1990-05-06")
    cleared = desk("--json", "member", "edit", "1", "--birth-date", "", "--phone", "").json()
    assert cleared["birth_date"] is None and cleared["phone"] == "" and cleared["email"] == "new@b.kr"


def test_show_gives_details_status_and_history(desk):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--joined", "2025-03-01", "--notes", "창립 조합원")
    shown = desk("member", "show", "1")
    assert shown.code == 0
    assert "Member 1: 김하늘" in shown.out and "창립 조합원" in shown.out
    assert "Status:" in shown.out and "Admission" in shown.out and "Mar 1, 2025" in shown.out


def test_withdrawal_takes_effect_after_the_notice_period(desk):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--joined", "2025-03-01")
    notice_on = TODAY - dt.timedelta(days=10)
    done = desk("member", "withdraw", "1", "--on", notice_on.isoformat(), "--note", "이사")
    assert done.code == 0, done.err
    member = desk("--json", "member", "show", "1").json()
    assert member["status"] == "withdrawing"  # 10 of the bylaws' 30 days have run
    assert member["leaves_on"] == (notice_on + dt.timedelta(days=30)).isoformat()
    again = desk("member", "withdraw", "1")
    assert again.code == 3 and "A withdrawal notice is already on record." in again.err


def test_events_change_the_status(desk):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--applied", "2025-03-01")
    assert desk("--json", "member", "show", "1").json()["status"] == "applicant"
    assert desk("member", "event", "1", "--kind", "admitted", "--on", "2025-03-10").code == 0
    assert desk("member", "event", "1", "--kind", "deceased", "--on", "2025-09-01").code == 0
    rows = desk("--json", "member", "list").json()
    assert (rows[0]["status"], rows[0]["left_on"]) == ("deceased", "2025-09-01")
    late = desk("member", "event", "1", "--kind", "withdrawn", "--on", "2025-10-01")
    assert late.code == 3 and "already left" in late.err


def test_list_filters_by_status_type_and_search(desk):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--phone", "010-1234-5678")
    desk("member", "add", "--name", "이바다", "--type", "생산자")
    desk("member", "add", "--name", "박산", "--type", "소비자", "--applied", "2025-01-01")

    def numbers(*filters: str) -> list[int]:
        return [r["number"] for r in desk("--json", "member", "list", *filters).json()]

    assert numbers("--type", "소비자") == [1, 3]
    assert numbers("--status", "applicant") == [3]
    assert numbers("--status", "member", "--status", "applicant", "--type", "소비자") == [1, 3]
    assert numbers("--search", "01012345678") == [1]
    table = desk("member", "list", "--search", "이바")
    assert "이바다" in table.out and "김하늘" not in table.out and "1 member shown." in table.out


def test_a_file_with_several_coops_needs_coop(desk, cli, coop_file):
    assert cli("--db", coop_file, "init", "--name", "두번째협동조합", "--office", "부산",
               "--member-type", "조합원", "--add-to-existing").code == 0
    unclear = desk("member", "add", "--name", "김하늘")
    assert unclear.code == 3 and "holds 2 co-ops" in unclear.err
    added = desk("--coop", "2", "member", "add", "--name", "김하늘")  # the only type is taken
    assert added.code == 0, added.err
    assert desk("--coop", "2", "--json", "member", "list").json()[0]["type"] == "조합원"
    assert desk("--coop", "1", "--json", "member", "list").json() == []
    assert [c["name"] for c in desk("--json", "coop", "list").json()] == ["햇살마을협동조합", "두번째협동조합"]
    assert desk("--coop", "7", "member", "list").code == 3  # no such co-op


# -- usage errors ---------------------------------------------------------------------

def test_usage_errors_exit_2(desk, cli):
    assert cli("no-such-area").code == 2
    assert desk("member").code == 2  # a verb is needed
    bad_date = desk("member", "add", "--name", "김하늘", "--type", "소비자", "--joined", "2025-13-01")
    assert bad_date.code == 2
    assert "“2025-13-01” is not a date: write it as YYYY-MM-DD." in bad_date.err
    assert desk("member", "show", "abc").code == 2
    assert desk("demo", "--members", "100001").code == 2
    assert desk("--json", "member", "list").json() == []  # nothing was added on the way


def test_without_db_the_file_opened_last_is_used(cli, coop_file):
    missing = cli("member", "list")
    assert missing.code == 2 and "--db" in missing.err
    assert cli("--db", coop_file, *SAMPLE_INIT).code == 0
    paths.settings_file().write_text(json.dumps({"last_file": str(coop_file)}), encoding="utf-8")
    assert cli("member", "add", "--name", "김하늘", "--type", "소비자").code == 0
    assert cli("--db", coop_file, "--json", "member", "list").json()[0]["name"] == "김하늘"


def test_a_damaged_settings_file_is_no_crash(cli):
    paths.settings_file().write_text("{not json", encoding="utf-8")
    result = cli("member", "list")
    assert result.code == 2 and "--db" in result.err


def test_a_missing_file_is_not_created_by_other_commands(cli, tmp_path):
    target = tmp_path / "typo.coopdesk"
    result = cli("--db", target, "member", "list")
    assert result.code == 2 and "coopdesk --db" in result.err
    assert not target.exists()


def test_help_exits_0(cli):
    result = cli("--help")
    assert result.code == 0 and "member" in result.out and "audit" in result.out


# -- language -------------------------------------------------------------------------

def test_korean_messages_with_language_ko(desk):
    ko = Translator("ko")
    bad = desk("--language", "ko", "member", "add", "--name", "김하늘", "--type", "소비자", "--email", "x")
    assert bad.code == 3
    expected = refusal_text(Refusal("\u201c{value}\u201d is not an e-mail address.", value="x"), ko)
    assert bad.err.strip() == expected
    helped = desk("--language", "ko", "member", "add", "--help")
    assert ko.gettext("Show this help and exit") in helped.out
    assert ko.gettext("Full name") in helped.out


def test_the_system_language_is_the_default(desk, monkeypatch):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--joined", "2025-03-01")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    shown = desk("member", "show", "1")
    assert Translator("ko").date(dt.date(2025, 3, 1)) in shown.out  # 2025. 3. 1.
    assert Translator("ko").gettext("Member {number}: {name}", number=1, name="김하늘") in shown.out


def test_a_document_language_does_not_change_the_screen_language(cli):
    # `print register --language ko` is the document's language; the error stays in English.
    result = cli("print", "register", "-o", "x.pdf", "--language", "ko")
    assert result.code == 2
    assert "Which co-op file?" in result.err


# -- as a real process ----------------------------------------------------------------

def test_exit_codes_and_stderr_of_the_real_command(tmp_path):
    target = tmp_path / "proc.coopdesk"
    made = run_process("--db", target, *SAMPLE_INIT)
    assert made.code == 0, made.err
    refused = run_process("--db", target, "member", "add", "--name", "김하늘", "--type", "소비자",
                          "--phone", "call me")
    assert refused.code == 3
    assert "“call me” is not a phone number." in refused.err and refused.out == ""
    usage = run_process("--db", target, "member", "add", "--name", "김하늘", "--joined", "yesterday")
    assert usage.code == 2 and "YYYY-MM-DD" in usage.err
    added = run_process("--db", target, "--json", "member", "add", "--name", "김하늘", "--type", "소비자")
    assert added.code == 0 and added.json()["number"] == 1


def test_member_list_loads_neither_qt_nor_reportlab(tmp_path, desk, coop_file):
    desk("member", "add", "--name", "김하늘", "--type", "소비자")
    script = ("import sys; from coopdesk.cli import main; code = main(['--db', sys.argv[1], 'member', 'list']);"
              "print(sorted(m for m in ('PySide6', 'reportlab', 'openpyxl') if m in sys.modules)); sys.exit(code)")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script, str(coop_file)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "김하늘" in done.stdout


def test_coopdesk_alone_starts_the_window(cli, monkeypatch, coop_file):
    import coopdesk.ui.app

    started = []
    monkeypatch.setattr(coopdesk.ui.app, "run_gui", lambda target, language: started.append((target, language)) or 0)
    assert cli().code == 0
    assert cli("--db", coop_file, "--language", "ko").code == 0
    assert started == [(None, None), (str(coop_file), "ko")]
