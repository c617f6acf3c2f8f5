"""`coopdesk coop texts show | set`, an amendment with new words (`meeting item add`), and
`coopdesk print bylaws | bylaws-comparison`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.conftest import SAMPLE_INIT

HELD = "2026-09-19"
ADOPTED = "2020-01-01"  # the bylaws an amendment amends were adopted before it


@pytest.fixture
def desk(cli, coop_file: Path):
    """``coopdesk --db <a co-op file> args``, the co-op's bylaws adopted on ADOPTED."""
    assert cli("--db", coop_file, *SAMPLE_INIT, "--adopted", ADOPTED).code == 0
    return lambda *args: cli("--db", coop_file, *args)
PURPOSE = "마을의 먹거리와 돌봄을 함께 해결함을 목적으로 한다."


def ok(result):
    assert result.code == 0, result.err
    return result


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_the_wording_is_shown_written_down_and_printed(desk, tmp_path):
    shown = ok(desk("--json", "coop", "texts", "show")).json()
    assert shown["version"] == 1 and shown["texts"]["founders"] == []
    ok(desk("coop", "texts", "set", "--purpose", PURPOSE, "--business", "공동구매 사업", "--business", "마을 카페",
            "--founder", "김민준", "--founder", "이서연", "--non-member-use", "조합원이 아닌 자도 카페를 이용할 수 있다."))
    texts = ok(desk("--json", "coop", "texts", "show")).json()["texts"]
    assert (texts["purpose"], texts["businesses"], texts["founders"]) == (PURPOSE, ["공동구매 사업", "마을 카페"],
                                                                        ["김민준", "이서연"])
    said = ok(desk("coop", "texts", "show")).out
    assert "Founders:" in said and "김민준, 이서연" in said
    korean = ok(desk("--json", "print", "bylaws", "--language", "ko", "-o", tmp_path / "정관.pdf")).json()
    text = pdf_text(Path(korean["file"]))
    for words in ("햇살마을협동조합정관", "".join(PURPOSE.split()), "마을카페", "사업의이용", "김민준", "이서연",
                  "출자1좌의금액은10,000원"):
        assert words in text, words
    english = ok(desk("print", "bylaws", "--language", "en", "-o", tmp_path / "bylaws.pdf"))
    assert "Wrote" in english.out
    assert "referencetranslation" in pdf_text(tmp_path / "bylaws.pdf")


def test_refusals_say_what_is_wrong_and_keep_the_wording(desk):
    before = ok(desk("--json", "coop", "texts", "show")).json()
    refused = desk("coop", "texts", "set", "--business", "협동조합 간 협력을 위한 사업")
    assert refused.code == 3 and "repeats a business the Act requires" in refused.err and "Act 45" in refused.err
    assert desk("coop", "texts", "set").code == 2
    assert desk("coop", "texts", "show", "--version", "4").code == 3
    assert ok(desk("--json", "coop", "texts", "show")).json() == before


def test_an_amendment_with_new_words_prints_its_comparison_table(desk, tmp_path):
    ok(desk("meeting", "create", "--kind", "extraordinary", "--date", HELD, "--title", "2026년 임시총회"))
    ok(desk("meeting", "item", "add", "1", "--subject", "bylaws_amendment", "--title", "정관 변경의 건",
            "--business", "조합원을 위한 공동구매 사업", "--business", "마을 카페 운영 사업",
            "--proposal", "카페 사업을 시작한다."))
    table = ok(desk("--json", "print", "bylaws-comparison", "--meeting", "1", "--item", "1", "--language", "ko",
                    "-o", tmp_path / "대비표.pdf")).json()
    text = pdf_text(Path(table["file"]))
    for words in ("정관신구조문대비표", "마을카페운영사업", "사업의종류변경", "카페사업을시작한다", "부의안"):
        assert words in text, words
    assert "출자1좌의금액변경" not in text  # the settings stay as they are
    missing = desk("print", "bylaws-comparison", "--meeting", "1", "--item", "2")
    assert missing.code == 3 and "no item 2" in missing.err


def test_the_texts_of_an_amendment_come_from_a_file_too(desk, tmp_path):
    shown = ok(desk("--json", "coop", "texts", "show")).json()
    words = tmp_path / "texts.json"
    words.write_text(json.dumps({**shown, "texts": {**shown["texts"], "purpose": PURPOSE}}), encoding="utf-8")
    ok(desk("meeting", "create", "--kind", "extraordinary", "--date", HELD, "--title", "2026년 임시총회"))
    ok(desk("meeting", "item", "add", "1", "--subject", "bylaws_amendment", "--title", "정관 변경의 건",
            "--texts-json", words, "--share-price", "20000"))
    ok(desk("print", "bylaws-comparison", "--meeting", "1", "--item", "1", "-o", tmp_path / "c.pdf"))
    text = pdf_text(tmp_path / "c.pdf")
    assert "".join(PURPOSE.split()) in text and "20,000" in text and "Purposechanged" in text
