# The two commands: `make demo` runs the daily pipeline on generated data, `make test` proves it.
SHELL := /bin/bash
PY := .venv/bin/python
export PYTHONPATH := $(CURDIR)/plugins

.PHONY: setup demo test stop bench lock clean

setup:
	@bash scripts/setup.sh

demo: setup
	$(PY) -m webcare.demo

test: setup
	$(PY) -m pytest tests

stop:
	$(PY) -m webcare.embedded_pg stop

bench: setup
	$(PY) bench/run.py
	$(PY) bench/imports.py
	$(PY) bench/import_load.py
	$(PY) bench/import_accounts.py --rows 100000 --recent
	$(PY) bench/scale.py --messages 10000,30000 --institutions 10 --out var/bench/scale.json
	$(PY) bench/pii_speed.py --out var/bench/pii_speed.json

# Re-resolve the pinned environment from requirements.in (then review the diff of requirements.lock).
lock:
	rm -rf .venv-lock && python3.11 -m venv .venv-lock && .venv-lock/bin/pip install -q -r requirements.in
	.venv-lock/bin/pip freeze --exclude-editable > requirements.lock && rm -rf .venv-lock

# destroy: the cluster's files too when they live outside var (root in a folder only root can enter)
clean:
	-$(PY) -m webcare.embedded_pg destroy
	rm -rf var
