"""`python -m etl train`: fit the owner and metric weights of scoring to labelled data.

Every labelled document is extracted; each claim found (stored or candidate) is an example,
labelled right when a gold row of its document has its metric, unit and value and it is the
tracked organisation's. Its features are where its owner, metric and date came from (the
sources of etl/data/scoring.toml), never its words or values, so that a few hundred labels
do not teach the model their documents. A logistic regression with an L2 penalty is fitted
by Newton's method: the same data give the same weights, to the last digit written.

A source's weight is then the fitted chance that a claim is right when its other parts come
from the surest sources; a source seen fewer than `MIN_EXAMPLES` times keeps its hand weight.
The weights go to etl/data/scoring_model.json with a report of the data and the fit.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from db.records import ReadDocument, Section
from etl.config import ExtractConfig
from etl.extract.claims import claims_with_evidence, default_config
from etl.extract.scoring import MODEL_FILE, Evidence, hand_weights
from etl.read import IngestError, load_manifest, read_document

ROOT = Path(__file__).resolve().parent.parent
# Labelled sets: (documents folder, gold file). The seeds' gold lives beside the repository.
LABELLED = (
    ("seeds", "../shared/eval/seeds_gold.csv"),
    ("tests/eval/documents", "tests/eval/gold.csv"),
    *(
        (f"tests/eval/blind/{split}/documents", f"tests/eval/blind/{split}/gold.csv")
        for split in ("dev", "dev2", *(f"test{n}" for n in ("", *range(2, 108))))
    ),
)
MIN_EXAMPLES = 5
PENALTY = 1.0  # L2, on every weight but the intercept
ITERATIONS = 50
PARTS = ("owner", "metric", "date")
SUREST = {"owner": "name", "metric": "noun", "date": "stated"}


@dataclass(frozen=True)
class Label:
    """A right answer: the tracked organisation's `metric` was `value` `unit` in `document`."""

    document: str
    metric: str
    value: float
    unit: str


def gold_labels(path: Path, tracked: str) -> list[Label]:
    """The tracked organisation's rows of a gold CSV (the columns of tests/eval/gold.csv)."""
    with path.open(newline="", encoding="utf-8") as f:
        return [
            Label(r["document"], r["metric"], float(r["value"]), r["unit"])
            for r in csv.DictReader(f)
            if tracked.lower() in r["entity"].lower()
        ]


def correction_labels(corrections: Iterable[Any], tracked: str) -> list[Label]:
    """Labels from reviewers' corrections (`db.reviews.iter_corrections`): each gives the
    document's file name, the figure's span, quote, value, unit, entity, metric, as_of and
    period, as a mapping or as attributes. One for another organisation labels nothing."""
    out = []
    for c in corrections:
        get = c.get if isinstance(c, Mapping) else lambda k, c=c: getattr(c, k, None)
        entity, metric = get("entity") or "", get("metric") or ""
        if tracked.lower() in entity.lower() and metric:
            out.append(Label(str(get("document")), metric, float(get("value")), str(get("unit"))))
    return out


def examples(
    docs: Iterable[ReadDocument], labels: list[Label], config: ExtractConfig
) -> Iterator[tuple[Evidence, bool]]:
    """Each claim found in `docs` with its evidence, and whether a label says it is right."""
    by_doc: dict[str, list[Label]] = {}
    for g in labels:
        by_doc.setdefault(g.document, []).append(g)
    for doc in docs:
        gold = by_doc.get(doc.file_name, [])
        for claim, evidence in claims_with_evidence(doc, config):
            right = claim.entity == config.name and any(
                g.metric == claim.metric and g.unit == claim.unit and _close(g.value, claim.value)
                for g in gold
            )
            yield evidence, right


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def labelled_documents(root: Path = ROOT) -> tuple[list[ReadDocument], list[Label], list[str]]:
    """The repository's labelled documents and labels, and which sets were found."""
    docs: list[ReadDocument] = []
    labels: list[Label] = []
    used = []
    tracked = default_config().name
    for folder, gold in LABELLED:
        d, g = root / folder, (root / gold).resolve()
        if not (d.is_dir() and g.is_file()):
            continue
        used.append(folder)
        labels += gold_labels(g, tracked)
        docs += list(_read_folder(d))
    return docs, labels, used


