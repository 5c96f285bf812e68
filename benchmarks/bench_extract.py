"""Claim extraction throughput: documents/s, MB/s and peak memory on a generated corpus.

    python benchmarks/bench_extract.py [--docs 2000] [--kb 10] [--seed 1] [--only-tracked]

The corpus is generated from templates while it is read (one document in memory at a time),
so peak memory does not grow with --docs; peak memory is the process's peak RSS (ru_maxrss).
Extraction runs in this one process, on one core. Run by hand; it is not a timed test.

Density: a 10 KB document has about 137 short sentences (75 characters), 11-15 of them with
digits, 8-11 with a figure (12 figures) and 3-4 claims once other organisations' figures are
dropped. The seed press releases have 41-58 sentences, 5-18 with digits and 1-7 with a figure
per 10 KB: the benchmark is two to three times as figure-dense as real releases. Its filler
sentences repeat across documents, so caches keyed on short strings (number strings, noun
phrases, date phrases) hit more often here than on real text; nothing is cached by sentence.
Sentences that name only other organisations are skipped before their figures are read;
--only-tracked makes every lead sentence Cyberport's (about 9 claims per document) to show
the cost of a document whose figures are all the tracked organisation's.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.records import ReadDocument, Section
from etl.extract import default_config, extract_claims

TRACKED = ["Cyberport", "Hong Kong Cyberport", "the park"]
ORGS = [*TRACKED, "Lingang Group", "the HKNTAIE",
        "Blue Ridge Robotics Ltd", "Hong Kong", "InvestHK"]  # fmt: skip
LEADS = ["{org} is home to {q}{n:,} start-ups and technology companies",
         "{org} now hosts {q}{n:,} members, including {a} listed companies and {b} unicorns",
         "{org} has helped its start-ups raise {q}HK${m:.1f} billion",
         "In the past year alone, {org} admitted {a}0 incubatees",
         "As at March {y}, {org} counted {q}{n:,} companies, up from about {h:,} in {y0}",
         "{org} companies have expanded to {q}{b}0 global markets",
         "Founders at {org} come from {a}{b} countries and regions",
         "{org} signed an MoU with the {c} Bureau, which serves {n:,} enterprises",
         "The {k}th forum at {org} drew {n:,} visitors to {h:,} square feet of halls"]  # fmt: skip
# About a third of the paragraphs carry a figure, as in real press releases.
FILLER = ["The ceremony was officiated by the Secretary for Innovation, Technology and Industry.",
          "Both sides will deepen cooperation in data, talent and capital markets.",
          "Guests toured the facilities and met founders from many sectors.",
          '"We are delighted to work together," said Amy Lo, Chairman of Cyberport.',
          "The programme supports entrepreneurs with office space and mentoring.",
          "The partners will explore new models for cross-border data and digital trade.",
          "Speakers shared views on artificial intelligence, finance and smart city services.",
          "The event also featured a pitching session for young entrepreneurs.",
          "Representatives of universities joined a roundtable on commercialising research.",
          "It marks another step in building an international innovation and technology hub.",
          "Dr. Chan, Co-founder of Blue Ridge Co., Ltd., thanked the organisers."]  # fmt: skip
CONTACT = "For media enquiries, please contact Tel: (852) 3166 3800.\n"
QUALIFIERS = ["", "over ", "more than ", "about ", "nearly ", "some "]


def documents(count: int, kb: int, seed: int, orgs: list[str] = ORGS) -> Iterator[ReadDocument]:
    """`count` press-release-like documents of about `kb` KB, made one at a time."""
    rnd = random.Random(seed)
    for i in range(count):
        year = rnd.randint(2014, 2025)
        day = date(year, rnd.randint(1, 12), rnd.randint(1, 28))
        parts = [f"Hong Kong, {day.day} {day:%B %Y} – Press release {i}.\n\n"]
        size = len(parts[0])
        while size < kb * 1024:
            lead = rnd.choice(LEADS).format(
                org=rnd.choice(orgs), q=rnd.choice(QUALIFIERS), n=rnd.randint(300, 3000),
                a=rnd.randint(1, 9), b=rnd.randint(1, 9), m=rnd.uniform(1, 60),
                h=rnd.randint(100, 2000), y=year, y0=year - 5, c=rnd.choice(["Data", "Talent"]),
                k=rnd.randint(4, 30),
            )  # fmt: skip
            head = [lead + "."] if rnd.random() < 0.3 else []
            para = " ".join(head + rnd.sample(FILLER, 4)) + "\n\n"
            parts.append(para)
            size += len(para)
        text = "".join(parts) + CONTACT
        yield ReadDocument(
            f"bench_{i}.txt", "", "txt", text, None, None, None, None, day, "inline",
            (Section(0, 0, len(text), day, "inline"),), len(text.encode()),
        )  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--kb", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only-tracked", action="store_true", help="every lead names Cyberport")
    a = ap.parse_args(argv)
    config = default_config()
    extract_claims(next(documents(1, a.kb, a.seed + 1)), config)  # warm the caches
    n_docs = n_bytes = n_claims = 0
    busy = 0.0
    for doc in documents(a.docs, a.kb, a.seed, TRACKED if a.only_tracked else ORGS):
        t0 = time.perf_counter()
        n_claims += len(extract_claims(doc, config))
        busy += time.perf_counter() - t0
        n_docs += 1
        n_bytes += doc.size_bytes
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n_docs} documents, {n_bytes / 1e6:.1f} MB, {n_claims} claims in {busy:.2f} s "
        f"of extraction: {n_docs / busy:.0f} docs/s, {n_bytes / 1e6 / busy:.2f} MB/s, "
        f"peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
