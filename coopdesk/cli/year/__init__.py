"""`coopdesk year`: the co-op's legal year (오늘 할 일) from the command line."""
