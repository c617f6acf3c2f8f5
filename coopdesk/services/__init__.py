"""Use cases: one function per user action, one transaction each.

Services validate with the domain rules, write through the store, record every change
in the audit log, and return plain values — never ORM objects bound to a session.
"""
