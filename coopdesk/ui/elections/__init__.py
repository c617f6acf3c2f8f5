"""Officer elections on screen (임원 선거): the secret ballot, its unlocking, the tellers' count.

The widgets take plain values (the domain's ``Contest``, ``Ballot``, ``Tally``…) and
callables for what the services do, and say what the user did by signals:

- ``BallotScreen``: the full-screen secret ballot one voter marks alone;
- ``UnlockPanel``: the secretary opens the ballot for the next voter (``BallotVoter``);
- ``TallyDialog``: two tellers' double entry of a paper count;
- ``CampaignBox``: the campaign limits of Act 37, from the announcement day.
"""

from coopdesk.ui.elections.ballot_screen import BallotScreen
from coopdesk.ui.elections.campaign_box import CampaignBox
from coopdesk.ui.elections.tally_dialog import TallyDialog
from coopdesk.ui.elections.unlock_panel import UnlockPanel
from coopdesk.ui.elections.voters import BallotVoter, ballot_heading

__all__ = ["BallotScreen", "BallotVoter", "CampaignBox", "TallyDialog", "UnlockPanel", "ballot_heading"]
