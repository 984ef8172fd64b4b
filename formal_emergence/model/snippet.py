"""Snippet sources as pure data: which code block of a document a claim cites, and what to observe.

A ``SnippetUse`` names a fenced code block by its document, section heading and
1-based index within the section, pinned by the SHA-256 of the block's text
(``BlockRef``); optional ``after`` blocks run first in the same namespace (a
reader running the document top to bottom). Each ``Observe`` binds one
declared symbol of the claim to what the code does: a value built from data
(``expr``, never code text) with a ``path`` into it, read as the ``value``,
the exception type it ``raised`` (empty when none), or the ``printed``
output; ``equals`` turns the observation into a truth value. The engine never
runs anything from here: see ``formal_emergence.snippets``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

READS = ("value", "raised", "printed")


@dataclass(frozen=True, slots=True)
class BlockRef:
    """A code block: ``section`` heading as written, ``block`` index (from 1) and the block text's SHA-256."""

    section: str
    block: int
    sha256: str

    @property
    def label(self) -> str:
        return f"§{self.section} block {self.block}"


@dataclass(frozen=True, slots=True)
class Observe:
    """What one symbol stands for: ``expr`` (a data spec, stored as canonical JSON text) read through ``path``."""

    symbol: str
    expr_json: str
    path: tuple[Any, ...] = ()
    read: str = "value"
    equals_json: str = ""
    setup_json: str = ""

    @property
    def expr(self) -> Any:
        return json.loads(self.expr_json)

    @property
    def setup(self) -> tuple[Any, ...]:
        return tuple(json.loads(self.setup_json)) if self.setup_json else ()

    def text(self) -> str:
        """The observation as Python-like text: setup statements, then the observed expression."""
        steps = [f"{s['assign']} = {_render(s['value'])}" if "assign" in s else _render(s) for s in self.setup]
        return "; ".join(steps + [render_call(self.expr, self.path) if self.expr is not None else "printed output"])

    @property
    def equals(self) -> Any:
        return json.loads(self.equals_json) if self.equals_json else None


@dataclass(frozen=True, slots=True)
class SnippetUse:
    """The block a claim cites (with the blocks that run before it) and its observations, in symbol order."""

    document: str
    block: BlockRef
    after: tuple[BlockRef, ...]
    observe: tuple[Observe, ...]

    @property
    def blocks(self) -> tuple[BlockRef, ...]:
        return self.after + (self.block,)


def render_call(expr: Any, path: tuple[Any, ...] = ()) -> str:
    """Python-like text of an observation, for witnesses and reports: ``f(array([1, 2]))['key']``."""
    text = _render(expr)
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif step == "len()":
            text = f"len({text})"
        elif isinstance(step, str) and step.startswith("."):
            text += step
        else:
            text += f"[{step!r}]"
    return text


def _render(spec: Any) -> str:
    if isinstance(spec, list):
        return "[" + ", ".join(_render(x) for x in spec) + "]"
    if isinstance(spec, str):
        return repr(spec)
    if isinstance(spec, bool) or spec is None:
        return repr(spec)
    if isinstance(spec, float) and spec.is_integer() and abs(spec) >= 1e5:
        mantissa, exponent = f"{spec:.15e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"
    if isinstance(spec, (int, float)):
        return repr(spec)
    if not isinstance(spec, dict):
        return repr(spec)
    if "array" in spec:
        return f"np.array({_render(spec['array'])})"
    if "none" in spec:
        return "None"
    if "tuple" in spec:
        return "(" + ", ".join(_render(x) for x in spec["tuple"]) + ("," if len(spec["tuple"]) == 1 else "") + ")"
    if "dict" in spec:
        return "{" + ", ".join(f"{k!r}: {_render(v)}" for k, v in spec["dict"].items()) + "}"
    if "var" in spec:
        return str(spec["var"])
    args = [_render(a) for a in spec.get("args", [])] + [f"{k}={_render(v)}" for k, v in spec.get("kwargs", {}).items()]
    head = f"{_render(spec['on'])}.{spec['method']}" if "method" in spec else str(spec.get("call", "?"))
    return f"{head}({', '.join(args)})"
