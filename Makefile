# 服务营销顾问 — two commands do everything on a fresh machine:
#   make run    set up (venv, knowledge, model) and start the bot
#   make test   set up and run the whole test suite
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup run test reload train lint validate bench clean system-deps

export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_PORT ?= 5005
export ACTIONS_PORT ?= 5055
# Where the Rasa and action servers listen: this host only unless opened deliberately
# (BIND_HOST=0.0.0.0, or the address of one internal interface; docs/security.md).
export BIND_HOST ?= 127.0.0.1
export TRACKER_DIALECT ?= sqlite
export TRACKER_DB ?= $(CURDIR)/var/trackers.db

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/advisor.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) var/jieba/userdict.txt

help:
	@echo "make run    — set up and start the bot (Rasa :$(RASA_PORT), actions :$(ACTIONS_PORT), demo portal :8080)"
	@echo "make test   — set up and run all tests"
	@echo "make reload — load knowledge/*.yml into the database after editing it"

$(VENV)/.installed: requirements.txt scripts/find-python310.sh
	@py=$$(scripts/find-python310.sh) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    rm -rf $(VENV); echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# Knowledge → database (idempotent, cheap when nothing changed) and generated NLU files.
reload: $(VENV)/.installed
	@$(PY) -m bot reload
	@$(PY) -m bot generate

var/jieba/userdict.txt: reload

$(MODEL): $(TRAINING_INPUTS) | reload
	$(RASA) train --fixed-model-name advisor --out models
	@touch $@

train: reload $(MODEL)

setup: reload $(MODEL)

run: setup
	@scripts/run.sh

validate: reload
	$(RASA) data validate --fail-on-warnings

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check bot actions tests bench

# Debian packages the tests need: chromium (driven by Playwright for Python; never
# `playwright install`, no browser downloads here) with CJK and emoji fonts so pages and
# docs/widget.png render legibly, and the PostgreSQL and Redis server binaries that
# tests/integration starts on loopback in temp dirs (the system services are never used).
SYSTEM_DEBS := chromium fonts-wqy-microhei fonts-noto-color-emoji postgresql redis-server
system-deps:
	@missing=$$(for pkg in $(SYSTEM_DEBS); do dpkg -s $$pkg >/dev/null 2>&1 || echo $$pkg; done); \
	  if [ -n "$$missing" ]; then \
	    sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); echo "installing" $$missing; \
	    $$sudo apt-get update -qq && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

test: setup system-deps
	$(PY) -m pytest -q $(PYTEST_ARGS)

bench: setup system-deps
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf models var results .pytest_cache
