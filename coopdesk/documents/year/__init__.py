"""The co-op's year on paper: the one-page year plan (연간 일정표)."""
