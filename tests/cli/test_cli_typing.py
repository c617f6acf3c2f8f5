"""The command line as people type it: options where they put them, defaults, the file just made, Korean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.i18n import Translator
from tests.cli.conftest import SAMPLE_INIT, run_process

KO = Translator("ko")


def korean(message_id: str, **params: object) -> str:
    text = KO.gettext(message_id, **params)
    assert text != message_id.format(**params), f"not translated into Korean yet: {message_id!r}"
    return text


# -- (a) the global options after the area and the verb ----------------------------------

def test_json_and_db_after_the_verb(cli, desk, coop_file):
    desk("member", "add", "--name", "김하늘", "--type", "소비자")
    listed = cli("member", "list", "--json", "--db", coop_file)
    assert listed.code == 0, listed.err
    assert [m["name"] for m in listed.json()] == ["김하늘"]
    added = cli("member", "add", "--name", "이바다", "--type", "생산자", "--db", str(coop_file), "--json")
    assert added.code == 0, added.err
    assert added.json()["number"] == 2


def test_global_options_between_the_area_and_the_verb(cli, desk, coop_file):
    listed = cli("coop", "--db", coop_file, "--json", "show")
    assert listed.code == 0, listed.err
    assert listed.json()["name"] == "햇살마을협동조합"


def test_db_with_an_equals_sign_and_coop_after_the_verb(cli, desk, coop_file):
    shown = cli("coop", "show", f"--db={coop_file}", "--coop", "1", "--json")
    assert shown.code == 0, shown.err
    assert shown.json()["id"] == 1
    missing = cli("coop", "show", "--db", coop_file, "--coop", "7")
    assert missing.code in (2, 3) and "7" in missing.err


def test_the_screen_language_after_the_verb(desk):
    shown = desk("coop", "show", "--language", "ko")
    assert shown.code == 0, shown.err
    assert KO.gettext("Main office") in shown.out and "Main office" not in shown.out


def test_the_option_after_the_verb_wins(desk):
    listed = desk("--json", "member", "list")
    assert listed.code == 0 and listed.json() == []
    plain = desk("--language", "en", "coop", "show", "--language", "ko")
    assert KO.gettext("Main office") in plain.out


def test_a_verbs_own_language_stays_the_documents(desk, tmp_path):
    """``print register --language en`` is the register's language; messages stay in the screen's."""
    desk("member", "add", "--name", "김하늘", "--type", "소비자")
    result = desk("print", "register", "-o", tmp_path / "r.pdf", "--language", "en", "--json")
    assert result.code == 0, result.err
    assert result.json()["pages"] >= 1
    refused = desk("print", "register", "-o", tmp_path / "r.pdf", "--language", "ko", "--as-of", "31.12.2025")
    assert refused.code == 2
    assert "is not a date" in refused.err  # the screen stayed English: --language was the document's


def test_global_options_after_the_verb_as_a_real_process(tmp_path):
    target = tmp_path / "p.coopdesk"
    assert run_process(*SAMPLE_INIT, "--db", target).code == 0
    added = run_process("member", "add", "--name", "김하늘", "--type", "소비자", "--json", "--db", target)
    assert added.code == 0, added.err
    assert json.loads(added.out)["number"] == 1


# -- (b) init with sensible defaults -----------------------------------------------------

@pytest.mark.parametrize("language", ["ko", "en"])
def test_init_needs_only_a_name_and_an_office(cli, tmp_path, language):
    target = tmp_path / "general.coopdesk"
    made = cli("--language", language, "--db", target, "init", "--name", "새벽협동조합", "--office", "서울특별시 중구 1")
    assert made.code == 0, made.err
    shown = cli("--db", target, "--json", "coop", "show").json()
    assert shown["kind"] == "general" and shown["member_types"] == ["조합원"]
    added = cli("--db", target, "--json", "member", "add", "--name", "김하늘")  # the only type: no --type
    assert added.code == 0, added.err
    assert added.json()["type"] == "조합원"


def test_a_social_coop_still_needs_its_member_types(cli, tmp_path):
    target = tmp_path / "social.coopdesk"
    made = cli("--db", target, "init", "--name", "함께사회적협동조합", "--office", "대전", "--kind", "social")
    assert made.code == 3
    assert not target.exists()


# -- (c) the file made is the file opened next -------------------------------------------

def test_the_demo_is_the_file_opened_next(cli, user_home):
    made = cli("--json", "demo", "--members", "5")
    assert made.code == 0, made.err
    file = made.json()["file"]
    listed = cli("--json", "member", "list")
    assert listed.code == 0, listed.err
    assert len(listed.json()) == 5
    settings = json.loads(paths.settings_file().read_text(encoding="utf-8"))
    assert settings["last_file"] == str(Path(file).resolve()) == settings["recent_files"][0]


def test_an_init_is_the_file_opened_next(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("--db", "here.coopdesk", *SAMPLE_INIT).code == 0
    added = cli("member", "add", "--name", "김하늘", "--type", "소비자")
    assert added.code == 0, added.err
    assert cli("--db", tmp_path / "here.coopdesk", "--json", "member", "list").json()[0]["name"] == "김하늘"
    # Remembered as a full path: another folder finds it too.
    monkeypatch.chdir(tmp_path.parent)
    assert [m["name"] for m in cli("--json", "member", "list").json()] == ["김하늘"]


def test_the_window_opens_the_file_the_command_made(cli, tmp_path):
    from coopdesk.ui.settings import Settings

    target = tmp_path / "for-the-window.coopdesk"
    assert cli("--db", target, *SAMPLE_INIT).code == 0
    settings = Settings()
    assert settings.last_file == str(target.resolve())
    assert settings.recent_files[0] == str(target.resolve())


def test_a_failed_init_is_not_remembered(cli, tmp_path):
    before = cli("--db", tmp_path / "first.coopdesk", *SAMPLE_INIT)
    assert before.code == 0
    refused = cli("--db", tmp_path / "credit.coopdesk", *SAMPLE_INIT, "--law", "credit")
    assert refused.code == 3
    assert json.loads(paths.settings_file().read_text(encoding="utf-8"))["last_file"] == str(
        (tmp_path / "first.coopdesk").resolve())


# -- (d) argparse's own messages in Korean ------------------------------------------------

def test_unrecognized_arguments_in_korean(desk):
    result = desk("--language", "ko", "member", "list", "--colour", "blue")
    assert result.code == 2
    error_line = result.err.strip().splitlines()[-1]
    assert korean("unrecognized arguments: {arguments}", arguments="--colour blue") in error_line
    assert "unrecognized" not in error_line


def test_required_arguments_in_korean(cli):
    result = cli("--language", "ko", "init")
    assert result.code == 2
    error_line = result.err.strip().splitlines()[-1]
    assert korean("the following arguments are required: {arguments}", arguments="--name") in error_line
    assert "required" not in error_line


def test_an_invalid_choice_in_korean(cli):
    result = cli("--language", "ko", "member", "lst")
    assert result.code == 2
    problem = korean("invalid choice: {value} (choose from {choices})", value="'lst'", choices="'add'")
    assert problem.split("'add'")[0] in result.err
    assert korean("argument {argument}: {problem}", argument="VERB", problem="").strip() in result.err
    assert "invalid choice" not in result.err.strip().splitlines()[-1]


def test_expected_one_argument_in_korean(cli):
    result = cli("member", "list", "--db", "--language", "ko")  # --db swallowed nothing: its value is missing
    assert result.code == 2
    assert "expected one argument" in result.err or korean("expected one argument") in result.err
    korean_run = cli("--language", "ko", "member", "list", "--db")
    assert korean_run.code == 2
    error_line = korean_run.err.strip().splitlines()[-1]
    assert korean("expected one argument") in error_line and "expected" not in error_line


def test_argparse_in_korean_from_the_system_language(tmp_path):
    result = run_process("init", env={"LANG": "ko_KR.UTF-8"})
    assert result.code == 2
    assert korean("the following arguments are required: {arguments}", arguments="--name") in result.err
    assert KO.gettext("usage: ") in result.err


def test_argparse_is_left_as_it_was(cli):
    """The translation is lent to argparse for our parser only: others keep theirs."""
    import argparse
    import gettext

    cli("--language", "ko", "member", "lst")
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
