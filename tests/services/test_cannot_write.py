"""A PDF or a table that cannot be written is refused with the reason in the reader's language,
and nothing is left behind."""

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import Translator, refusal_text
from coopdesk.services.printing import write_pdf
from coopdesk.services.table_write import write_table

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_a_path_through_a_file_says_why_in_korean_and_english(tmp_path, kind):
    letter = tmp_path / "letter.txt"
    letter.write_text("편지")
    target = letter / f"out.{kind}"  # a part of the path is a file, not a folder
    with pytest.raises(Refusal) as refused:
        if kind == "pdf":
            write_pdf(target, PDF)
        else:
            write_table(target, ["이름"], [["김민준"]], total=1)
    korean = refusal_text(refused.value, Translator("ko"))
    english = refusal_text(refused.value, Translator("en"))
    assert english == f"{target} cannot be written: a part of the path is not a folder"
    assert str(target) in korean and "a part of the path" not in korean and "Not a directory" not in korean
    assert letter.read_text() == "편지" and sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt"]
