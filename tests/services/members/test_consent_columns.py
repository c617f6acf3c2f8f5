"""The consent date in the member export and import: a column of its own, found again by its heading
(Korean or English), checked as the member form checks it, all-or-nothing with every bad row listed."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain.errors import ImportRejected
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.members.consent import consent_dates
from coopdesk.services.members.exporting import export_members
from coopdesk.services.members.importing import guess_mapping, import_members, preview
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member, get_member
from tests.conftest import TODAY, sample_profile

D = dt.date


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_carries_the_consent_and_imports_again(db, coop, tmp_path, language, suffix):
    add_member(db, coop.id, MemberDetails("김민준", "소비자", D(1980, 5, 1), privacy_consent_on=D(2024, 3, 1)),
               joined_on=D(2024, 3, 1), today=TODAY)
    add_member(db, coop.id, MemberDetails("이서연", "생산자"), joined_on=D(2024, 3, 2), today=TODAY)
    path = tmp_path / f"members{suffix}"
    export_members(list_members(db, coop.id, today=TODAY), path, language, consents=consent_dates(db, coop.id))
    shown = preview(path)
    assert shown.headers[-1] == ("개인정보 동의일" if language == "ko" else "Personal data consent")
    assert shown.mapping["privacy_consent_on"] == len(shown.headers) - 1
    other = create_coop(db, sample_profile(name="두번째협동조합"))
    import_members(db, other.id, path, guess_mapping(shown.headers), today=TODAY)
    assert get_member(db, other.id, 1, today=TODAY).details.privacy_consent_on == D(2024, 3, 1)
    assert get_member(db, other.id, 2, today=TODAY).details.privacy_consent_on is None


def test_an_impossible_consent_date_refuses_the_whole_import(db, coop, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("이름,생년월일,가입일,개인정보 동의일\n김민준,1980-05-01,2024-03-01,2024-03-01\n"
                    "이서연,1990-01-01,2024-03-01,1989-12-31\n박도윤,,2024-03-01,2099-01-01\n", encoding="utf-8")
    mapping = guess_mapping(preview(path).headers)
    assert mapping["privacy_consent_on"] == 3 and mapping["joined_on"] == 2
    coop_one_type = create_coop(db, sample_profile(name="세번째협동조합", member_types=("소비자",)))
    with pytest.raises(ImportRejected) as rejected:
        import_members(db, coop_one_type.id, path, mapping, today=TODAY)
    assert [(p.line, p.refusal.field) for p in rejected.value.problems] == [(3, "privacy_consent_on"),
                                                                           (4, "privacy_consent_on")]
    assert list_members(db, coop_one_type.id) == []
