"""Running many claims: in parallel on any ``concurrent.futures.Executor``, with a result cache.

``run_claims`` checks claims and returns ``(claim, result)`` pairs sorted by
claim id, whatever executor ran them: each check is a pure function of the
claim, its definitions, the literature values it binds and the options (fixed
seeds, deterministic budgets), so serial, process-pool and Dask runs give the
same results, and the same JSON bytes.

The cache stores each result as plain JSON (never a pickle) under a key that
hashes everything the result depends on: the claim with its expanded
definitions, the literature values it binds, the options, the library
versions, and the source code of this package. Any change to one of them is a
miss. The cache lives in ``$XDG_CACHE_HOME/formal_emergence`` (default
``~/.cache/formal_emergence``); ``cache_dir=None`` turns it off.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import tempfile
from concurrent.futures import Executor
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import CheckInterrupted
from ..model import outcome as outcome_model
from ..model import verdict as verdict_model
from ..model.claim import Claim
from ..model.verdict import Result
from .sections import SectionCheck

#: 2: catalog section checks read each statement for every value of its variables (session 10).
CACHE_FORMAT = 2


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/formal_emergence``, else ``~/.cache/formal_emergence``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "formal_emergence"


def _source_digest() -> str:
    """A digest of this package's Python sources and data: a code change invalidates every cached result."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".toml") and p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def cache_key(claim: Claim, options: Any, context: str) -> str:
    """The key of ``claim``'s result: its full content (definitions included), its bound literature values,
    the options and ``context`` (versions and the source digest)."""
    from ..literature import get_reference
    refs = []
    for name, ref_id in claim.references:
        try:
            refs.append((name, repr(get_reference(ref_id))))
        except Exception as exc:  # an unknown id is the claim's own error; it is part of the key
            refs.append((name, f"error: {exc}"))
    payload = repr((CACHE_FORMAT, claim, claim.definitions, refs, options, context))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ results as plain data

_TYPES = {name: obj for module in (verdict_model, outcome_model) for name, obj in vars(module).items()
          if isinstance(obj, type) and (dataclasses.is_dataclass(obj) or issubclass(obj, enum.Enum))
          and obj.__module__ == module.__name__}


def to_data(obj: Any) -> Any:
    """A JSON-ready form of a result (dataclasses, enums, tuples and fractions tagged so they come back exactly)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {"__type__": type(obj).__name__,
                **{f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    if isinstance(obj, enum.Enum):
        return {"__enum__": type(obj).__name__, "value": obj.value}
    if isinstance(obj, tuple):
        return {"__tuple__": [to_data(x) for x in obj]}
    if isinstance(obj, list):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {"__dict__": [[to_data(k), to_data(v)] for k, v in obj.items()]}
    if isinstance(obj, Fraction):
        return {"__fraction__": [obj.numerator, obj.denominator]}
    return obj


def from_data(data: Any) -> Any:
    """The inverse of ``to_data``; only the verdict model's own types are rebuilt (anything else is an error)."""
    if isinstance(data, list):
        return [from_data(x) for x in data]
    if not isinstance(data, dict):
        return data
    if "__tuple__" in data:
        return tuple(from_data(x) for x in data["__tuple__"])
    if "__dict__" in data:
        return {from_data(k): from_data(v) for k, v in data["__dict__"]}
    if "__fraction__" in data:
        n, d = data["__fraction__"]
        return Fraction(n, d)
    if "__enum__" in data:
        return _TYPES[data["__enum__"]](data["value"])
    if "__type__" in data:
        cls = _TYPES[data["__type__"]]
        return cls(**{k: from_data(v) for k, v in data.items() if k != "__type__"})
    raise ValueError("not cached result data")


