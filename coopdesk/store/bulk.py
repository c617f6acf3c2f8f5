"""Inserting many rows fast, for imports and the demo co-op."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table


def insert_many(conn: Connection, table: Table, columns: Sequence[str], rows: list[tuple[object, ...]]) -> None:
    """executemany through the driver: SQLAlchemy's per-row parameter handling costs
    more than the database's own work.  Values go through the columns' own type
    processors, so they are stored exactly as an ORM insert would store them."""
    dialect = conn.dialect
    processors = [(i, p) for i, c in enumerate(columns)
                  if (p := table.c[c].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    if processors:
        converted = []
        for row in rows:
            values = list(row)
            for i, process in processors:
                if values[i] is not None:
                    values[i] = process(values[i])
            converted.append(values)
        rows = converted  # type: ignore[assignment]
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c) for c in columns)
    if dialect.paramstyle == "qmark":
        conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' * len(columns))})",
                             [tuple(r) for r in rows])
    else:  # psycopg: pyformat
        marks = ", ".join(f"%({c})s" for c in columns)
        conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})",
                             [dict(zip(columns, r)) for r in rows])
