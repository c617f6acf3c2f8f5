"""Founding a co-op (설립): founders and consenters, the founding meeting, the filing and
the registration, as rules with their articles (LAW.md "Founding").

``stage``   the stages a founding goes through, told from the dates on record;
``checks``  every founding rule as one typed check (``FoundingCheck``: rule, level, article,
            numbers): founders, the public notice, the four matters, the course, a social
            co-op's stakeholder types and public-benefit share, the registration deadline;
``plans``   the business plan, the income-and-expense budget and the founding expenses as
            simple tables of lines.
"""
