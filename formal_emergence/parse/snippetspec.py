"""The ``snippet`` and ``observe`` keys of a claim (or reading) table, validated into ``SnippetUse``.

```toml
snippet = { section = "3.2 阈值效应的统计检验", block = 1, sha256 = "<64 hex>", after = [ {section, block, sha256} ] }
observe.detected = { call = "statistical_emergence_test", args = [{ array = [7e6, 7e7] }, { array = [0.0, 1.0] }],
                     path = ["emergence_detected"] }
```

Every name in ``call``, ``var`` and ``method`` is a dotted identifier with no
part starting with ``_``; values are data (numbers, strings, booleans, lists
and the tagged tables ``array``, ``none``, ``tuple``, ``dict``, ``var``,
``call``/``args``/``kwargs``, ``on``/``method``). Nothing is evaluated here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import ClaimFileError
from ..model.claim import SymbolDecl
from ..model.snippet import READS, BlockRef, Observe, SnippetUse

_DOTTED = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*\Z")
_HEX = re.compile(r"[0-9a-f]{64}\Z")
_SPEC_KEYS = {"array", "dtype", "none", "tuple", "dict", "var", "call", "args", "kwargs", "on", "method"}
_OBSERVE_KEYS = _SPEC_KEYS - {"array", "dtype", "none", "tuple", "dict"} | {"path", "read", "equals", "setup"}
MAX_SPEC_DEPTH = 12


def _err(file: str, key: str, found: str, hint: str = "") -> ClaimFileError:
    return ClaimFileError(found, file=file, key=key, hint=hint)


def _block_ref(raw: Any, file: str, key: str) -> BlockRef:
    if not isinstance(raw, dict):
        raise _err(file, key, "expected a table {section, block, sha256}")
    extra = set(raw) - {"section", "block", "sha256", "after"}
    if extra:
        raise _err(file, f"{key}.{sorted(extra)[0]}", f"unknown key {sorted(extra)[0]!r}", "section, block, sha256, after")
    section, block, digest = raw.get("section"), raw.get("block"), raw.get("sha256")
    if not isinstance(section, str):
        raise _err(file, f"{key}.section", "missing or not a string", "the section heading as written in the document")
    if not isinstance(block, int) or isinstance(block, bool) or not 1 <= block <= 1000:
        raise _err(file, f"{key}.block", f"block {block!r:.20}", "the 1-based index of the code block in the section")
    if not isinstance(digest, str) or not _HEX.match(digest):
        raise _err(file, f"{key}.sha256", f"not a SHA-256 hex digest: {digest!r:.70}",
                   "run 'formal-emergence snippets DOCUMENT' to list the blocks and their hashes")
    return BlockRef(section, block, digest)


def _spec(v: Any, file: str, key: str, depth: int = 0) -> Any:
    """Validate a value spec; return it unchanged (plain JSON-able data)."""
    if depth > MAX_SPEC_DEPTH:
        raise _err(file, key, "value spec nested too deeply", f"at most {MAX_SPEC_DEPTH} levels")
    if isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return [_spec(x, file, f"{key}[{i}]", depth + 1) for i, x in enumerate(v)]
    if not isinstance(v, dict):
        raise _err(file, key, f"unsupported value of type {type(v).__name__}", "numbers, strings, lists or tables")
    extra = set(v) - _SPEC_KEYS
    if extra:
        raise _err(file, f"{key}.{sorted(extra)[0]}", f"unknown key {sorted(extra)[0]!r}",
                   "one of " + ", ".join(sorted(_SPEC_KEYS)))
    for name in ("var", "call", "method"):
        if name in v and not (isinstance(v[name], str) and _DOTTED.match(v[name])):
            raise _err(file, f"{key}.{name}", f"name {v[name]!r:.60}", "a dotted name; no part may start with _")
    heads = [k for k in ("array", "none", "tuple", "dict", "var", "call", "method") if k in v]
    if len(heads) != 1:
        raise _err(file, key, f"a value spec needs exactly one of array, none, tuple, dict, var, call, method; "
                   f"found {heads or 'none'}")
    if "method" in v and "on" not in v:
        raise _err(file, f"{key}.on", "method without on", "on = the value whose method is called")
    if "dtype" in v and v["dtype"] not in ("float64", "int64", "bool", "object"):
        raise _err(file, f"{key}.dtype", f"dtype {v['dtype']!r:.20}", "float64, int64, bool or object")
    out = dict(v)
    for name in ("array", "tuple", "args"):
        if name in v:
            if not isinstance(v[name], list):
                raise _err(file, f"{key}.{name}", "expected a list")
            out[name] = _spec(v[name], file, f"{key}.{name}", depth + 1)
    for name in ("dict", "kwargs"):
        if name in v:
            if not isinstance(v[name], dict):
                raise _err(file, f"{key}.{name}", "expected a table")
            out[name] = {k: _spec(x, file, f"{key}.{name}.{k}", depth + 1) for k, x in v[name].items()}
    if "on" in v:
        out["on"] = _spec(v["on"], file, f"{key}.on", depth + 1)
    return out


def _path(raw: Any, file: str, key: str) -> tuple[Any, ...]:
    if not isinstance(raw, list):
        raise _err(file, key, "expected a list of keys, indexes, '.attr', '.method()' or 'len()'")
    for i, step in enumerate(raw):
        ok = (isinstance(step, int) and not isinstance(step, bool)) or (isinstance(step, str) and (
            not step.startswith(".") or re.fullmatch(r"\.[A-Za-z][A-Za-z0-9_]*(\(\))?", step)))
        if not ok or step == "":
            raise _err(file, f"{key}[{i}]", f"path step {step!r:.40}", "an index, a key, '.attr', '.method()' or 'len()'")
    return tuple(raw)


def _setup(raw: Any, file: str, key: str) -> list[Any]:
    """Setup steps: value specs run for their effect, or ``{assign = "name", value = spec}``."""
    if not isinstance(raw, list):
        raise _err(file, key, "expected a list of steps")
    out = []
    for i, step in enumerate(raw):
        k = f"{key}[{i}]"
        if isinstance(step, dict) and "assign" in step:
            if set(step) != {"assign", "value"} or not (isinstance(step["assign"], str)
                                                        and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", step["assign"])):
                raise _err(file, k, "an assignment needs exactly assign = \"name\" and value = {...}")
            out.append({"assign": step["assign"], "value": _spec(step["value"], file, f"{k}.value")})
        else:
            out.append(_spec(step, file, k))
    return out


def _canonical(v: Any) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def parse_snippet(table: dict, symbols: tuple[SymbolDecl, ...], document: str, file: str,
                  key: str) -> SnippetUse | None:
    """The ``SnippetUse`` of a claim table, or None when it has no ``snippet`` key."""
    if "snippet" not in table and "observe" not in table:
        return None
    if "snippet" not in table or not table.get("observe"):
        raise _err(file, f"{key}.{'observe' if 'snippet' in table else 'snippet'}", "missing key",
                   "a snippet-backed claim needs both snippet = {...} and observe.<symbol> = {...}")
    block = _block_ref(table["snippet"], file, f"{key}.snippet")
    after_raw = table["snippet"].get("after", [])
    if not isinstance(after_raw, list):
        raise _err(file, f"{key}.snippet.after", "expected a list of {section, block, sha256} tables")
    after = tuple(_block_ref(a, file, f"{key}.snippet.after[{i}]") for i, a in enumerate(after_raw))
    raw = table["observe"]
    if not isinstance(raw, dict):
        raise _err(file, f"{key}.observe", "expected a table symbol = {call, args, path, ...}")
    declared = {s.name: s for s in symbols}
    observe = []
    for name, spec in sorted(raw.items()):
        k = f"{key}.observe.{name}"
        if name not in declared:
            raise _err(file, k, f"{name!r} is not a declared symbol", "declare it under symbols")
        if not isinstance(spec, dict):
            raise _err(file, k, "expected a table {call, args, path, read, equals}")
        extra = set(spec) - _OBSERVE_KEYS
        if extra:
            raise _err(file, f"{k}.{sorted(extra)[0]}", f"unknown key {sorted(extra)[0]!r}",
                       "one of " + ", ".join(sorted(_OBSERVE_KEYS)))
        read = spec.get("read", "value")
        if read not in READS:
            raise _err(file, f"{k}.read", f"read {read!r:.20}", "one of " + ", ".join(READS))
        has_equals = "equals" in spec
        if read != "value" and not has_equals:
            raise _err(file, f"{k}.equals", "missing key", f"read = {read!r} gives text: compare it with equals = \"...\"")
        if has_equals and declared[name].domain != "bool":
            raise _err(file, k, f"{name!r} compares with equals but has domain {declared[name].domain!r}",
                       "declare it as bool")
        expr_spec = {x: spec[x] for x in spec if x in _SPEC_KEYS}
        expr = _spec(expr_spec, file, k) if expr_spec else None
        if expr is None and read != "printed":
            raise _err(file, k, "nothing to observe", "give call, method or var")
        equals = _spec(spec["equals"], file, f"{k}.equals") if has_equals else None
        setup = _setup(spec.get("setup", []), file, f"{k}.setup")
        observe.append(Observe(name, _canonical(expr), _path(spec.get("path", []), file, f"{k}.path"), read,
                               _canonical(equals) if has_equals else "", _canonical(setup) if setup else ""))
    return SnippetUse(document, block, after, tuple(observe))
