"""The Capital area (출자금) of the window: the co-op's totals, each member's capital and ledger, the actions
on the share ledger, and the year's surplus."""
