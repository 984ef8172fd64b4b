"""Fixtures for the report tests: catalogs checked once per session, reports generated once per format.

The bundled catalog is checked in a forked child process that reports its progress: a claim on
which the engine stalls for more than ``STALL_SECONDS`` is set aside (the child is killed and a
new one continues with the remaining claims), so a stuck engine cannot hang the report tests.
Stalled claims are reported by ``test_bundled_catalog_checks_in_time``.
"""

from __future__ import annotations

import multiprocessing as mp
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from formal_emergence.engine.assertions import check_units
from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import checked_records, options_record, tool_versions
from formal_emergence.parse.claimfile import load_catalog

HERE = Path(__file__).resolve().parent
FIXTURE_CLAIMS = HERE / "fixtures" / "report_claims.toml"
STALL_SECONDS = 30.0
TOTAL_SECONDS = 240.0


@dataclass
class Checked:
    """A checked catalog: the outcome, its (claim, result) pairs and JSON records, tool versions and options."""

    checked: Any
    pairs: list
    records: list[dict[str, Any]]
    tool: dict[str, str]
    options: dict[str, Any]
    stalled: list[str] = field(default_factory=list)

    def ids(self) -> list[str]:
        return [c.id for c, _ in self.pairs]


def _child(paths, skip, conn, progress) -> None:
    try:
        catalog = load_catalog(paths)
        assertions = [a for a in catalog.assertions if not {r.id for r in a.readings} & skip]
        lemmas = [x for x in catalog.lemmas if x.id not in skip]

        def report(i: int, n: int, claim_id: str) -> None:
            progress.value = claim_id.encode("ascii", "replace")[:250]

        checked = check_units(assertions, lemmas, CheckOptions(), progress=report)
        conn.send(("ok", pickle.dumps(checked)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("error", repr(exc)))
    finally:
        conn.close()


def check_guarded(paths=None) -> tuple[Any, list[str]]:
    """Check a catalog in a child process; claims that stall are skipped and returned as ``stalled``."""
    ctx = mp.get_context("fork")
    stalled: list[str] = []
    start = time.monotonic()
    while True:
        parent, child = ctx.Pipe(duplex=False)
        progress = ctx.Array("c", 256)
        proc = ctx.Process(target=_child, args=(paths, set(stalled), child, progress), daemon=True)
        proc.start()
        child.close()
        last, last_change = b"", time.monotonic()
        while True:
            if parent.poll(0.2):
                status, payload = parent.recv()
                proc.join()
                if status != "ok":
                    pytest.fail(f"checking the catalog failed: {payload}")
                return pickle.loads(payload), stalled
            now = time.monotonic()
            current = progress.value
            if current != last:
                last, last_change = current, now
            if not proc.is_alive() and not parent.poll(0.2):
                pytest.fail(f"the check process died (exit code {proc.exitcode})")
            if now - last_change > STALL_SECONDS or now - start > TOTAL_SECONDS:
                proc.kill()
                proc.join()
                stuck = current.decode("ascii", "replace")
                if not stuck or stuck in stalled or now - start > TOTAL_SECONDS:
                    pytest.fail(f"checking the catalog took too long (last claim {stuck!r})")
                stalled.append(stuck)
                break


@pytest.fixture(scope="session")
def bundled() -> Checked:
    """The whole bundled catalog, checked once per session."""
    checked, stalled = check_guarded(None)
    return _checked(checked, stalled)


def _checked(checked, stalled=()) -> Checked:
    return Checked(checked, checked.pairs(), checked_records(checked), tool_versions(), options_record(CheckOptions()),
                   list(stalled))


@pytest.fixture(scope="session")
def fixture_catalog() -> Checked:
    """The report fixture claims (every verdict, every plot kind), checked once per session."""
    catalog = load_catalog([FIXTURE_CLAIMS])
    return _checked(check_units(catalog.assertions, catalog.lemmas, CheckOptions()))


def _write(checked: Checked, fmt: str, out: Path) -> Path:
    from formal_emergence.report.site import write_report
    write_report(checked.checked, checked.records, checked.tool, checked.options, fmt, out)
    return out


@pytest.fixture(scope="session")
def bundled_markdown(bundled, tmp_path_factory) -> Path:
    return _write(bundled, "markdown", tmp_path_factory.mktemp("md"))


@pytest.fixture(scope="session")
def bundled_latex(bundled, tmp_path_factory) -> Path:
    return _write(bundled, "latex", tmp_path_factory.mktemp("tex"))


@pytest.fixture(scope="session")
def bundled_html(bundled, tmp_path_factory) -> Path:
    return _write(bundled, "html", tmp_path_factory.mktemp("html"))


@pytest.fixture(scope="session")
def fixture_html(fixture_catalog, tmp_path_factory) -> Path:
    return _write(fixture_catalog, "html", tmp_path_factory.mktemp("fixture-html"))


@pytest.fixture(scope="session")
def fixture_latex(fixture_catalog, tmp_path_factory) -> Path:
    return _write(fixture_catalog, "latex", tmp_path_factory.mktemp("fixture-tex"))


@pytest.fixture(scope="session")
def fixture_markdown(fixture_catalog, tmp_path_factory) -> Path:
    return _write(fixture_catalog, "markdown", tmp_path_factory.mktemp("fixture-md"))
