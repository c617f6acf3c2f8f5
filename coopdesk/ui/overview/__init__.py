"""File ▸ Co-ops overview: an advisor's many co-ops on one page (issue 11, item 8)."""
