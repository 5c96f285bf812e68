"""Extraction: a `db.records.ReadDocument` in, its `db.records.Claim`s out.

The document is first read whole (`document_model`); then each dated section is split into
sentences; figures (numbers, money, qualifiers) are found, given a metric, an owner (the
tracked organisation or someone else) and a date, each from the best evidence at hand, and
kept with their exact sentence and span; a claim whose evidence is weak is a `candidate`
(`scoring`). Pure functions of the text and the tracked-organisation config.
"""

from etl.extract.claims import (
    EXTRACTOR_VERSION,
    claims_with_evidence,
    default_config,
    extract_claims,
)

__all__ = ["EXTRACTOR_VERSION", "claims_with_evidence", "default_config", "extract_claims"]
