"""Widgets shared by several areas of the window: form fields, colours."""
