PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench venv lexicon eval clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Quick start 1: install khabar and analyse the bundled example article.
demo: $(BIN)/python
	$(BIN)/pip install -q .
	$(BIN)/khabar analyze examples/turkey-isis-afrin.ar.txt --published 2023-06-15

# Quick start 2: install with test extras and run the whole suite.
test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m pytest

# Peers for the cleaning benchmark (CAMeL Tools, pyarabic); heavy: pulls a CPU build of torch.
bench: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/khabar bench clean
	$(BIN)/khabar bench analyze

# Rebuild the shipped lexicon from SaudiNewsNet (needs ../shared/data).
lexicon: $(BIN)/python
	$(BIN)/python scripts/build_lexicon.py

eval: $(BIN)/python
	$(BIN)/khabar eval clean

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
