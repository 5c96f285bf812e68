"""Where the tests find the repository's files."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
