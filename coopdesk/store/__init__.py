"""Persistence: SQLAlchemy models, engines, Alembic migrations and backups."""
