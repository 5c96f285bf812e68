# The README's commands, and the checks around them.
PY ?= .venv/bin/python

.PHONY: install run test test-pg lint format bench score screenshots

.venv/bin/python:
	python3 -m venv .venv

install: .venv/bin/python
	$(PY) -m pip install -q -r requirements-dev.txt

run:  ## ingest seeds/ (first time) and serve the dashboard on 127.0.0.1:8050
	python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/python app.py

test:  ## the whole suite; browser tests need Debian's chromium, PostgreSQL runs via TEST_DATABASE_URL
	python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt && .venv/bin/python -m pytest

screenshots:  ## the browser tests, saving the README's screenshots in docs/screenshots
	UPDATE_SCREENSHOTS=1 $(PY) -m pytest tests/browser

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format:
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench:  ## run by hand; prints throughput and memory
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_consistency.py
	$(PY) benchmarks/bench_dashboard.py
	$(PY) benchmarks/bench_first_view.py
	$(PY) benchmarks/bench_ingest.py

score:  ## extraction score on the seeds against the shared gold file
	rm -f /tmp/score-seeds.db
	$(PY) -m etl ingest seeds --db sqlite:////tmp/score-seeds.db --no-progress
	$(PY) -m etl export claims --db sqlite:////tmp/score-seeds.db --out /tmp/score-claims.csv
	$(PY) ../shared/eval/score.py --gold ../shared/eval/seeds_gold.csv \
	  --traps ../shared/eval/seeds_traps.csv --pred /tmp/score-claims.csv
