# Two commands do all the set-up on a machine with python3 and make:
#   make demo   rank the bundled sample resumes against the seed rubrics
#   make test   ruff, mypy and pytest
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench rubrics samples lexicon clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/matcher score samples/ --rubric rubrics/ --top 5

test: $(STAMP)
	$(BIN)/ruff check matcher tests bench tools
	$(BIN)/ruff format --check matcher tests bench tools
	$(BIN)/mypy
	$(BIN)/pytest

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

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
