"""Each seed document against its expected claims in tests/golden/<file>.json.

Regenerate after a deliberate change with `UPDATE_GOLDEN=1 pytest tests/etl/extract/test_golden.py`,
then read the diff: every changed line is a changed claim.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from etl.config import DEFAULT_PATH, load_config
from etl.extract import extract_claims
from etl.read.manifest import load_manifest
from etl.read.readers import read_document
from tests.paths import ROOT, TESTS

SEEDS = ROOT / "seeds"
GOLDEN = TESTS / "golden"


def as_rows(doc, claims) -> list[dict]:
    out = []
    for c in claims:
        assert doc.text[c.char_start : c.char_end] == c.quote
        out.append(
            {
                "entity": c.entity,
                "metric": c.metric,
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "value_low": c.value_low,
                "value_high": c.value_high,
                "value_hkd": c.value_hkd,
                "as_of": c.as_of.isoformat(),
                "as_of_precision": c.as_of_precision,
                "period": c.period,
                "flags": list(c.flags),
                "status": c.status,
                "unsure": list(c.unsure),
                "mention": doc.text[c.mention_start : c.mention_end],
                "quote": " ".join(c.quote.split()),
            }
        )
    return sorted(out, key=lambda r: (r["metric"], r["value"], r["as_of"]))


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed(path: Path) -> None:
    manifest = load_manifest(SEEDS)
    doc = read_document(path, manifest=manifest.get(path.name))
    got = as_rows(doc, extract_claims(doc, load_config(DEFAULT_PATH)))
    golden = GOLDEN / f"{path.name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
