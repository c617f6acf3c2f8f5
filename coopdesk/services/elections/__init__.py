"""Officer elections (임원 선거): the use cases, one transaction each, plain values in and out.

The counting rules are the domain's (``coopdesk.domain.elections``); here they meet the
store, the meeting room and the officer register.  The public functions, by module — every
one takes ``(db, coop_id, ...)`` and refuses with a ``Refusal`` that cites its article:

``calling``
    ``create_election(db, coop_id, item_id, ElectionInput) -> ElectionView`` — an election on an officer-election item.
    ``edit_election(db, coop_id, election_id, ElectionInput) -> ElectionView`` — its facts (not its contests).
    ``add_contest(db, coop_id, election_id, ContestInput) -> ElectionView`` — one more office (or round) to fill.
    ``edit_contest(db, coop_id, contest_id, ContestInput) -> ElectionView`` — while candidates are registered.
    ``remove_contest(db, coop_id, contest_id) -> ElectionView`` — while candidates are registered.
    ``get_election(db, coop_id, election_id) -> ElectionView`` — the election, its contests and candidates.
    ``election_for_item(db, coop_id, item_id) -> ElectionView | None`` — the election an agenda item holds.
    ``campaign_limits(ElectionView, on) -> CampaignRules | None`` — Act 37's limits, while they apply.
``candidates``
    ``add_candidate(db, coop_id, contest_id, CandidateInput) -> ContestView`` — checked as if elected.
    ``accept_candidacy(db, coop_id, candidate_id, on) -> ContestView`` — needed before voting opens.
    ``withdraw_candidate(db, coop_id, candidate_id, on) -> ContestView`` — off the ballot, kept on record.
``voting``
    ``open_voting(db, coop_id, election_id, contest_ids) -> ElectionView`` — candidates frozen, ballots accepted.
``voters``
    ``voter_for(db, coop_id, election_id, typed) -> Voter`` — a present voter by number or name, with the
    votes still to cast (their own, then a principal's: ``Voter.rights``, each cast on its own).
``casting``
    ``cast(db, coop_id, election_id, voter_key, {contest_id: Ballot}) -> CastReceipt`` — one secret ballot per
    contest; a second vote is refused, from any laptop.
``paper``
    ``mark_paper_taken(db, coop_id, election_id, voter_key) -> int`` — the roll: papers handed out.
    ``enter_tally(db, coop_id, contest_id, teller, PaperCount | Tally) -> TallyEntries`` — double entry.
    ``tally_entries(db, coop_id, contest_id) -> TallyEntries`` — where the double entry stands.
``closing``
    ``close_voting(db, coop_id, contest_id) -> ContestView`` — counted at once on screen; tellers next on paper.
    ``close_contests(db, coop_id, contest_ids) -> tuple[ContestView, ...]`` — several at once (*Close voting*),
    in one transaction: all closed or none.
``deciding``
    ``decide_contest(db, coop_id, contest_id, lots=None) -> ContestResult`` — who is elected; a run-off round
    made, or lots awaited (``HandDrawnLots`` as drawn in the room).
    ``draw_lots(db, coop_id, contest_id, seed=None) -> ContestResult`` — lots by the election's (printed) seed.
    ``lots_seed(db, coop_id, election_id) -> str | None`` — that seed.
``results``
    ``election_result(db, coop_id, election_id) -> ElectionResult`` — per contest: the count, the ranking with
    votes and votes against, who is elected, the rules with article or setting, tie-breaks and seed.
``applying``
    ``officers_after(db, coop_id, election_id) -> RegisterCheck`` — the officer register's check on the
    first day of the new terms.  The result itself reaches the register when the election's agenda item
    closes (``meetings.votes.close_item``), refused until every contest is decided.

Ballot secrecy: a ballot row names no voter and holds no time or sequence; its key is random;
when voting closes the ballots are rewritten in key order (``secrecy``).
"""
