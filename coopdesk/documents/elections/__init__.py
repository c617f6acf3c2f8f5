"""The papers of an officer election (임원 선거), in Korean or English.

- ``data``: the plain values the services fill in (``ElectionFacts``, ``ResultPaper``,
  ``OfficerListPaper``).
- ``ballots.render_ballots``: ballot papers (투표용지), 1, 2 or 4 to an A4 sheet.
- ``announcement.render_announcement``: the election announcement (선거 공고).
- ``result.render_result``: the election result announcement (당선인 공고).
- ``officers.render_officer_list``: the officer list for the change registration (임원 명부).
- ``wording``: the result in sentences, for the minutes (no reportlab).
"""
