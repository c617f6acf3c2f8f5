"""Officer elections (임원 선거): the counting rules, as pure functions.

How an election is counted, one contest (one office) at a time:

1. ``contest``: a ``Contest`` is one office to fill — its seats and candidates.  Its
   ``method`` follows from them: no more candidates than seats is a yes-or-no vote on each
   (찬반투표, ``Method.APPROVAL``); more is a choice of up to ``seats`` (``Method.PLURALITY``).
   ``check_election`` checks the contests of one election together (an auditor cannot be a
   director, Act 44②); ``chair`` checks that the chair is chosen from the directors (Act 34②).
2. ``ballots``: one voter's ``Ballot``; ``check_ballot`` refuses a wrong one on screen,
   ``ballot_state`` sorts paper ones into valid, blank and invalid.
3. ``counting``: ``count`` turns ballots into a ``Tally``; a tally of paper ballots is entered
   as numbers by two tellers, compared by ``compare_entries`` and checked by ``check_tally``.
4. ``deciding``: ``decide`` applies the bylaws' majority (``ElectionMajority``) and tie rule
   (``TieRule``) and says who is elected, the ranking, every rule applied with its source,
   and any tie still to break: a run-off round to hold, or lots to draw (``lots``).

``campaign`` holds the words of the campaign limits (Act 37) for the election screen.
Every count is an exact integer; nothing here reads a clock, a file or a random source
(``lots.new_seed`` is the one exception, and only when called).
"""
