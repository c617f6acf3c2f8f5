"""The PySide6 desktop program.  It calls services only; it never touches the database."""
