"""Baselines: accept the known verdicts of a catalog and fail only when one changes.

``write_baseline`` stores every assertion's verdict (never lemmas); ``compare``
lists what differs from a stored baseline: changed verdicts, assertions that
are new and assertions that are gone. An author accepts known ``fails`` this
way without writing any verdict into a claim file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..errors import UserInputError
from ..model.outcome import CheckedCatalog

FORMAT = "formal_emergence.baseline/1"


@dataclass(frozen=True)
class Change:
    id: str
    before: str   # "" for a new assertion
    after: str    # "" for one that is gone

    def text(self) -> str:
        if not self.before:
            return f"{self.id}: new assertion, {self.after}"
        if not self.after:
            return f"{self.id}: gone (was {self.before})"
        return f"{self.id}: {self.before} -> {self.after}"


def baseline_document(checked: CheckedCatalog) -> dict[str, Any]:
    return {"format": FORMAT, "assertions": {a.id: a.verdict.value for a in sorted(checked.assertions,
                                                                                  key=lambda a: a.id)}}


def write_baseline(checked: CheckedCatalog, path: str) -> None:
    text = json.dumps(baseline_document(checked), ensure_ascii=False, indent=2) + "\n"
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise UserInputError(f"cannot write the baseline: {exc.strerror}", file=path, key="--write-baseline",
                             hint="choose a writable path") from None


def read_baseline(path: str) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise UserInputError(f"cannot read the baseline: {exc.strerror}", file=path, key="--baseline",
                             hint="write one with --write-baseline FILE") from None
    except ValueError as exc:
        raise UserInputError(f"not a JSON baseline: {exc}", file=path, key="--baseline",
                             hint="write one with --write-baseline FILE") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("assertions"), dict):
        raise UserInputError("not a formal-emergence baseline", file=path, key="--baseline",
                             hint=f"expected {{\"format\": \"{FORMAT}\", \"assertions\": {{...}}}}")
    return {str(k): str(v) for k, v in data["assertions"].items()}


def compare(checked: CheckedCatalog, baseline: dict[str, str], *, selected_only: bool = True) -> list[Change]:
    """What changed against ``baseline``; with ``selected_only`` (a run on part of the catalog) assertions
    outside the run are not reported as gone."""
    now = {a.id: a.verdict.value for a in checked.assertions}
    changes = [Change(i, baseline.get(i, ""), v) for i, v in sorted(now.items()) if baseline.get(i) != v]
    if not selected_only:
        changes += [Change(i, v, "") for i, v in sorted(baseline.items()) if i not in now]
    return sorted(changes, key=lambda c: c.id)


__all__ = ["Change", "baseline_document", "compare", "read_baseline", "write_baseline", "FORMAT"]
