"""Member capital: the share ledger (numbered, append-only), instalments, withheld refunds, and
each fiscal year's surplus or loss with its appropriation, patronage and booked dividends.

The ledger keeps no balance: a member's shares and paid-in capital are the sums of their
entries.  Triggers refuse any UPDATE or DELETE of an entry, an instalment, a withholding or a
booked dividend, as they do for the audit log, so a correction can only be a reversing entry;
a year's appropriation and its patronage figures may change until the year is booked, never
after.  ``capital_account`` holds each co-op's next entry number: a capital write locks its
row first, so that two laptops on one PostgreSQL server take turns and never check the 30%
cap against totals that miss each other's entry.

The agenda gains two standard titles, the appropriation of a surplus and the covering of a
loss (Act 29①5 with Act 47②: 잉여금처분안 / 손실금처리안), so the title code check is remade.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the models do.
ENTRY_KINDS = ("subscription", "payment", "transfer", "refund", "dividend", "reversal")
HOLD_KINDS = ("withhold", "release")
KEPT = ("capital_entry", "capital_instalment", "capital_hold", "surplus_dividend")
TITLE_CODES = ("settlement", "audit_report", "plan_and_budget_this_year", "officer_election",
               "bylaws_adoption", "plan_and_budget", "founding_expenses",
               "surplus_appropriation", "loss_disposal")


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _fk(column: str, table: str, source: str, nullable: bool = False) -> sa.Column:
    return sa.Column(column, sa.Integer(), sa.ForeignKey(f"{table}.id", ondelete="RESTRICT",
                                                         name=f"fk_{source}_{column}_{table}"), nullable=nullable)


def _won(column: str, nullable: bool = False, default: bool = False) -> sa.Column:
    return sa.Column(column, sa.BigInteger(), nullable=nullable,
                     server_default=sa.text("0") if default else None)


def upgrade() -> None:
    op.create_table(
        "capital_account",
        sa.Column("coop_id", sa.Integer(), sa.ForeignKey("coop.id", ondelete="RESTRICT",
                                                         name="fk_capital_account_coop_id_coop"),
                  primary_key=True, autoincrement=False),
        sa.Column("next_entry_number", sa.Integer(), nullable=False),
        sa.CheckConstraint("next_entry_number >= 1", name="capital_next_number_positive"),
    )
    _surplus_year()
    _capital_entry()
    op.create_table(
        "capital_instalment",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("entry_id", "capital_entry", "capital_instalment"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        _won("amount"),
        sa.UniqueConstraint("entry_id", "position", name="uq_capital_instalment_position"),
        sa.CheckConstraint("amount > 0", name="capital_instalment_amount_positive"),
    )
    op.create_table(
        "capital_hold",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "capital_hold"),
        _fk("member_id", "member", "capital_hold"),
        sa.Column("kind", _enum(HOLD_KINDS, "capital_hold_kind"), nullable=False),
        sa.Column("hold_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_capital_hold_member", "capital_hold", ["member_id"])
    _surplus_members()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()
    _title_codes(op.get_bind().dialect.name)


def _surplus_year() -> None:
    op.create_table(
        "surplus_year",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "surplus_year"),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        *(_won(c) for c in ("net_result", "retained_before", "legal_reserve_before", "voluntary_reserve_before",
                            "paid_in", "legal_reserve", "voluntary_reserve", "capital_dividend",
                            "patronage_dividend", "from_voluntary", "from_legal")),
        sa.Column("dividends_as_capital", sa.Boolean(), nullable=False),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("agenda_item.id", ondelete="SET NULL",
                                                         name="fk_surplus_year_item_id_agenda_item"), nullable=True),
        sa.Column("booked_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("coop_id", "fiscal_year", name="uq_surplus_year_coop_year"),
        sa.UniqueConstraint("item_id", name="uq_surplus_year_item_id"),
        sa.CheckConstraint("legal_reserve_before >= 0 AND voluntary_reserve_before >= 0 AND paid_in >= 0",
                           name="surplus_year_balances"),
        sa.CheckConstraint("legal_reserve >= 0 AND voluntary_reserve >= 0 AND capital_dividend >= 0 AND "
                           "patronage_dividend >= 0 AND from_voluntary >= 0 AND from_legal >= 0",
                           name="surplus_year_parts"),
    )


def _capital_entry() -> None:
    op.create_table(
        "capital_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "capital_entry"),
        sa.Column("number", sa.Integer(), nullable=False),
        _fk("member_id", "member", "capital_entry"),
        sa.Column("kind", _enum(ENTRY_KINDS, "capital_entry_kind"), nullable=False),
        sa.Column("entry_on", sa.Date(), nullable=False),
        sa.Column("shares", sa.Integer(), nullable=False),
        _won("amount"),
        sa.Column("share_price", sa.Integer(), nullable=False),
        _fk("reverses_id", "capital_entry", "capital_entry", nullable=True),
        _fk("counterpart_id", "capital_entry", "capital_entry", nullable=True),
        _fk("item_id", "agenda_item", "capital_entry", nullable=True),
        _fk("surplus_id", "surplus_year", "capital_entry", nullable=True),
        _won("loss_share"),
        _won("equity_extra"),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("coop_id", "number", name="uq_capital_entry_coop_number"),
        sa.UniqueConstraint("reverses_id", name="uq_capital_entry_reverses_id"),
        sa.CheckConstraint("number >= 1", name="capital_entry_number_positive"),
        sa.CheckConstraint("share_price > 0", name="capital_entry_price_positive"),
        sa.CheckConstraint("loss_share >= 0 AND equity_extra >= 0", name="capital_entry_refund_parts"),
        sa.CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="capital_entry_reversal_target"),
    )
    op.create_index("ix_capital_entry_balance", "capital_entry", ["coop_id", "member_id", "shares", "amount"])
    op.create_index("ix_capital_entry_member", "capital_entry", ["member_id"])
    op.create_index("ix_capital_entry_counterpart", "capital_entry", ["counterpart_id"])


def _surplus_members() -> None:
    op.create_table(
        "surplus_patronage",
        _fk("surplus_id", "surplus_year", "surplus_patronage"),
        _fk("member_id", "member", "surplus_patronage"),
        _won("amount"),
        sa.PrimaryKeyConstraint("surplus_id", "member_id", name="pk_surplus_patronage"),
        sa.CheckConstraint("amount >= 0", name="surplus_patronage_amount"),
    )
    op.create_table(
        "surplus_dividend",
        _fk("surplus_id", "surplus_year", "surplus_dividend"),
        _fk("member_id", "member", "surplus_dividend"),
        _won("capital_part"),
        _won("patronage_part"),
        _fk("entry_id", "capital_entry", "surplus_dividend", nullable=True),
        sa.PrimaryKeyConstraint("surplus_id", "member_id", name="pk_surplus_dividend"),
        sa.CheckConstraint("capital_part >= 0 AND patronage_part >= 0", name="surplus_dividend_parts"),
    )


BOOKED = "(SELECT booked_on FROM surplus_year WHERE id = {row}.surplus_id) IS NOT NULL"


def _sqlite_triggers() -> None:
    for table in KEPT:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, 'the capital ledger is append-only'); END")
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER surplus_year_booked_{verb.lower()} BEFORE {verb} ON surplus_year "
                   f"WHEN OLD.booked_on IS NOT NULL "
                   f"BEGIN SELECT RAISE(ABORT, 'a booked appropriation is never changed'); END")
    for verb, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        op.execute(f"CREATE TRIGGER surplus_patronage_booked_{verb.lower()} BEFORE {verb} ON surplus_patronage "
                   f"WHEN {BOOKED.format(row=row)} "
                   f"BEGIN SELECT RAISE(ABORT, 'a booked appropriation is never changed'); END")


def _postgresql_triggers() -> None:
    op.execute("CREATE FUNCTION capital_append_only() RETURNS trigger LANGUAGE plpgsql AS "
               "$$ BEGIN RAISE EXCEPTION 'the capital ledger is append-only'; END $$")
    for table in KEPT:
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION capital_append_only()")
    op.execute("CREATE FUNCTION surplus_year_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
               "IF OLD.booked_on IS NOT NULL THEN RAISE EXCEPTION 'a booked appropriation is never changed'; END IF; "
               "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$")
    op.execute("CREATE TRIGGER surplus_year_kept BEFORE UPDATE OR DELETE ON surplus_year "
               "FOR EACH ROW EXECUTE FUNCTION surplus_year_kept()")
    op.execute("CREATE FUNCTION surplus_patronage_kept() RETURNS trigger LANGUAGE plpgsql AS $$ "
               "DECLARE year_id integer; BEGIN "
               "IF TG_OP = 'INSERT' THEN year_id := NEW.surplus_id; ELSE year_id := OLD.surplus_id; END IF; "
               "IF (SELECT booked_on FROM surplus_year WHERE id = year_id) IS NOT NULL THEN "
               "RAISE EXCEPTION 'a booked appropriation is never changed'; END IF; "
               "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$")
    op.execute("CREATE TRIGGER surplus_patronage_kept BEFORE INSERT OR UPDATE OR DELETE ON surplus_patronage "
               "FOR EACH ROW EXECUTE FUNCTION surplus_patronage_kept()")


def _title_codes(dialect: str) -> None:
    """The title code check of migration 0005, remade with the two new codes."""
    allowed = ", ".join(f"'{c}'" for c in TITLE_CODES)
    if dialect == "sqlite":
        for event in ("INSERT", "UPDATE"):
            op.execute(f"DROP TRIGGER IF EXISTS agenda_title_code_{event.lower()}")
            op.execute(f"CREATE TRIGGER agenda_title_code_{event.lower()} BEFORE {event} ON agenda_item "
                       f"WHEN NEW.title_code IS NOT NULL AND NEW.title_code NOT IN ({allowed}) "
                       f"BEGIN SELECT RAISE(ABORT, 'agenda_title_code'); END")
    else:
        op.drop_constraint("agenda_title_code", "agenda_item", type_="check")
        op.create_check_constraint("agenda_title_code", "agenda_item", f"title_code IN ({allowed})")


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
