"""Candidates and contests the election tests share."""

import datetime as dt

from coopdesk.domain.elections.contest import Candidate, Contest
from coopdesk.domain.officers.terms import Office

KIM = Candidate(1, "김민준", dt.date(1961, 5, 2))
LEE = Candidate(2, "이서연", dt.date(1975, 8, 30))
PARK = Candidate(3, "박지훈", dt.date(1958, 1, 17))
CHOI = Candidate(4, "최유진", dt.date(1990, 12, 1))
JUNG = Candidate(5, "정하늘", None)  # birth date not on file


def contest(seats, *candidates, office=Office.DIRECTOR):
    return Contest(office, seats, tuple(candidates))
