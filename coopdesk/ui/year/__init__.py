"""The co-op's year (오늘 할 일): the first page, what the law expects next."""
