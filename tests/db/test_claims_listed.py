"""The default view by date, walked along its own index: the same pages as the generic filter."""

from __future__ import annotations

import contextlib
import random
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine

from db.claims import ClaimFilter, ordered_ids
from db.claims_listed import listed_page_ids
from db.documents import store_document
from db.reviews import add_correction, add_review
from tests.factories import make_claim, make_doc


@pytest.fixture
def mixed(engine: Engine) -> Engine:
    """Claims on few dates (many ties), a third candidates; some decided, reopened or corrected."""
    rng = random.Random(5)
    for d in range(6):
        claims = []
        for i in range(40):
            sure = rng.random() < 0.66
            claims.append(make_claim(
                value=1000 + 40 * d + i, as_of=date(2020, 1, 1) + timedelta(days=rng.randrange(9)),
                quote=f"Over {1000 + 40 * d + i} firms ({d}).", status="auto" if sure else
                "candidate", unsure=() if sure else ("owner?",)))  # fmt: skip
        store_document(engine, make_doc(f"d{d}.txt", text=f"document {d}"), claims, "t")
    with engine.connect() as conn:
        ids = list(conn.execute(ordered_ids(ClaimFilter(status="any"), ())).scalars())
    for claim_id in rng.sample(ids, 40):
        add_review(engine, "claim", claim_id, rng.choice(("accept", "reject", "reopen")), "rev")
    for claim_id in rng.sample(ids, 6):
        with contextlib.suppress(ValueError):
            add_correction(engine, claim_id, "rev", "these are incubatees", metric="incubatees")
    return engine


@pytest.mark.parametrize("descending", [True, False])
def test_every_page_is_the_generic_walks(mixed: Engine, descending: bool) -> None:
    way = "desc" if descending else "asc"
    sort = (("as_of", way), ("claim_id", way))
    with mixed.connect() as conn:
        every = list(conn.execute(ordered_ids(ClaimFilter(), sort)).scalars())
        assert 100 < len(every) < 240  # some candidates count, corrected claims do not
        for offset in (
            0,
            1,
            7,
            50,
            99,
            len(every) - 30,
            len(every) - 1,
            len(every),
            len(every) + 5,
        ):
            for limit in (1, 10, 100):
                got = listed_page_ids(conn, offset, limit, descending)
                assert got == every[offset : offset + limit], (offset, limit)


def test_the_partial_index_is_there_and_answers_the_walk(engine: Engine) -> None:
    from sqlalchemy import inspect, select

    from db.claims_listed import LISTED, LISTED_INDEX
    from db.models import Claim

    assert LISTED_INDEX in {ix["name"] for ix in inspect(engine).get_indexes("claims")}
    if engine.dialect.name == "sqlite":
        walk = select(Claim.as_of, Claim.id).where(LISTED).order_by(Claim.as_of.desc())
        with engine.connect() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN "
                + str(walk.compile(engine, compile_kwargs={"literal_binds": True}))
            ).all()
        assert LISTED_INDEX in str(plan)
