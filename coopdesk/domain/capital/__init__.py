"""Member capital (출자금): the share ledger and the law's checks on it, refunds on leaving
(지분환급) and the year's surplus or loss (잉여금 처분, 손실금 처리).

Pure rules, with the article each comes from (``domain.law``): the services apply them
to what the store holds, and the screens and the command line only show their results.

- ``money``: amounts in won, and in Korean words (금 일십만원정);
- ``checks``: the typed result of a rule applied (rule, article, numbers);
- ``ledger``: the kinds of entry, a member's holding folded from entries, instalments;
- ``rules``: one price, the bylaws' minimum and maximum, the 30% cap (Act 22);
- ``membership``: when an admitted applicant becomes a member by paying;
- ``refunds``: when a leaver may claim, when the claim lapses, what is refunded;
- ``surplus``: the appropriation of a surplus and the covering of a loss (Act 50, 51, 97, 98);
- ``dividends``: each member's dividend, adding up to the total to the won.
"""
