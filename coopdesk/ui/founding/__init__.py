"""The founding area (설립): founders and consenters, the checks before the founding meeting,
the plan and budget tables, the records after filing, and the filing pack."""
