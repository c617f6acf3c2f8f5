"""The co-op's legal year (오늘 할 일): what the law expects next, from the co-op's own data.

* ``facts``: ``YearFacts``, the plain values the rules need (read by ``services.year.facts``);
* ``deadlines``: the rules themselves, one pure function each, each citing its article
  through ``domain.law``; ``deadlines(facts, today)`` gathers them, sorted by due date.
"""
