"""`coopdesk capital`: the share ledger scripted from the founders' list to a refund and the year's
surplus, with the law's refusals on stderr (exit 3) citing their articles."""

from __future__ import annotations

import pytest

from tests.cli.conftest import SAMPLE_INIT

HELD = "2026-03-28"


def ok(result):  # noqa: ANN001, ANN201
    assert result.code == 0, result.err
    return result


@pytest.fixture
def capital(cli, coop_file, tmp_path):
    """A co-op whose bylaws allow instalments and dividends credited to capital; 10 members whose
    founding subscriptions are imported, 100,000 won each, and member 10's half paid."""
    ok(cli("--db", coop_file, *SAMPLE_INIT, "--instalments", "--dividends-as-capital"))

    def desk(*args: str):  # noqa: ANN202
        return cli("--db", coop_file, *args)

    for n in range(1, 11):
        ok(desk("member", "add", "--name", f"조합원{n:02d}", "--type", "소비자", "--joined", "2025-01-02"))
    listing = tmp_path / "출자현황.csv"
    listing.write_text("조합원번호,출자좌수,출자일,납입액,납입일\n" + "".join(
        f"{n},10,2025-01-02,{100_000 if n < 10 else 50_000},2025-01-03\n" for n in range(1, 11)), encoding="utf-8")
    imported = ok(desk("capital", "import", listing, "--json")).json()
    assert (imported["rows"], imported["first_entry"], imported["last_entry"], imported["paid"]) == (
        10, 1, 20, 950_000)
    return desk


def test_the_cap_is_refused_citing_the_act_and_a_preview_says_so(cli, coop_file):
    ok(cli("--db", coop_file, *SAMPLE_INIT))
    ok(cli("--db", coop_file, "member", "add", "--name", "김첫째", "--type", "소비자", "--joined", "2025-01-02"))
    first = cli("--db", coop_file, "capital", "subscribe", "1", "--shares", "10", "--on", "2025-01-02")
    assert first.code == 3 and "(Act 22②)" in first.err and "founders" in first.err


def test_the_ledger_from_the_founders_list_to_payments_and_a_reversal(capital):
    desk = capital
    balances = ok(desk("capital", "balances", "--json")).json()
    assert [(b["number"], b["shares"], b["paid"], b["unpaid"]) for b in balances][-1] == (10, 10, 50_000, 50_000)
    assert ok(desk("capital", "check", "1", "--shares", "28")).code == 0
    over = desk("capital", "check", "1", "--shares", "29")
    assert over.code == 3 and "✗ No member over 30% of all shares" in over.out and "(Act 22②)" in over.out
    too_much = desk("capital", "pay", "10", "--amount", "60000", "--on", "2025-02-01")
    assert too_much.code == 3 and "owes ₩50,000" in too_much.err
    paid = ok(desk("capital", "pay", "10", "--amount", "50000", "--on", "2025-02-01", "--json")).json()
    assert paid["entries"][0]["number"] == 21 and paid["members"][0]["unpaid"] == 0
    undone = ok(desk("capital", "reverse", "21", "--reason", "입금 확인 오류", "--json")).json()
    assert undone["entries"][0]["reverses"] == 21 and undone["members"][0]["unpaid"] == 50_000
    mine = ok(desk("capital", "ledger", "--member", "10", "--json")).json()
    assert [e["kind"] for e in mine["entries"]] == ["subscription", "payment", "payment", "reversal"]
    assert mine["overdue"] == 50_000
    overdue = ok(desk("capital", "overdue", "--json")).json()
    assert [(r["number"], r["overdue"], r["since"]) for r in overdue] == [(10, 50_000, "2025-01-02")]
    totals = ok(desk("capital", "totals", "--json")).json()
    assert (totals["shares"], totals["paid"], totals["largest"]["most"]) == (100, 950_000, 38)
    people = ok(desk("capital", "ledger")).out
    assert "Reversal" in people and "reverses no. 21" in people


