# Two commands on a fresh machine: `make run` and `make test` (see README.md).
# Both create .venv on first use and reinstall when the package metadata changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint check bench bench-x11 screenshots venv clean distclean

run: $(STAMP)
	$(BIN)/stagetimer $(ARGS)

# The design guards run first, so a broken contract fails CI like a failing test.
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Import contracts (pyproject: the core imports no Qt and no outer layer, the
# layers, no cycles), strict types on the core, types on the whole package,
# and ruff. Every check runs and reports; the target fails if any failed.
lint: $(STAMP)
	@status=0; \
	$(BIN)/lint-imports || status=1; \
	$(BIN)/mypy --strict stagetimer/core || status=1; \
	$(BIN)/mypy || status=1; \
	$(BIN)/ruff check . || status=1; \
	exit $$status

check: $(STAMP)
	$(BIN)/stagetimer check agenda.yaml

# Every target of issue 13 with its figure and PASS/MISS (docs/benchmark.md); BENCH_ARGS adds options.
bench: $(STAMP)
	@status=0; \
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS) || status=1; \
	$(BIN)/python benchmarks/cue_latency.py || status=1; \
	exit $$status

# The same under a real X server: an Xvfb of its own, ten one-minute runs (the maximum must hold in each).
XVFB_DISPLAY ?= :97
bench-x11: $(STAMP)
	@Xvfb $(XVFB_DISPLAY) -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$$!; sleep 1; \
	DISPLAY=$(XVFB_DISPLAY) $(BIN)/python benchmarks/run.py --platform xcb --runs 10 $(BENCH_ARGS); \
	status=$$?; kill $$xvfb; exit $$status

screenshots: $(STAMP)
	$(BIN)/python -m tools.screenshots
	$(BIN)/python -m tools.screenshots_record
	$(BIN)/python -m tools.screenshots_door
	$(BIN)/python -m tools.screenshots_network
	$(BIN)/python -m tools.screenshots_rooms
	$(BIN)/python -m tools.web_screenshots

venv: $(STAMP)

# setuptools>=70.1 goes into the venv as well because the packaging test builds
# a wheel without build isolation (the same backend pyproject.toml asks for).
$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade 'setuptools>=70.1'
	$(BIN)/python -m pip install -e '.[test]'
	touch $@

clean:
	rm -rf build dist *.egg-info stagetimer/_bundled .pytest_cache

distclean: clean
	rm -rf $(VENV)
