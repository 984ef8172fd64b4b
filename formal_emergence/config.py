"""``[tool.formal-emergence]`` in ``pyproject.toml``: project defaults for the CLI, overridden by its flags.

The nearest ``pyproject.toml`` found walking up from the working directory is
read (no further than a directory holding ``.git``). Allowed keys and what
they default:

=================  =======================================  ====================
key                meaning                                   CLI flag
=================  =======================================  ====================
``paths``          claim files or folders to check           positional paths
``fail-on``        verdicts that make ``check`` exit 1       ``--fail-on``
``dps``            digits of the interval re-checks           ``--dps``
``jobs``           local processes                            ``--jobs``
``output-format``  text, json, github, sarif or junit         ``--output-format``
``baseline``       baseline file to compare with              ``--baseline``
``run-snippets``   run the documents' code in the sandbox     ``--run-snippets``
                   (``true``; also spelled ``run_snippets``)
=================  =======================================  ====================

A mistake is reported as ``pyproject.toml:LINE:COL: tool.formal-emergence.KEY: ...`` (exit 2).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UserInputError

SECTION = "formal-emergence"
OUTPUT_FORMATS = ("text", "json", "github", "sarif", "junit")
_KEYS = {"paths": list, "fail-on": (str, list), "dps": int, "jobs": int, "output-format": str, "baseline": str,
         "run-snippets": bool}
_ALIASES = {"run_snippets": "run-snippets"}
#: The ranges of the integer keys, as the CLI flags check them (cli._options, cli._jobs).
RANGES = {"dps": (30, 1000), "jobs": (1, 64)}


@dataclass(frozen=True)
class ProjectConfig:
    """The values found (only the keys the file sets) and where the file is."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (directory / ".git").exists():
            return None
    return None


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    in_section = False
    for i, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.strip("[] ") == f"tool.{SECTION}"
            continue
        if in_section and pattern.match(line):
            return i
    return 0


def load_project_config(start: Path | None = None) -> ProjectConfig:
    """Read ``[tool.formal-emergence]`` from the nearest pyproject.toml (empty when there is none)."""
    path = find_pyproject(start)
    if path is None:
        return ProjectConfig()
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserInputError(f"cannot read the project configuration: {exc}", file=str(path), key="tool") from None
    section = data.get("tool", {}).get(SECTION)
    if section is None:
        return ProjectConfig(path)
    if not isinstance(section, dict):
        raise UserInputError("expected a table", file=str(path), key=f"tool.{SECTION}")
    values: dict[str, Any] = {}
    for written, value in section.items():
        where = f"{path}:{_line_of(text, written)}:1" if _line_of(text, written) else str(path)
        key = _ALIASES.get(written, written)
        if key not in _KEYS:
            raise UserInputError(f"unknown key {written!r}", file=where, key=f"tool.{SECTION}.{written}",
                                 hint="allowed: " + ", ".join(sorted(_KEYS)))
        if not isinstance(value, _KEYS[key]) or (isinstance(value, bool) and _KEYS[key] is not bool):
            raise UserInputError(f"{written} has the wrong type ({type(value).__name__})", file=where,
                                 key=f"tool.{SECTION}.{written}")
        if key == "output-format" and value not in OUTPUT_FORMATS:
            raise UserInputError(f"unknown output format {value!r}", file=where, key=f"tool.{SECTION}.{key}",
                                 hint="one of " + ", ".join(OUTPUT_FORMATS))
        if key in RANGES and not RANGES[key][0] <= value <= RANGES[key][1]:
            low, high = RANGES[key]
            raise UserInputError(f"{written} = {value}", file=where, key=f"tool.{SECTION}.{written}",
                                 hint=f"between {low} and {high}")
        if key == "paths":
            base = path.parent
            values[key] = [str((base / p)) if not Path(p).is_absolute() else p for p in value]
            continue
        if key == "fail-on" and isinstance(value, list):
            value = ",".join(str(v) for v in value)
        values[key] = value
    return ProjectConfig(path, values)


__all__ = ["OUTPUT_FORMATS", "RANGES", "ProjectConfig", "find_pyproject", "load_project_config"]
