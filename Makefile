# Two commands do all the set-up on a machine with python3 and make:
#   make demo   rank the bundled sample resumes against the seed rubrics
#   make test   ruff, mypy and pytest
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test wheel-check bench rubrics samples lexicon openapi docs clean

$(STAMP): pyproject.toml constraints.txt Makefile
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt --config-settings editable_mode=compat -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/matcher score samples/ --rubric rubrics/ --top 5

test: $(STAMP)
	$(BIN)/ruff check matcher tests bench tools
	$(BIN)/ruff format --check matcher tests bench tools
	$(BIN)/mypy
	$(BIN)/pytest

# Build the wheel, install it into a fresh venv (dependencies from PyPI, pinned) and run it
# there: a module or data file the wheel lacks fails here, not on a user's machine.
WHEEL_VENV := $(shell mktemp -d -u /tmp/matcher-wheel-XXXXXX)
wheel-check: $(STAMP)
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation -w dist .
	$(PY) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/pip install --quiet --disable-pip-version-check -c constraints.txt dist/*.whl
	cd $(WHEEL_VENV) && bin/matcher --help > /dev/null
	cd $(WHEEL_VENV) && bin/matcher score $(CURDIR)/samples/en_chef.pdf --rubric $(CURDIR)/rubrics/000_1e07a38cda397245-1.toml --as-of 2026-11-23 --no-cache
	rm -rf $(WHEEL_VENV) dist build

# Recompile the committed rubrics from the seeds (golden tests will show what changed).
rubrics: $(STAMP)
	$(BIN)/matcher compile seeds/*.txt -o rubrics/

# Regenerate samples/*.pdf (needs fpdf2 and Debian's fonts-wqy-microhei; dev only).
samples: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt fpdf2
	$(BIN)/python samples/make_samples.py

# Rebuild matcher/data's derived vocabulary from ../shared/data (ESCO, O*NET, THUOCL, SkillSpan;
# dev only): lexicon_derived.tsv, words.tsv and titles.tsv.gz. `git diff` shows what changed.
lexicon: $(STAMP)
	$(BIN)/python -m tools.lexicon

# The HTTP service's OpenAPI document, committed (tests/service/test_app.py fails when stale).
openapi: $(STAMP)
	$(BIN)/python -c "import sys; from matcher.service.app import openapi_document as d; sys.stdout.write(d())" > docs/openapi.json

# The API reference, from the docstrings (pdoc), into docs/api/ (not committed): open
# docs/api/index.html. The lazily exported types are touched first, so pdoc sees them.
DOC_MODULES := matcher $(addprefix matcher.,errors text vocab read resume rubric compiler scoring ranking tune pipeline report service)
docs: $(STAMP)
	rm -rf docs/api
	$(BIN)/python -c "import sys, matcher, pdoc.__main__; [getattr(matcher, n) for n in matcher.__all__]; sys.argv[0] = 'pdoc'; pdoc.__main__.cli()" -o docs/api $(DOC_MODULES)
	@echo "API reference: docs/api/index.html"

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist build
