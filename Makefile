# Thin wrapper: every target sets up what it needs first. `make help` lists them.
VENV      := .venv
BIN       := $(VENV)/bin
PORT      ?= 8000
SITE_URL  ?= http://127.0.0.1:$(PORT)/
export SITE_URL
export NO_MKDOCS_2_WARNING := 1
# Dates in the build (sitemap lastmod) come from the last commit, so two builds
# of one commit are byte-identical. Outside a git checkout: today.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: help setup serve build test test-all check bench flyers linkcheck linkcheck-external embed-demo nginx-test

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

setup: $(VENV)/.installed ## Install Debian packages (Chromium, Thai/CJK fonts, nginx) and the pinned Python packages
	@bash scripts/setup_system.sh

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	# This project itself, editable: the plugins (entry points), scripts and tests import `scripts.…` from the checkout
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

serve: setup ## Set up, then serve the site on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

build: setup ## Set up, then build the site into site/ (a failed build leaves site/ as it was)
	rm -rf .site.new
	$(BIN)/mkdocs build --strict -d .site.new || { rm -rf .site.new; exit 1; }
	rm -rf site && mv .site.new site

flyers: setup ## The deploy build: site/ with PDF links and the print kit (flyers, cards, poster, packs, ZIP); needs a public SITE_URL, or PREVIEW=1 for a stamped proof
	$(BIN)/smittevern flyers --site-dir site $(if $(filter 1 yes true,$(PREVIEW)),--preview)

test: setup ## Set up, then the lint (ruff), the type check (mypy) and every test (unit, content, build, server, browser), three at a time (pytest-xdist); the every-page axe and CSP sweeps visit nb, th and zh
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 3

test-all: setup ## Like make test, with the every-page axe and CSP sweeps in all eleven languages (about 8 minutes more)
	$(BIN)/ruff check
	$(BIN)/mypy
	SITE_TEST_ALL_LOCALES=1 $(BIN)/python -m pytest -n 3

check: setup ## The fast checks, no build: the translation rules CI runs (structure, language, glossary, formality, plural forms, typography), the lint (ruff) and type check (mypy, pyproject.toml), then the unit and content tests (under a minute)
	$(BIN)/smittevern check
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/python -m pytest tests/unit tests/content -n 2 -q

embed-demo: setup ## Serve the site and a partner page on another origin (next port) that embeds a section
	$(BIN)/smittevern embed-demo

linkcheck: setup ## Build, serve on 127.0.0.1 and check every internal link and #anchor (external: syntax only)
	$(BIN)/smittevern linkcheck

linkcheck-external: setup ## Like linkcheck, and also check external links for real (needs internet)
	$(BIN)/smittevern linkcheck --external

nginx-test: setup ## Serve a build with Debian's nginx and deploy/nginx/site.conf, and test headers, gzip, 404s
	$(BIN)/python -m pytest tests/server/test_server.py tests/browser/test_security_headers.py

bench: setup ## Build time, weight, LCP, TBT, CLS, repeat views, the language redirect and search time vs Material's defaults (nb, th, zh, ro; slow links, a cheap phone), then the quick exit's tap-to-request time (worst of 10 runs); writes bench/build.md, bench/weight.md and bench/exit.md (bench/README.md explains them)
	$(BIN)/smittevern bench weight $(if $(LOCALES),--locales $(LOCALES))
	$(BIN)/smittevern bench exit
