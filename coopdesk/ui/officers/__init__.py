"""The officer register area (임원 명부)."""
