"""The live meeting room (회의 진행): quorum, check-in, votes and minutes during the meeting."""

from coopdesk.ui.meetings.room.room import MeetingRoom

__all__ = ["MeetingRoom"]
