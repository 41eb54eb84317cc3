"""Tests for matcher.tune.round: reweighing without re-reading, the round, honest metrics, guardrail, CLI.

Labels and metrics alone are in test_labels.py, the fit alone in test_learn.py.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from matcher.cli import app
from matcher.errors import RubricError, TuneError
from matcher.pipeline.run import collect_inputs
from matcher.ranking import evidence_table, rank
from matcher.read.reader import read_document
from matcher.resume.understand import Resume, understand
from matcher.rubric.check import json_schema
from matcher.rubric.io import load_rubric, loads_rubric, save_rubric, to_toml
from matcher.rubric.model import Criterion, Rubric, Tuning
from matcher.scoring.score import score
from matcher.tune.labels import read_groups, read_labels
from matcher.tune.learn import HIGH, LOW
from matcher.tune.report import format_report
from matcher.tune.round import reweigh, tune
from tests.conftest import RUBRICS, SAMPLES
from tests.people import LEAKS, write_corpus
from tests.people import rubric as people_rubric

AS_OF = date(2026, 11, 23)
PM = RUBRICS / "000_1e07a38cda397245-1.toml"
ECOM = RUBRICS / "004_d832d627ee032451-1.toml"
LABELS = SAMPLES / "labels.csv"
GROUPS = SAMPLES / "groups.csv"
runner = CliRunner()


@pytest.fixture(scope="module")
def resumes() -> list[Resume]:
    """Every bundled sample, read and understood once for the module."""
    return [understand(read_document(p), AS_OF) for p in collect_inputs([SAMPLES])]


@pytest.fixture(scope="module")
def evidence(resumes: list[Resume]) -> pl.DataFrame:
    rubrics = [load_rubric(PM), load_rubric(ECOM)]
    return evidence_table([score(r, rb) for r in resumes for rb in rubrics])


def frame(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["resume", "job_id", "label"], orient="row")


# ---------------------------------------------------------------- reweighing


@pytest.mark.parametrize(
    "weights",
    [
        {},
        {"ppt": 0.5, "project-management": 1.0, "prd": 6.0},
        {"education": 4.0, "e-commerce": 3.0, "interaction-design": 1.8, "teamwork": 2.4},
    ],
)
def test_reweigh_equals_a_full_rescore(
    resumes: list[Resume], evidence: pl.DataFrame, weights: dict[str, float]
) -> None:
    rubric = load_rubric(PM).with_weights(weights)
    full = rank([score(r, rubric) for r in resumes]).select("resume", "rank", "score", "eligible")
    fast = reweigh(evidence.filter(pl.col("job_id") == rubric.job_id), weights)
    assert fast.drop("job_id").to_dicts() == full.to_dicts()


def test_reweigh_keeps_jobs_apart(evidence: pl.DataFrame) -> None:
    out = reweigh(evidence)
    assert out.group_by("job_id").len()["len"].to_list() == [15, 15]
    assert out.filter(pl.col("rank") == 1).height == 2


# ---------------------------------------------------------------- learning


def synthetic(n: int = 40) -> tuple[pl.DataFrame, Rubric, pl.DataFrame, pl.DataFrame]:
    """Resumes whose recruiters want criterion "a"; the rubric overweights "b".

    Group X holds most of the "a" resumes, so tuning toward the labels moves selection
    from group Y to group X: the guardrail must say so.
    """
    crit = (
        Criterion("a", "skill", "alpha", 1.0),
        Criterion("b", "skill", "beta", 4.0),
        Criterion("c", "skill", "gamma", 2.0),
        Criterion("d", "skill", "delta", 1.0, required=True),
    )
    rubric = Rubric("syn", "Synthetic", "en", crit)
    rows, labels, groups = [], [], []
    for i in range(n):
        h = hashlib.sha256(str(i).encode()).digest()
        credit = {"a": h[0] / 255, "b": h[1] / 255, "c": h[2] / 255, "d": 1.0 if h[3] > 40 else 0.0}
        name = f"r{i:02d}.pdf"
        for c in crit:
            rows.append(("syn", name, c.id, c.weight, c.required, credit[c.id], credit[c.id] > 0))
        labels.append((name, "syn", "advance" if credit["a"] > 0.6 else "reject"))
        groups.append((name, "X" if credit["a"] > 0.5 else "Y"))
    ev = pl.DataFrame(
        rows,
        schema=["job_id", "resume", "criterion_id", "weight", "required", "credit", "met"],
        orient="row",
    )
    return (
        ev,
        rubric,
        frame(labels),
        pl.DataFrame(groups, schema=["resume", "group"], orient="row"),
    )


def test_tuning_learns_what_recruiters_reward_within_bounds() -> None:
    ev, rubric, labels, _ = synthetic()
    res = tune(ev, rubric, labels, k=5, as_of=AS_OF)
    new = {c.id: c.weight for c in res.rubric.criteria}
    assert new["a"] > 1.0 and new["b"] < 4.0
    for old, c in zip(rubric.criteria, res.rubric.criteria, strict=True):
        assert LOW * old.weight - 0.01 <= c.weight <= HIGH * old.weight + 0.01
        assert c.required == old.required and c.weight > 0
    assert res.after.auc is not None and res.before.auc is not None
    assert res.after.auc > res.before.auc  # held-out, yet better: the signal is real
    assert not res.too_few and res.folds == 5 and res.scale == "binary"
    why = {c.criterion_id: c.why for c in res.changes}
    assert why["a"].startswith("up") and why["b"].startswith("down")
    assert why["d"].endswith("stays required")


def test_tuning_is_deterministic() -> None:
    ev, rubric, labels, groups = synthetic()
    one = tune(ev, rubric, labels, k=5, groups=groups, as_of=AS_OF)
    two = tune(
        ev.sample(fraction=1.0, shuffle=True, seed=7),
        rubric,
        labels,
        k=5,
        groups=groups,
        as_of=AS_OF,
    )
    assert to_toml(one.rubric) == to_toml(two.rubric)
    assert format_report(one) == format_report(two)


def test_guardrail_warns_when_tuning_worsens_adverse_impact() -> None:
    ev, rubric, labels, groups = synthetic()
    res = tune(ev, rubric, labels, k=10, groups=groups, as_of=AS_OF)
    y = next(g for g in res.impact if g.group == "Y")
    assert y.ratio_after is not None and y.ratio_after < 0.8
    assert y.ratio_before is None or y.ratio_after < y.ratio_before
    assert any(w.startswith("adverse impact: tuning lowers group Y") for w in res.warnings)
    # Written only with --force when a group falls below four-fifths where it was not before.
    assert res.adverse == (y.ratio_before is None or y.ratio_before >= 0.8)
    assert sum(g.selected_after for g in res.impact) == 10 and res.cutoff == "top 10"


def test_guardrail_threshold_cutoff() -> None:
    ev, rubric, labels, groups = synthetic()
    res = tune(ev, rubric, labels, groups=groups, threshold=50.0, as_of=AS_OF)
    assert res.cutoff == "eligible and score >= 50"
    chosen = res.ranking_after.filter(pl.col("eligible") & (pl.col("score") >= 50.0)).height
    assert sum(g.selected_after for g in res.impact) == chosen


@pytest.mark.parametrize("bad", [float("nan"), -1.0, 101.0])
def test_a_threshold_that_is_no_score_is_refused(bad: float) -> None:
    ev, rubric, labels, groups = synthetic()
    with pytest.raises(TuneError, match="threshold must be a score"):
        tune(ev, rubric, labels, groups=groups, threshold=bad, as_of=AS_OF)


def test_without_good_or_bad_labels_there_is_nothing_to_learn() -> None:
    ev, rubric, labels, _ = synthetic()
    with pytest.raises(TuneError, match="all"):
        tune(ev, rubric, labels.with_columns(pl.lit("yes").alias("label")))


def test_evidence_of_another_rubric_is_refused(evidence: pl.DataFrame) -> None:
    rubric = load_rubric(PM)
    other = replace(rubric, criteria=rubric.criteria[:-1])
    with pytest.raises(TuneError, match="not made with rubric"):
        tune(evidence, other, read_labels(LABELS))
    with pytest.raises(TuneError, match="no scored resume"):
        tune(evidence.clear(), rubric, read_labels(LABELS))


# ---------------------------------------------------------------- the bundled example


def test_samples_round_reports_unknowns_and_too_few(evidence: pl.DataFrame) -> None:
    labels = read_labels(LABELS).frame.vstack(
        pl.DataFrame(
            {
                "resume": ["ghost.pdf", "zh_chef"],
                "job_id": ["000_1e07a38cda397245-1", "000_1e07a38cda397245-1"],
                "grade": [1.0, 0.0],
                "line": [32, 33],
            }
        )
    )
    base = read_labels(LABELS)
    res = tune(evidence, load_rubric(PM), replace(base, frame=labels), groups=read_groups(GROUPS))
    assert res.too_few and res.n_labels == 15 and res.n_good == 5
    assert any("ghost.pdf" in p and "line 32" in p for p in res.label_problems)
    assert any("zh_chef" in p for p in res.label_problems)
    assert any(p.startswith("job 004_d832d627ee032451-1: 15 labels") for p in res.label_problems)
    assert any(w.startswith("only 15 labelled resumes") for w in res.warnings)
    assert res.rubric.tuning is not None and res.rubric.tuning.forced
    assert {g.group for g in res.impact} == {"A", "B"}


def test_tuned_rubric_carries_provenance_and_round_trips(
    evidence: pl.DataFrame, tmp_path: Path
) -> None:
    base = load_rubric(ECOM)
    res = tune(evidence, base, read_labels(LABELS), k=5, as_of=AS_OF)
    t = res.rubric.tuning
    assert t is not None and t.date == "2026-11-23" and t.base_fingerprint == base.fingerprint
    assert t.labels == "labels.csv" and t.labels_sha256 == read_labels(LABELS).sha256
    assert t.ndcg_before == pytest.approx(res.before.ndcg, abs=1e-4) and t.n_labels == 15
    path = save_rubric(res.rubric, tmp_path / "tuned.toml")
    assert load_rubric(path) == res.rubric
    assert [c.required for c in res.rubric.criteria] == [c.required for c in base.criteria]


# ---------------------------------------------------------------- the [tuning] table


def test_tuning_table_is_optional_validated_and_in_the_schema() -> None:
    rubric = load_rubric(PM)
    assert rubric.tuning is None and "[tuning]" not in to_toml(rubric)
    tuned = replace(rubric, tuning=Tuning(labels="l.csv", k=5, auc_after=0.75, forced=True))
    assert loads_rubric(to_toml(tuned)) == tuned
    assert hash(tuned) != hash(rubric)
    bad = to_toml(tuned).replace("k = 5", 'k = "five"').replace("forced = true", "colour = 1")
    with pytest.raises(RubricError) as err:
        loads_rubric(bad)
    assert set(err.value.problems) == {
        "tuning.k: must be an integer >= 0",
        "tuning.colour: unknown field",
    }
    props = json_schema()["properties"]["tuning"]["properties"]
    assert set(props) == set(Tuning.__dataclass_fields__)


# ---------------------------------------------------------------- the command


def cli(*args: str) -> list[str]:
    return [
        "tune",
        str(SAMPLES),
        "--labels",
        str(LABELS),
        "--as-of",
        "2026-11-23",
        "--jobs",
        "1",
        *args,
    ]


def test_cli_too_few_labels_writes_nothing_without_force(tmp_path: Path) -> None:
    out = tmp_path / "tuned.toml"
    res = runner.invoke(app, cli("--rubric", str(PM), "-o", str(out), "--groups", str(GROUPS)))
    assert res.exit_code == 1 and not out.exists()
    assert "NDCG@5" in res.stdout and "impact ratio" in res.stdout
    assert "--force" in res.stderr and "only 15 labelled resumes" in res.stderr


def test_cli_force_writes_a_tuned_rubric(tmp_path: Path) -> None:
    out = tmp_path / "tuned.toml"
    res = runner.invoke(app, cli("--rubric", str(ECOM), "-o", str(out), "--k", "3", "--force"))
    assert res.exit_code == 0, res.output
    tuned = load_rubric(out)
    assert tuned.tuning is not None and tuned.tuning.k == 3 and tuned.tuning.forced
    assert "precision@3" in res.stdout


def test_cli_never_overwrites_the_input_unless_asked(tmp_path: Path) -> None:
    copy = shutil.copy(PM, tmp_path / "pm.toml")
    before = Path(copy).read_text(encoding="utf-8")
    res = runner.invoke(app, cli("--rubric", str(copy), "-o", str(copy), "--force"))
    assert res.exit_code == 2 and Path(copy).read_text(encoding="utf-8") == before
    res = runner.invoke(app, cli("--rubric", str(copy), "--overwrite", "--force"))
    assert res.exit_code == 0 and load_rubric(copy).tuning is not None


def test_cli_usage_and_domain_errors(tmp_path: Path) -> None:
    res = runner.invoke(app, ["tune", str(SAMPLES), "--rubric", str(PM), "--labels", "nope.csv"])
    assert res.exit_code == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("resume,job_id,label\na.pdf,j,perhaps\n", encoding="utf-8")
    res = runner.invoke(app, ["tune", str(SAMPLES), "--rubric", str(PM), "--labels", str(bad)])
    assert res.exit_code == 1 and "perhaps" in res.stderr
    assert "Example: matcher tune" in runner.invoke(app, ["tune", "--help"]).stdout
    labels = str(SAMPLES / "labels.csv")
    res = runner.invoke(
        app, ["tune", str(SAMPLES), "--rubric", str(PM), "--labels", labels, "--threshold", "nan"]
    )
    assert res.exit_code == 2 and "--threshold" in res.stderr


def test_how_paths_are_spelled_changes_nothing(evidence: pl.DataFrame) -> None:
    """Regression: folds hashed the path as given, so `samples/` and `/abs/samples/` differed."""
    rubric, labels = load_rubric(PM), read_labels(LABELS)
    moved = evidence.with_columns(("/elsewhere/" + pl.col("resume")).alias("resume"))
    one, two = tune(evidence, rubric, labels, as_of=AS_OF), tune(moved, rubric, labels, as_of=AS_OF)
    assert one.rubric == two.rubric and (one.before, one.after) == (two.before, two.after)


@settings(max_examples=40, deadline=None)
@given(
    weights=st.lists(st.floats(0.1, 10.0), min_size=4, max_size=4),
    scale=st.floats(0.1, 10.0),
)
def test_reweigh_properties(weights: list[float], scale: float) -> None:
    """Scores stay in 0-100, and scaling every weight by one factor changes no rank."""
    ev, _, _, _ = synthetic(12)
    w = dict(zip("abcd", weights, strict=True))
    one = reweigh(ev, w)
    two = reweigh(ev, {k: v * scale for k, v in w.items()})
    assert one["score"].min() >= 0.0 and one["score"].max() <= 100.0  # type: ignore[operator]
    assert one["resume"].to_list() == two["resume"].to_list() or one["score"].n_unique() < 12


def test_api_tune_rubric_reads_paths_and_matches_tune(evidence: pl.DataFrame) -> None:
    import matcher

    rubric = load_rubric(ECOM)
    res = matcher.tune_rubric(evidence, rubric, LABELS, groups=GROUPS, as_of=AS_OF)
    direct = tune(evidence, rubric, read_labels(LABELS), groups=read_groups(GROUPS), as_of=AS_OF)
    assert res.rubric == direct.rubric and res.impact == direct.impact
    assert format_report(res) == format_report(direct)
    assert callable(matcher.tune_rubric) and "tune_rubric" in matcher.__all__


# ---------------------------------------------------------------- blind tuning, verified


def corpus(folder: Path, swap: bool) -> tuple[Path, Path, Path, Path]:
    """The generated English corpus in ``folder`` (each person as a woman and as a man), its
    rubric, labels and groups; ``swap`` writes each file with the next person's attributes."""
    folder.mkdir()
    files, declared = write_corpus(folder, "en")
    groups = folder / "sex.csv"  # tune's groups: resume,group
    rows = [line.rsplit(",", 1)[0] for line in declared.read_text().splitlines()[1:]]
    groups.write_text("resume,group\n" + "\n".join(rows) + "\n", encoding="utf-8")
    if swap:
        texts = [f.read_text(encoding="utf-8") for f in files]
        for f, text in zip(files, texts[2:] + texts[:2], strict=True):
            f.write_text(text, encoding="utf-8")
    base = save_rubric(people_rubric("en"), folder / "base.toml")
    labels = folder / "labels.csv"
    grades = {"0": 3, "1": 1, "2": 2}
    rows = [f"{f.name},{base_job()},{grades[f.name.split('-')[1]]}" for f in files]
    labels.write_text("resume,job_id,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return base, labels, groups, folder


def base_job() -> str:
    return people_rubric("en").job_id


def blind_tune(folder: Path, tuned: Path) -> list[str]:
    base, labels, groups, _ = corpus(folder, swap=folder.name == "swapped")
    return [
        "tune",
        *(str(f) for f in sorted(folder.glob("en-*.txt"))),
        "--rubric",
        str(base),
        "--labels",
        str(labels),
        "--groups",
        str(groups),
        "--as-of",
        "2026-11-23",
        "--jobs",
        "1",
        "--blind",
        "--force",
        "--manifest-names",
        "-o",
        str(tuned),
    ]


def test_blind_tuning_hides_who_and_verify_reruns_it(tmp_path: Path) -> None:
    runs = {}
    for name in ("people", "swapped"):
        tuned = tmp_path / f"{name}.toml"
        res = runner.invoke(app, blind_tune(tmp_path / name, tuned))
        assert res.exit_code == 0, res.output
        manifest = tmp_path / f"{name}.toml.manifest.json"
        runs[name] = (res.stdout, tuned.read_text(encoding="utf-8"), manifest)
        for out in (res.stdout, res.stderr, runs[name][1], manifest.read_text(encoding="utf-8")):
            for value in LEAKS["en"]:
                assert value not in out
        assert json.loads(manifest.read_text())["options"]["blind"] is True
    # Who wrote which resume changes nothing: the same report (scores) and the same weights.
    assert runs["people"][:2] == runs["swapped"][:2]
    assert "Megan" not in runs["people"][0]
    # verify tunes again from what the manifest records and finds the same rubric ...
    folder, manifest = tmp_path / "people", runs["people"][2]
    again = ["verify", str(manifest), "-r", str(folder / "base.toml")]
    again += ["--labels", str(folder / "labels.csv"), "--groups", str(folder / "sex.csv")]
    res = runner.invoke(app, again)
    assert res.exit_code == 0, res.output
    assert "same inputs, same output (tune)" in res.stdout
    # ... says what differs when the labels do ...
    labels = folder / "labels.csv"
    labels.write_text(labels.read_text().replace(",3\n", ",2\n"), encoding="utf-8")
    res = runner.invoke(app, again)
    assert res.exit_code == 1 and "differs: extra" in res.stdout
    assert "differs: outputs.rubric" in res.stdout
    # ... and asks for what it needs (exit 2): the labels, and the groups the run had.
    assert runner.invoke(app, again[:4]).exit_code == 2
    assert runner.invoke(app, again[:6]).exit_code == 2
