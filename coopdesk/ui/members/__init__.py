"""The member register area."""
