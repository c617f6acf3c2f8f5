"""Printed documents (reportlab): fonts, the shared page machinery, one module per document.

Every renderer takes plain values from ``coopdesk.domain`` and returns the PDF as bytes;
nothing here touches files, the database or the ui.
"""
