"""Member capital (출자금): the share ledger, refunds and the year's surplus, as use cases.

One transaction and one audit entry per action; every action that changes the ledger locks
the co-op's ledger first (``rows.lock_ledger``), so the 30% cap holds with two laptops on
one server.  Results are frozen dataclasses (``views``) carrying the law's checks
(``domain.capital.checks.Check``: rule, article, numbers); a refusal cites its article.

The public functions, by module (``coopdesk.services.capital.<module>``):

ledger
    subscribe(db, coop_id, member, shares, *, on, instalments=(), note, today) -> EntryResult: shares subscribed
    subscribe_many(db, coop_id, [NewSubscription], today) -> EntryResult: several at once, cap on their total
    pay(db, coop_id, member, amount, *, on, note, today) -> EntryResult: a payment; may make an applicant a member
    transfer(db, coop_id, giver, receiver, shares, *, on, item_id, note, today) -> EntryResult: paid shares moved
    reverse(db, coop_id, entry, reason, *, on, today) -> EntryResult: a correcting entry (a transfer whole)
    ledger_entries(db, coop_id, *, member, kinds, since, until) -> [EntryView]: the ledger, in entry order
    get_entry(db, coop_id, number) -> EntryView: one entry
    member_ledger(db, coop_id, member, today) -> MemberLedger: a member's capital, entries, instalments, overdue
joining
    add_applicant_with_subscription(db, coop_id, details, *, applied_on, shares, ...) -> (MemberView, EntryResult):
        *Add member* with a subscription: an admitted applicant who becomes a member on payment
refunds
    refund(db, coop_id, member, *, on, item_id, loss_share, equity_extra, note, today) -> EntryResult: 지분환급
    withhold_refund(db, coop_id, member, *, on, reason, today) -> RefundClaim: withheld while they owe (Act 26③)
    release_refund(db, coop_id, member, *, on, reason, today) -> RefundClaim: no longer withheld
    refund_claims(db, coop_id, today) -> [RefundClaim]: leavers holding capital: claimable, lapsing, lapsed
    refund_claim(db, coop_id, member, today) -> RefundClaim: one leaver's claim
balances
    balances(db, coop_id, *, as_of, today) -> [MemberCapital]: every member's shares, paid and unpaid
    totals(db, coop_id, *, as_of, today) -> CapitalTotals: the co-op's totals, the largest holding against the cap
    check_subscription(db, coop_id, member, shares, *, on, today) -> SubscriptionPreview: the law, nothing written
    overdue_instalments(db, coop_id, today) -> [OverdueInstalment]: instalments due and not paid
importing
    preview(path, encoding, rows) -> CapitalPreview: the first rows of a capital list and the columns guessed
    guess_mapping(headers) -> mapping: which column holds which field
    import_capital(db, coop_id, path, mapping, *, encoding, today, progress) -> CapitalImportResult: all or nothing
    import_patronage(db, coop_id, fiscal_year, path, mapping, *, encoding) -> SurplusView: the year's patronage
surplus
    enter_year(db, coop_id, YearInput, plan=None, *, dividends_as_capital, note) -> SurplusView: figures and plan
    get_year(db, coop_id, fiscal_year) -> SurplusView: figures, plan, proposal, checks, limits
    list_years(db, coop_id) -> [SurplusView]: every year entered
    set_patronage(db, coop_id, fiscal_year, {member: won}) -> SurplusView: each member's use of the co-op
    dividends_of(db, coop_id, fiscal_year) -> [DividendView]: each member's dividend, booked or as it would be
    put_on_agenda(db, coop_id, fiscal_year, meeting_id) -> SurplusView: an item of a general assembly decides it
    link_to_item(db, coop_id, fiscal_year, item_id) -> SurplusView: name the item; booked now if it passed
    unlink_item(db, coop_id, fiscal_year) -> SurplusView: off its item, to be changed
    (booked by ``meetings.effects`` when the item passes: ``book_passed``)
wording
    check_text(check, t) -> str: "rule: why, in numbers (article)"; explanation_text(explanation, t) -> str
"""