class ResultCache:
    """Results on disk, one JSON file per key; unreadable or foreign entries count as misses."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.context = repr((_versions(), _source_digest()))
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, kind: type = Result):
        """The cached value for ``key`` if it is a ``kind`` (any other content is a miss)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            result = from_data(data)
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        if not isinstance(result, kind):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def remembered(self, key: str, kind: type, compute: Callable[[], Any]) -> Any:
        """The cached ``kind`` under ``key``, else ``compute()``, stored (not counted as a hit or a miss)."""
        hits, misses = self.hits, self.misses
        value = self.get(key, kind)
        self.hits, self.misses = hits, misses
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def tool_versions(self, compute: Callable[[], dict]) -> dict:
        """``compute()``, the engines' names and versions for the output, kept under this cache's context (which
        holds the installed versions and the package's source digest): a warm run need not import the engines
        only to name them."""
        key = hashlib.sha256(repr((CACHE_FORMAT, "tool versions", self.context)).encode("utf-8")).hexdigest()
        return self.remembered(key, dict, compute)

    def latex(self, formula: Any, symbols: Any) -> str:
        """SymPy's LaTeX of ``formula`` (``engine.run.sympy_latex``), kept in the cache: printing a warm run's
        statements then never imports SymPy."""
        from .run import sympy_latex
        key = hashlib.sha256(repr((CACHE_FORMAT, "latex", formula, symbols, self.context)).encode("utf-8")).hexdigest()
        return self.remembered(key, str, lambda: sympy_latex(formula, symbols))

    def put(self, key: str, result) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(to_data(result), fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            return  # a read-only or full disk only costs speed


def _versions() -> tuple:
    """The package and library versions a result depends on, from the installed packages' metadata (importing
    the libraries to ask them would cost as much as a warm run); a library without metadata is imported."""
    from importlib import metadata
    from .. import __version__
    out = [__version__]
    for dist in ("sympy", "z3-solver", "mpmath", "numpy"):
        try:
            out.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            out.append(repr(_imported_versions()))
    return tuple(out)


def _imported_versions() -> tuple:
    from ..numeric.evaluate import mpmath_version
    from ..solver.z3_backend import z3_version
    from ..symbolic.sympy_layer import sympy_version
    import numpy
    return (sympy_version(), z3_version(), mpmath_version(), numpy.__version__)


def _check_one(claim: Claim, options: Any) -> Result:
    """One claim's result, as the serial runner computes it (a module-level function, so executors can ship it)."""
    from ..literature import get_reference
    from .check import check_claim
    from .run import simulation_evidence
    return check_claim(claim, options, references=get_reference, simulate=simulation_evidence)


def run_claims(claims: Iterable[Claim], options: Any, *, executor: Executor | None = None,
               cache: ResultCache | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               check: Callable[[Claim, Any], Result] = _check_one) -> list[tuple[Claim, Result]]:
    """Check ``claims`` (sorted by id), on ``executor`` when given, using ``cache`` when given."""
    ordered = sorted(claims, key=lambda c: c.id)
    results: dict[str, Result] = {}
    keys: dict[str, str] = {}
    todo = []
    for c in ordered:
        if cache is not None:
            keys[c.id] = cache_key(c, options, cache.context)
            hit = cache.get(keys[c.id])
            if hit is not None:
                results[c.id] = hit
                continue
        todo.append(c)
    done = len(results)
    if progress:
        progress(done, len(ordered), "")
    if executor is None:
        for c in todo:
            results[c.id] = check(c, options)
            done += 1
            if progress:
                progress(done, len(ordered), c.id)
    else:
        futures = [(c, executor.submit(check, c, options)) for c in todo]
        for c, fut in futures:  # in id order: progress lines and output order do not depend on timing
            results[c.id] = fut.result()
            done += 1
            if progress:
                progress(done, len(ordered), c.id)
    if cache is not None:
        for c in todo:
            cache.put(keys[c.id], results[c.id])
    return [(c, results[c.id]) for c in ordered]


@dataclasses.dataclass(frozen=True)
class Execution:
    """How to run checks: on which executor (None: in this process) and with which cache (None: off)."""

    executor: Executor | None = None
    cache: ResultCache | None = None


@dataclasses.dataclass(frozen=True)
class _ReadingFindings:
    """What ``check_reading`` found for one reading, without the reading itself (the cached part)."""

    result: Result
    rest: tuple


def reading_key(reading: Any, options: Any, conventions: Any, context: str) -> str:
    used = sorted((cid, repr(conventions.get(cid))) for cid in getattr(reading, "conventions", ()))
    payload = repr((CACHE_FORMAT, reading, reading.claim.definitions, used, options, context))
    base = cache_key(reading.claim, options, context)
    return hashlib.sha256((base + payload).encode("utf-8")).hexdigest()


def run_readings(readings: list, options: Any, conventions: Any, check: Callable,
                 execution: Execution | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 on_result: Callable[[str, Any], None] | None = None) -> dict[str, Any]:
    """``check(reading, options, conventions)`` for every reading (in id order), on the execution's executor and
    through its cache; returns results by reading id. ``on_result(id, result)`` is called as each is known."""
    execution = execution or Execution()
    cache = execution.cache
    out: dict[str, Any] = {}
    keys: dict[str, str] = {}
    todo = []
    for r in readings:
        if cache is not None:
            keys[r.id] = reading_key(r, options, conventions, cache.context)
            hit = cache.get(keys[r.id], _ReadingFindings)
            if hit is not None:
                out[r.id] = _rebuild(r, hit)
                if on_result:
                    on_result(r.id, out[r.id])
                continue
        todo.append(r)
    total, done = len(readings), len(out)
    if progress:
        progress(done, total, "")
    if execution.executor is None:
        pending = ((r, None) for r in todo)
    else:
        _import_engines_before_fork(execution.executor, todo)
        pending = iter([(r, execution.executor.submit(check, r, options, conventions)) for r in todo])
    try:
        for r, fut in pending:  # in id order, so progress lines and output never depend on timing
            out[r.id] = check(r, options, conventions) if fut is None else fut.result()
            done += 1
            if on_result:
                on_result(r.id, out[r.id])
            if progress:
                progress(done, total, r.id)
            if cache is not None:
                cache.put(keys[r.id], _findings(out[r.id]))
    except KeyboardInterrupt:  # Ctrl-C: hand back what is done (the CLI prints it and exits 130)
        raise CheckInterrupted(out, total, len(out)) from None
    return out


def _import_engines_before_fork(executor: Executor, todo: list) -> None:
    """Import the checking engines (SymPy, z3, mpmath, numpy) here before a local process pool forks its workers
    (it forks on the first ``submit``), so that the workers share them instead of each importing them again
    (about 0.6 CPU s each). Only when something is to be checked: a warm run imports none of them."""
    from concurrent.futures import ProcessPoolExecutor
    if todo and isinstance(executor, ProcessPoolExecutor):
        from . import assertions, check, run  # noqa: F401
        from ..numeric import evaluate  # noqa: F401


def _findings(rr: Any) -> _ReadingFindings:
    names = [f.name for f in dataclasses.fields(rr) if f.name not in ("reading", "result")]
    return _ReadingFindings(rr.result, tuple((n, getattr(rr, n)) for n in names))


def _rebuild(reading: Any, f: _ReadingFindings) -> Any:
    return outcome_model.ReadingResult(reading, f.result, **dict(f.rest))


_TYPES["_ReadingFindings"] = _ReadingFindings
_TYPES["SectionCheck"] = SectionCheck  # cached with its core as member ids (``run_sections``)


def run_sections(sections: list[tuple[str, str, list, list]], options: Any, check: Callable,
                 execution: Execution | None = None) -> list:
    """``check(document, section, members, options, left_out)`` (a ``sections.SectionCheck``) for every
    ``(document, section, members, left_out)``, in order, on the execution's executor and through its cache.
    The key holds each member's own key (content, definitions, literature values) and what was left out."""
    execution = execution or Execution()
    cache = execution.cache
    out: list = [None] * len(sections)
    keys: dict[int, str] = {}
    for i, (doc, sec, members, left_out) in enumerate(sections):
        if cache is None:
            continue
        parts = [cache_key(c, options, cache.context) for c in members]
        keys[i] = hashlib.sha256(repr((CACHE_FORMAT, "section", doc, sec, parts, tuple(left_out), options,
                                       cache.context)).encode("utf-8")).hexdigest()
        hit = cache.get(keys[i], SectionCheck)
        by_id = {c.id: c for c in members}
        if hit is not None and all(cid in by_id for cid in hit.core):
            out[i] = dataclasses.replace(hit, core=tuple(by_id[cid] for cid in hit.core))
    todo = [i for i, r in enumerate(out) if r is None]
    if execution.executor is None:
        pending = [(i, None) for i in todo]
    else:
        pending = [(i, execution.executor.submit(check, *sections[i][:3], options, sections[i][3])) for i in todo]
    for i, fut in pending:
        doc, sec, members, left_out = sections[i]
        out[i] = check(doc, sec, members, options, left_out) if fut is None else fut.result()
        if cache is not None:
            cache.put(keys[i], dataclasses.replace(out[i], core=tuple(c.id for c in out[i].core)))
    return out


def make_executor(jobs: int = 1, dask_scheduler: str = "") -> Executor | None:
    """A local process pool for ``jobs > 1``, Dask distributed's executor for a scheduler address, else None."""
    if dask_scheduler:
        try:
            from distributed import Client
        except ImportError:
            from ..errors import UserInputError
            raise UserInputError("--dask-scheduler needs Dask distributed", file="<argv>", key="--dask-scheduler",
                                 hint="pip install 'formal_emergence[dask]'") from None
        return Client(dask_scheduler).get_executor()
    if jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        # fork shares the imported libraries with the workers; spawn would import them again in each.
        ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
    return None


__all__ = ["Execution", "run_readings", "run_sections", "ResultCache", "cache_key", "default_cache_dir", "from_data", "make_executor", "run_claims", "to_data"]
