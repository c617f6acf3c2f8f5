"""`coopdesk capital …`: the share ledger, refunds and the year's surplus (``commands``, ``surplus``)."""
