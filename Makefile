# Two commands for a newcomer: `make run` serves the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test install install-test chromium nginx audit lint bench demo clean

# The demo runs in open mode (no sign-in, a banner says so); hosting sets PMO_AUTH (README, Deployment).
# MALLOC_ARENA_MAX=2: glibc keeps two memory arenas, not one per session thread, so memory comes back.
run: $(VENV)/.installed
	$(PY) -m pmo_core demo --if-empty
	PMO_AUTH=open MALLOC_ARENA_MAX=2 $(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(VENV)/.installed-test chromium nginx
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) .ci/dependency_audit.py
	$(PY) -m pytest

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then \
		echo "chromium: $$(chromium --version 2>/dev/null || echo /usr/bin/chromium)"; \
	else \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; \
	fi

# The deployment tests drive the README's nginx site; openssl makes their TLS certificate.
nginx:
	@if [ -x /usr/sbin/nginx ] && command -v openssl >/dev/null 2>&1; then \
		echo "nginx: $$(/usr/sbin/nginx -v 2>&1)"; \
	else \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx-light openssl >/dev/null; \
	fi

# Known vulnerabilities of the dependencies; says "could not audit" when the service cannot be reached.
audit: $(VENV)/.installed-test
	$(PY) .ci/dependency_audit.py

lint: $(VENV)/.installed-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Every figure of the README's Benchmarks, each script printing the load average at its start and end: run it on
# a quiet machine (about 40 minutes on 2 cores). The stores and workbooks the scripts build are deleted.
bench: $(VENV)/.installed-test
	@echo "make bench: $$(uptime)"
	$(PY) bench/import_bench.py
	$(PY) bench/mapping_bench.py
	$(PY) bench/pages_bench.py
	$(PY) bench/priorities_bench.py
	$(PY) bench/provenance_bench.py
	$(PY) bench/pack_bench.py
	$(PY) bench/profile_pages.py
	$(PY) bench/profile_pages.py --scale
	$(PY) bench/profile_pages.py --changes
	$(PY) bench/room_bench.py
	$(PY) bench/room_bench.py --store demo --page budget --levels 10,25 --chromium 0
	$(PY) bench/soak_bench.py
	@echo "make bench: done, $$(uptime)"

demo: $(VENV)/.installed
	$(PY) -m pmo_core demo

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