def _read_folder(folder: Path) -> Iterator[ReadDocument]:
    manifest = load_manifest(folder)
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.name not in ("sources.csv", "README.md"):
            try:
                yield read_document(p, manifest=manifest.get(p.name))
            except IngestError:
                continue


def fit(data: list[tuple[Evidence, bool]]) -> dict[str, Any]:
    """The model: weights per part and source, with a report of the data and the fit."""
    counts = {part: Counter(getattr(e, part) for e, _ in data) for part in PARTS}
    names = [
        (part, source)
        for part in PARTS
        for source in sorted(counts[part])
        if counts[part][source] >= MIN_EXAMPLES and source != SUREST[part]
    ]
    index = {n: i + 1 for i, n in enumerate(names)}  # column 0 is the intercept
    x = np.zeros((len(data), len(names) + 1))
    x[:, 0] = 1.0
    y = np.array([1.0 if right else 0.0 for _, right in data])
    for row, (e, _) in enumerate(data):
        for part in PARTS:
            col = index.get((part, getattr(e, part)))
            if col:
                x[row, col] = 1.0
    w = _newton(x, y)
    weights: dict[str, dict[str, float]] = {"owner": {}, "metric": {}}
    for part in ("owner", "metric"):
        weights[part][SUREST[part]] = round(_sigmoid(w[0]), 4)
        for (p, source), col in index.items():
            if p == part:
                weights[part][source] = round(_sigmoid(w[0] + w[col]), 4)
    return {
        "weights": weights,
        "report": {
            "examples": len(data),
            "right": int(y.sum()),
            "sources": {part: dict(sorted(counts[part].items())) for part in PARTS},
            "coefficients": {"intercept": round(float(w[0]), 4)}
            | {f"{p}={s}": round(float(w[c]), 4) for (p, s), c in index.items()},
            "log_loss": round(_log_loss(x, y, w), 4),
            "penalty": PENALTY,
            "min_examples": MIN_EXAMPLES,
        },
    }


def _newton(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (deterministic)."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], PENALTY)
    ridge[0] = 0.0
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + ridge * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(ridge) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return w


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-float(z)))


def _log_loss(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    p = np.clip(1.0 / (1.0 + np.exp(-(x @ w))), 1e-12, 1 - 1e-12)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def train(
    corrections: Iterable[Any] = (),
    out: Path = MODEL_FILE,
    root: Path = ROOT,
    config: ExtractConfig | None = None,
    extra_docs: Iterable[ReadDocument] = (),
) -> dict[str, Any]:
    """Fit the model to the repository's labelled data (and any corrections) and write it."""
    config = config or default_config()
    docs, labels, used = labelled_documents(root)
    fixed = correction_labels(corrections, config.name)
    docs += list(extra_docs)
    with hand_weights():  # the claims found must not depend on a model already written
        model = fit(list(examples(docs, labels + fixed, config)))
    model["report"]["sets"] = used
    model["report"]["corrections"] = len(fixed)
    out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return model


def stored_documents(engine: Any, names: set[str]) -> list[ReadDocument]:
    """The stored documents with these file names, as read documents (one section each)."""
    from db.documents import get_document, list_documents

    out = []
    for summary in list_documents(engine):
        if summary.file_name not in names:
            continue
        detail = get_document(engine, summary.id)
        if detail is None:
            continue
        text = detail.text
        out.append(
            ReadDocument(
                summary.file_name, "", "txt", text, summary.title, summary.publisher,
                summary.kind, summary.url, summary.published_on, summary.date_source,
                (Section(0, 0, len(text), summary.published_on, summary.date_source),),
            )
        )  # fmt: skip
    return out


def corrections_from(engine: Any) -> list[Any]:
    """The reviewers' corrections stored in a database (`db.reviews.iter_corrections`)."""
    from db.reviews import iter_corrections

    return list(iter_corrections(engine))