def assembly(desk, subject, kind, yes=10, present=range(1, 11)):  # noqa: ANN001, ANN201
    """Meeting 1 (created once), one more item on it, voted and closed; the item's place."""
    if desk("meeting", "show", "1").code != 0:
        ok(desk("meeting", "create", "--kind", "ordinary", "--date", HELD, "--title", "2026년 정기총회"))
        ok(desk("meeting", "check-in", "1", *map(str, present)))
    added = ok(desk("meeting", "item", "add", "1", "--subject", subject, "--kind", kind, "--title", "안건"))
    position = added.out.split()[1].rstrip(":")
    ok(desk("meeting", "vote", "1", position, "--yes", str(yes), "--no", str(len(present) - yes), "--abstain", "0"))
    ok(desk("meeting", "close", "1", position))
    return position


def test_a_transfer_and_a_refund_cite_their_resolutions(capital):
    desk = capital
    ok(desk("member", "event", "3", "--kind", "withdrawn", "--on", "2025-06-30"))
    staying = [n for n in range(1, 11) if n != 3]
    moved = desk("capital", "transfer", "1", "2", "--shares", "5", "--meeting", "1", "--item", "1")
    assert moved.code != 0
    item = assembly(desk, "other", "ordinary", yes=9, present=staying)
    moved = ok(desk("capital", "transfer", "1", "2", "--shares", "5", "--meeting", "1", "--item", item, "--json"))
    assert [(e["member"], e["shares"]) for e in moved.json()["entries"]] == [(1, -5), (2, 5)]
    early = desk("capital", "refund", "3", "--on", "2025-12-31")
    assert early.code == 3 and "(Act 26①)" in early.err
    bare = desk("capital", "refund", "3", "--on", "2026-04-01")
    assert bare.code == 3 and "(Act 29②)" in bare.err
    special = assembly(desk, "leaver_refund", "special", yes=9, present=staying)
    done = ok(desk("capital", "refund", "3", "--on", "2026-04-01", "--meeting", "1", "--item", special, "--json"))
    assert done.json()["entries"][0]["amount"] == -100_000
    claims = ok(desk("capital", "claims", "--json")).json()
    assert claims == []


def test_the_years_surplus_is_appropriated_and_its_dividends_listed(capital):
    desk = capital
    refused = desk("capital", "surplus", "enter", "--year", "2025", "--result", "2000000", "--legal-reserve",
                   "100000")
    assert refused.code == 3 and "(Act 50①)" in refused.err
    entered = ok(desk("capital", "surplus", "enter", "--year", "2025", "--result", "2000000", "--legal-reserve",
                      "200000", "--capital-dividend", "95000", "--patronage-dividend", "300000", "--json")).json()
    assert (entered["paid_in"], entered["carried_forward"]) == (950_000, 1_405_000)
    assert all(c["passed"] for c in entered["checks"])
    ok(desk("capital", "surplus", "patronage", "--year", "2025", *sum((["--member", f"{n}={n}0000"]
                                                                       for n in range(1, 11)), [])))
    ok(desk("meeting", "create", "--kind", "ordinary", "--date", HELD, "--title", "2026년 정기총회"))
    ok(desk("meeting", "check-in", "1", *map(str, range(1, 11))))
    ok(desk("capital", "surplus", "agenda", "--year", "2025", "--meeting", "1"))
    ok(desk("meeting", "vote", "1", "1", "--yes", "10", "--no", "0", "--abstain", "0"))
    ok(desk("meeting", "close", "1", "1"))
    shown = ok(desk("capital", "surplus", "show", "--year", "2025", "--json")).json()
    assert shown["booked_on"] == HELD
    dividends = ok(desk("capital", "surplus", "dividends", "--year", "2025", "--json")).json()
    assert sum(d["capital_part"] for d in dividends) == 95_000
    assert sum(d["patronage_part"] for d in dividends) == 300_000
    assert dividends[9]["capital_part"] == 5_000  # member 10 paid in half as much as the others
    people = ok(desk("capital", "surplus", "dividends", "--year", "2025")).out
    assert "Total: ₩395,000" in people


def test_an_applicant_admitted_with_shares_becomes_a_member_by_paying(capital):
    desk = capital
    admitted = ok(desk("capital", "admit", "--name", "신청자", "--type", "소비자", "--applied", "2026-05-01",
                       "--shares", "2", "--json")).json()
    assert (admitted["number"], admitted["status"]) == (11, "applicant")
    paid = ok(desk("capital", "pay", "11", "--amount", "20000", "--on", "2026-05-03"))
    assert "Member 11 became a member on May 3, 2026, by this payment." in paid.out
    assert ok(desk("member", "show", "11", "--json")).json()["status"] == "member"
