"""Education (교육): the sessions a co-op holds and who attended them.

Act 7 asks every co-op to educate, train and inform its members and staff actively; the
law sets no hours and no record format (LAW.md, "Education and disclosure").  What the
program keeps is what a consultation centre and an ordinary assembly's business report ask
for:

* ``sessions``: a session's kind, organiser, day and hours (exact minutes from its start
  and end), and its checks;
* ``hours``: minutes said as hours and minutes, in any language;
* ``attendees``: who attended — a member typed as at check-in, or a person not yet a member
  (a founder, an applicant) kept so that the record follows them when they join;
* ``orientation``: the orientation the bylaws may ask of new members, and who still owes it;
* ``report``: the fiscal year, and the plain values of the yearly report and the papers.
"""
