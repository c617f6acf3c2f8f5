"""The co-op the year's service tests share (``village``, defined with the tests that describe it)."""

from tests.services.year.test_agenda import village  # noqa: F401
