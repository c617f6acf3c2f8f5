"""The declarative base, the naming of constraints, and the helpers every area's tables use."""

from __future__ import annotations

from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import (
    Enum,
    Index,
    MetaData,
    text,
    util,
)
from sqlalchemy.orm import DeclarativeBase




NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(kind: type[PyEnum], name: str) -> Enum:
    """An enum stored as its value, checked by the database."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=40,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)



class PartialUniqueIndex(Index):
    """A unique index over the rows matching ``where`` (SQLite and PostgreSQL both have them).

    Each dialect's ``where`` option is declared when that dialect first asks for its options
    (its DDL compiler, a comparison), not here: ``postgresql_where=`` would import SQLAlchemy's
    PostgreSQL dialect (~60 ms) on every start on a co-op file.  ``dialect_kwargs`` shows the
    option only once the dialect has asked.
    """

    def __init__(self, name: str, *columns: str, where: str) -> None:
        self.predicate = where
        super().__init__(name, *columns, unique=True)

    @util.memoized_property
    def dialect_options(self) -> util.PopulateDict[str, Any]:
        return util.PopulateDict(self._options_of)

    def _options_of(self, dialect: str) -> Any:
        options = self._kw_reg_for_dialect_cls(dialect)  # imports that dialect, as SQLAlchemy does
        if dialect in PARTIAL_INDEX_DIALECTS:
            options["where"] = text(self.predicate)
        return options


PARTIAL_INDEX_DIALECTS = ("sqlite", "postgresql")


def _partial_unique(name: str, columns: tuple[str, ...], where: str) -> Index:
    return PartialUniqueIndex(name, *columns, where=where)
