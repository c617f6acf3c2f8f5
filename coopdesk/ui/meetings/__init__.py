"""The meetings area (회의): the meetings of the co-op, their agenda, notice and papers.

The live meeting itself (attendance, votes, minutes) is the meeting room, in ``room``.
"""
