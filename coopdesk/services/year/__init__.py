"""The co-op's year (오늘 할 일): the use cases over ``domain.year``.

* ``facts``: ``read_facts(conn, coop_id, today)``, Core selects on any connection (the overview's
  read-only one included);
* ``agenda``: ``year_agenda``, ``mark_done``, ``unmark_done``, ``next_deadline``;
* ``calendar``: ``calendar_ics`` / ``write_calendar``, the tasks as an iCalendar file;
* ``printing``: the year's plan as a one-page PDF;
* ``demo``: the demo co-op's papers of last year marked done, as a well-kept co-op files them.
"""
