"""The claims grid's default view, by date, a page at a time however deep it is scrolled.

The default view lists every claim that counts: not a candidate waiting for a reviewer, not a
corrected claim (db.status.hidden_claim_ids). Testing that claim by claim is what makes a page
deep in a million claims slow: the walk to the page's offset tests every claim before it. So
the view is walked along an index of the claims stored as anything but a candidate
(`ix_claims_listed`, partial) with no test at all, and two small sets are merged in by their
place in the order: candidates a reviewer decided on (they count) and corrected claims (they
do not).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, func, literal_column, select

from db.models import Claim
from db.status import CLAIM_STATUS_BY_ACTION, latest_status_action

# ix_claims_listed's condition, written out (a bound parameter would keep the planner from
# seeing that the index answers it).
LISTED = Claim.initial_status != literal_column("'candidate'")
LISTED_INDEX = "ix_claims_listed"  # claims (as_of, id) WHERE initial_status <> 'candidate'


Key = tuple[date, int]  # a claim's place in the order: (as_of, id)


def _exceptions(conn: Connection) -> tuple[list[Key], list[Key]]:
    """(candidates a reviewer decided on that count, listed claims a correction replaces)."""
    sub = latest_status_action("claim", CLAIM_STATUS_BY_ACTION)
    decided = select(sub.c.target_uid).where(sub.c.action != "reopen")
    fixed = select(Claim.corrects_uid).where(Claim.corrects_uid.is_not(None)).subquery()
    corrected = select(fixed.c.corrects_uid)
    added = select(Claim.as_of, Claim.id).where(
        Claim.initial_status == "candidate", Claim.uid.in_(decided), Claim.uid.not_in(corrected)
    )
    removed = select(Claim.as_of, Claim.id).where(LISTED, Claim.uid.in_(corrected))
    return [tuple(r) for r in conn.execute(added)], [tuple(r) for r in conn.execute(removed)]


def listed_page_ids(conn: Connection, offset: int, limit: int, descending: bool) -> list[int]:
    """Ids of the claims that count in (as_of, id) order (newest first when `descending`),
    from position `offset`, at most `limit` of them: what the default filter and that order
    give, read from a stretch of the index around the place."""
    added, removed = _exceptions(conn)
    before: Callable[[Key, Key], bool] = (
        (lambda a, b: a > b) if descending else (lambda a, b: a < b)
    )
    order = (Claim.as_of.desc(), Claim.id.desc()) if descending else (Claim.as_of, Claim.id)
    listed = select(Claim.as_of, Claim.id).where(LISTED).order_by(*order)
    # At most len(added) counted claims come before the listed claim at `lo`: the page starts
    # at or after it; from there, `size` listed claims hold the page whatever is taken out.
    lo = max(offset - len(added), 0)
    size = offset - lo + limit + 2 * len(removed)
    window: list[Key] = [tuple(r) for r in conn.execute(listed.offset(lo).limit(size))]
    if not window and lo:  # past the last listed claim: start from that one
        lo = max(conn.scalar(select(func.count()).where(LISTED)) - 1, 0)
        back = (Claim.as_of, Claim.id) if descending else (Claim.as_of.desc(), Claim.id.desc())
        window = [tuple(r) for r in conn.execute(listed.order_by(None).order_by(*back).limit(1))]
    first = window[0] if lo else None  # None: from the very beginning
    last = window[-1] if len(window) == size else None  # None: the index ends in the window
    start = 0
    if first is not None:  # how many claims that count come before `first`
        start = lo - sum(before(r, first) for r in removed) + sum(before(a, first) for a in added)
    gone = set(removed)
    merged = [k for k in window if k not in gone] + [
        a
        for a in added
        if (first is None or not before(a, first)) and (last is None or before(a, last))
    ]
    merged.sort(reverse=descending)
    return [k[1] for k in merged[offset - start : offset - start + limit]]
