"""A form's problems are found together, so that the form shows them all at once."""

import pytest

from coopdesk.domain.errors import Refusal, Refusals, check_all


def _refuse(field):
    def check():
        raise Refusal("Wrong {what}.", field=field, what=field)
    return check


def test_every_problem_is_collected():
    with pytest.raises(Refusals) as caught:
        check_all(_refuse("name"), lambda: None, _refuse("phone"))
    assert [p.field for p in caught.value.problems] == ["name", "phone"]
    assert caught.value.field == "name"  # read as one refusal, it is the first


def test_one_problem_is_itself_and_none_passes():
    with pytest.raises(Refusal) as caught:
        check_all(lambda: None, _refuse("email"))
    assert not isinstance(caught.value, Refusals) and caught.value.field == "email"
    check_all(lambda: None)
