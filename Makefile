# Thin wrapper: every target sets up what it needs first. `make help` lists them.
VENV      := .venv
BIN       := $(VENV)/bin
PORT      ?= 8000
SITE_URL  ?= http://127.0.0.1:$(PORT)/
export SITE_URL
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build test bench flyers linkcheck linkcheck-external

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

setup: $(VENV)/.installed ## Install Debian packages (Chromium, Thai/CJK fonts, nginx) and the pinned Python packages
	@bash scripts/setup_system.sh

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: setup ## Set up, then serve the site on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

build: setup ## Set up, then build the site into site/
	$(BIN)/mkdocs build --strict

test: setup ## Set up, then run every test (build, content, translations, browser)
	$(BIN)/python -m pytest

bench: setup ## Page weight and slow-3G LCP per page type vs Material's defaults (LOCALE=th); writes bench/weight.md
	$(BIN)/python scripts/bench_weight.py --locale $(or $(LOCALE),th)
