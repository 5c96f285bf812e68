"""Extraction: a `db.records.ReadDocument` in, its `db.records.Claim`s out.

Each dated section is split into sentences; figures (numbers, money, qualifiers) are found,
given a metric, an owner (the tracked organisation or someone else) and a date, and kept with
their exact sentence and span. Pure functions of the text and the tracked-organisation config.
"""

from etl.extract.claims import EXTRACTOR_VERSION, default_config, extract_claims

__all__ = ["EXTRACTOR_VERSION", "default_config", "extract_claims"]
