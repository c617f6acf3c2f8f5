"""`coopdesk print founding-pack -o FILE.pdf | --folder DIR [--language ko|en]`, on a co-op file
whose founding has reached its held meeting; `print bylaws` prints from the same file."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from coopdesk.services.files import create_in
from tests.services.founding.helpers import CONSENTERS, name
from tests.services.founding_papers.helpers import founded_to_meeting


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    return "".join("".join(page.extract_text().split()) for page in reader.pages), len(reader.pages)


def founding_file(tmp_path: Path) -> Path:
    made = create_in(tmp_path / "햇빛.coopdesk", founded_to_meeting)
    return Path(made.target)


def test_the_pack_prints_as_one_pdf_and_as_a_folder(cli, tmp_path):
    coop_file = founding_file(tmp_path)
    one = cli("--db", coop_file, "--json", "print", "founding-pack", "--language", "ko", "-o", tmp_path / "pack.pdf")
    assert one.code == 0, one.err
    text, pages = pdf_text(one.json()["file"])
    assert pages == one.json()["pages"] and pages >= 15
    for words in ("설립신고서류", "목차", "협동조합설립신고서", "창립총회개최공고", "임원명부", "발기인및설립동의자명부",
                  *(name(n) for n in range(1, CONSENTERS + 1))):
        assert words in text, words
    folder = cli("--db", coop_file, "print", "founding-pack", "--language", "en", "--folder", tmp_path / "papers")
    assert folder.code == 0, folder.err
    assert "Wrote 9 papers" in folder.out
    files = sorted((tmp_path / "papers").glob("*.pdf"))
    assert [f.name[:3] for f in files] == [f"{n:02d} " for n in range(1, 10)]
    assert "Listofofficers" in pdf_text(files[4])[0]
    bylaws = cli("--db", coop_file, "print", "bylaws", "--language", "ko", "-o", tmp_path / "정관.pdf")
    assert bylaws.code == 0, bylaws.err
    assert "햇빛발전협동조합정관" in pdf_text(tmp_path / "정관.pdf")[0]


def test_a_coop_not_in_founding_is_told_so(desk, tmp_path):
    refused = desk("print", "founding-pack", "-o", tmp_path / "pack.pdf")
    assert refused.code != 0 and not (tmp_path / "pack.pdf").exists()
    assert refused.err.strip()
