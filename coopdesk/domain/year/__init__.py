"""The co-op's legal year (오늘 할 일): what the law expects next, from the co-op's own data.

* ``facts``: ``YearFacts``, the plain values the rules need (read by ``services.year.facts``);
* ``deadlines``: the rules themselves, one pure function each, each citing its article
  through ``domain.law``; ``deadlines(facts, today)`` gathers them, sorted by due date;
* ``founding``: the year of a co-op still being founded: the founding's next step, its unmet
  checks of the law and the registration deadline, instead of a running co-op's duties.
"""
