"""The bylaws (정관): their versions and the day an amendment is reported (``versions``), the
text parts a co-op writes (``texts``), and the bylaws and an amendment's comparison table
as documents (``papers``, ``printing``)."""

from coopdesk.services.bylaws.versions import (
    BylawsVersionView,
    list_versions,
    record_bylaws_report,
)

__all__ = ["BylawsVersionView", "list_versions", "record_bylaws_report"]
