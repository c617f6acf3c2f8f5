"""`coopdesk founding ...`: founding a co-op (설립) from the command line."""
