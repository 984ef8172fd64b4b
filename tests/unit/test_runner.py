"""Parallel, distributed and cached runs give the same results as a serial run."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import records
from formal_emergence.engine.runner import (ResultCache, cache_key, default_cache_dir, from_data, make_executor,
                                            run_claims, to_data)
from formal_emergence.parse.claimfile import load_catalog


@pytest.fixture(scope="module")
def claims():
    catalog = load_catalog()
    picked = [c for c in catalog.claims if c.id.startswith(("001.", "004."))]
    return picked[:4] + picked[-4:]


def _json(pairs) -> str:
    return json.dumps(records(pairs), ensure_ascii=False, indent=2)


@pytest.fixture(scope="module")
def serial(claims):
    return _json(run_claims(claims, CheckOptions()))


def test_process_pool_gives_the_same_json_as_a_serial_run(claims, serial):
    executor = make_executor(2)
    try:
        assert _json(run_claims(claims, CheckOptions(), executor=executor)) == serial
    finally:
        executor.shutdown()


def test_dask_executor_gives_the_same_json(claims, serial):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=2,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert _json(run_claims(claims, CheckOptions(), executor=client.get_executor())) == serial


def test_cache_hits_are_exact_and_misses_follow_every_input(claims, serial, tmp_path):
    first = ResultCache(tmp_path)
    assert _json(run_claims(claims, CheckOptions(), cache=first)) == serial
    assert (first.hits, first.misses) == (0, len(claims))
    warm = ResultCache(tmp_path)
    assert _json(run_claims(claims, CheckOptions(), cache=warm)) == serial
    assert (warm.hits, warm.misses) == (len(claims), 0)
    other = ResultCache(tmp_path)
    run_claims(claims[:1], CheckOptions(dps=40), cache=other)          # other options: a miss
    assert other.misses == 1
    c = claims[0]
    assert cache_key(c, CheckOptions(), "ctx") != cache_key(replace(c, show_text=c.show_text + " "), CheckOptions(),
                                                             "ctx")
    assert cache_key(c, CheckOptions(), "ctx") != cache_key(c, CheckOptions(), "other code")


def test_cache_files_are_plain_json_and_corrupt_entries_are_misses(claims, tmp_path):
    cache = ResultCache(tmp_path)
    run_claims(claims[:2], CheckOptions(), cache=cache)
    files = sorted(tmp_path.rglob("*.json"))
    assert len(files) == 2
    for f in files:
        json.loads(f.read_text(encoding="utf-8"))      # JSON, never a pickle
    files[0].write_text("{not json", encoding="utf-8")
    files[1].write_text(json.dumps({"__type__": "Claim"}), encoding="utf-8")   # not a verdict type
    again = ResultCache(tmp_path)
    run_claims(claims[:2], CheckOptions(), cache=again)
    assert (again.hits, again.misses) == (0, 2)


def test_results_round_trip_through_plain_data(claims):
    [(_, result)] = run_claims(claims[:1], CheckOptions())
    assert from_data(json.loads(json.dumps(to_data(result)))) == result


def test_cache_location_honours_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "formal_emergence"


def test_show_reads_the_result_cache_that_check_fills(cli_run, monkeypatch, tmp_path):
    import formal_emergence.engine.assertions as assertions
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    claim = "004.performance-limit.performance-function"
    code, _, err = cli_run(["check", "--claim", claim, "--format", "json"])
    assert code in (0, 1), err
    code, fresh, err = cli_run(["show", claim, "--no-cache"])
    assert code == 0, err

    def refuse(*args, **kwargs):
        raise AssertionError("show re-checked a reading that check had cached")
    monkeypatch.setattr(assertions, "check_reading", refuse)
    code, cached, err = cli_run(["show", claim])
    assert code == 0, err
    assert cached == fresh
