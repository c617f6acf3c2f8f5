"""Meetings (회의): general assemblies, the founding meeting and board meetings.

``kinds`` names them and the kinds of resolution; ``rules`` is the one table of what the
law asks of each kind of meeting; ``resolutions`` counts; ``attendance`` checks who is
in the room; ``papers`` and ``signers`` are what the minutes say and who signs them.
"""
