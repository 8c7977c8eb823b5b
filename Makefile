# One entry point for setting up, the demo, the tests and the benchmarks.
PYTHON ?= python3
UV_VERSION = 0.13.9
TOOLS = .tools
UV = $(TOOLS)/bin/uv
VENV = .venv

.PHONY: install demo test bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --all-extras --python $(PYTHON)
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/dyadwatch demo --dir dyadwatch-demo

test: install
	$(VENV)/bin/ruff check
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/python -m pytest

bench: install
	$(VENV)/bin/python bench/throughput.py

clean:
	rm -rf $(VENV) $(TOOLS) dyadwatch-demo .pytest_cache
