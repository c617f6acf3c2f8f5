"""The filing pack filled from the record and printed: one PDF with its cover and contents, and
a folder of one PDF per paper; read back (every paper's heading, the founders, the officers, the
ministry from the setting); before the meeting the pack prints for checking and says what is
missing.  On SQLite and PostgreSQL."""


import pytest
from pypdf import PdfReader

from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.founding.papers import PackPart
from coopdesk.services.founding.papers import filing_pack, print_pack, print_pack_folder
from coopdesk.services.founding.start import edit_settings
from coopdesk.services.founding.views import FoundingSettings
from tests.conftest import TODAY
from tests.services.founding.helpers import CONSENTERS, name
from tests.services.founding_papers.helpers import founded_to_meeting


def text_of(path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    return "".join("".join(page.extract_text().split()) for page in reader.pages), reader


def test_the_pack_is_filled_from_the_founding_the_meeting_and_the_officers(db):
    coop_id = founded_to_meeting(db)
    pack = filing_pack(db, coop_id, "ko", TODAY)
    assert (pack.form.founders, pack.form.consenters, pack.form.shares, pack.form.subscribed_won) == (7, 12, 95, 950_000)
    assert pack.form.ministry == "기획예산처" and pack.form.authority == "전북특별자치도지사"
    assert pack.form.applicant.name == name(1)  # the chair elected at the meeting
    assert sorted((o.office.value, o.name) for o in pack.officers) == sorted(
        [("chair", name(1)), ("director", name(1)), ("director", name(2)), ("director", name(3)), ("auditor", name(8))])
    assert all(o.birth_date is not None for o in pack.officers)
    assert [p.number for p in pack.people] == list(range(1, CONSENTERS + 1))
    assert pack.minutes is not None and not pack.minutes.draft
    assert pack.notice.qualifications.startswith("조합의 설립 목적에") and pack.missing() == ()
    assert [x.item for x in pack.business_plan] == ["태양광 발전 사업", "에너지 교육 사업"]
    assert pack.bylaws.facts.texts.founders == tuple(name(n) for n in range(1, 8))  # they sign the bylaws


def test_the_pack_prints_as_one_pdf_with_every_paper(db, tmp_path):
    coop_id = founded_to_meeting(db)
    edit_settings(db, coop_id, FoundingSettings("기획재정부", "전북특별자치도지사"), TODAY)  # the setting prints
    steps: list[tuple[int, int]] = []
    result = print_pack(db, coop_id, tmp_path / "pack.pdf", "ko", today=TODAY,
                        progress=lambda done, total: steps.append((done, total)) or True)
    text, reader = text_of(result.path)
    assert result.pages == len(reader.pages) and 15 <= result.pages <= 30
    for words in ("햇빛발전협동조합", "설립신고서류", "목차", "협동조합설립신고서", "기획재정부", "전북특별자치도지사귀하",
                  "햇빛발전협동조합정관", "창립총회개최공고", "햇빛발전협동조합창립총회의사록", "임원명부", "사업계획서",
                  "수입·지출예산서", "태양광발전사업", "출자1좌당금액과조합원별출자좌수", "발기인및설립동의자명부",
                  "950,000원", *(name(n) for n in range(1, CONSENTERS + 1))):
        assert words in text, words
    assert "기획예산처" not in text  # the ministry is the co-op's setting, never a constant
    first = "".join(reader.pages[0].extract_text().split())
    assert "목차" in first and "1/" not in first[:5]
    assert steps and steps[-1][0] == steps[-1][1]


def test_the_pack_prints_as_a_folder_of_papers(db, tmp_path):
    coop_id = founded_to_meeting(db)
    result = print_pack_folder(db, coop_id, tmp_path / "서류", "ko", today=TODAY)
    names = [p.name for p in result.files]
    assert len(names) == len(PackPart) and names[0] == "01 협동조합 설립신고서.pdf"
    assert names[-1] == "09 발기인 및 설립동의자 명부.pdf"
    pages = 0
    for path in result.files:
        pages += len(text_of(path)[1].pages)
    assert pages == result.pages
    assert "임원명부" in text_of(result.files[4])[0] and name(8) in text_of(result.files[4])[0]


def test_in_english_every_paper_says_it_is_a_reference_translation(db, tmp_path):
    coop_id = founded_to_meeting(db)
    result = print_pack_folder(db, coop_id, tmp_path / "papers", "en", today=TODAY)
    for path in result.files:
        first = "".join(PdfReader(str(path)).pages[0].extract_text().split())
        assert "referencetranslation" in first.lower(), path.name


def test_before_the_meeting_the_pack_prints_for_checking_and_says_what_is_missing(db, tmp_path):
    coop_id = founded_to_meeting(db, hold=False)
    pack = filing_pack(db, coop_id, "ko", TODAY)
    assert PackPart.OFFICERS in pack.missing() and pack.minutes is not None and pack.minutes.draft
    result = print_pack(db, coop_id, tmp_path / "draft.pdf", "ko", today=TODAY)
    text, _reader = text_of(result.path)
    assert "(아직기록되지않음)" in text and "기록된임원이아직없습니다" in text and "초안" in text  # draft minutes


def test_cancel_leaves_no_file(db, tmp_path):
    coop_id = founded_to_meeting(db)
    with pytest.raises(Cancelled):
        print_pack(db, coop_id, tmp_path / "pack.pdf", "ko", today=TODAY, progress=lambda done, total: done < 3)
    assert not (tmp_path / "pack.pdf").exists()


def test_a_coop_not_in_founding_has_no_pack(db, coop):
    with pytest.raises(Refusal):
        filing_pack(db, coop.id, "ko", TODAY)


def test_a_social_coop_prints_its_application_with_the_checks_it_depends_on(db, tmp_path):
    from coopdesk.domain.coop import CoopKind
    from coopdesk.domain.founding.checks import FoundingRule, Level
    from coopdesk.services.founding.start import start_founding
    from tests.conftest import sample_profile
    from tests.services.founding.helpers import STARTED, gather, prepare_meeting

    coop_id = start_founding(db, sample_profile(name="햇빛돌봄사회적협동조합", kind=CoopKind.SOCIAL,
                                                member_types=("소비자", "생산자")),
                             started_on=STARTED, authority="전북특별자치도지사", today=TODAY).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)  # its plan marks no public-benefit business
    pack = filing_pack(db, coop_id, "ko", TODAY)
    levels = {c.rule: c.level for c in pack.form.checks}
    assert levels == {FoundingRule.STAKEHOLDERS: Level.MET, FoundingRule.PUBLIC_BENEFIT: Level.UNMET}
    text, _reader = text_of(print_pack(db, coop_id, tmp_path / "인가.pdf", "ko", today=TODAY).path)
    for words in ("설립인가신청서류", "사회적협동조합설립인가신청서", "설립인가요건", "시행령제19조①", "법제93조①",
                  "충족", "미충족", "60일"):
        assert words in text, words
