"""A seeded malformed-input fuzzer: broken TOML structure and types, encodings, expressions, paths and
options, each run through the CLI in-process. Every input must end with exit 0/1 (it happened to be
valid) or exit 2 with exactly one located line ``file: key: column: found (hint)``: never a traceback,
never an internal error (exit 3), never an exception escaping ``cli.run``.

Short profile (normal suite): ``FUZZ_SHORT`` inputs. Long profile (at least 1,000 inputs)::

    FE_FUZZ_LONG=1 PYTHONPATH=$PWD python -m pytest -q -p no:cacheprovider tests/robustness/test_malformed_fuzz.py

``FE_FUZZ_SEED`` changes the seed; a failure message names the seed, the case number and the input.
"""

from __future__ import annotations

import json
import os
import random
import textwrap
from pathlib import Path

import pytest

from tests.conftest import message_lines

LONG = os.environ.get("FE_FUZZ_LONG") == "1"
SEED = int(os.environ.get("FE_FUZZ_SEED", "8"))
FUZZ_SHORT = 40
FUZZ_LONG = 1200

VALID = textwrap.dedent('''\
    [[definition]]
    id = "fz.def"
    name = "Fz"
    params = ["t"]
    body = "t**2 + 1"

    [[claim]]
    id = "fz.claim"
    title = "fuzz base"
    kind = "theorem"
    source = { document = "d.txt", section = "s", quote = "q" }
    symbols = { x = "real", n = { domain = "posint", meaning = "count" } }
    uses = ["fz.def"]
    assume = ["x > 0"]
    show = "Fz(x) > 0"
    reading = "r"
    notes = "n"

    [[quantity]]
    id = "fz.q"
    title = "q"
    [[quantity.statement]]
    document = "a.txt"
    section = "s"
    quote = "q"
    low = "1"
    [[quantity.statement]]
    document = "b.txt"
    section = "s"
    quote = "q"
    high = "2"
    ''')

KEYS = ["id", "title", "kind", "source", "symbols", "uses", "assume", "show", "free", "undefined", "references",
        "reading", "simulate", "notes", "name", "params", "body", "low", "high", "document", "section", "quote",
        "statement", "x", "n", "domain", "meaning", "arity", "missing", "experiment", "evil\u001b[2J", "a b"]
VALUES = ['1', '-1', '0.5', 'nan', 'inf', '-inf', 'true', 'false', '1979-05-27', '07:32:00', '[]', '[1, 2]',
          '[[1], ["a"]]', '{}', '{ a = 1 }', '""', '" "', '"\\u0000"', '"\\u001b[31m"', '"x\\ny"', '"x > 0"',
          '"1e99999999"', '"1e5000 > 0"', '"10**10**10 == 1"', '"((((x"', '"x >"', '"__import__(\'os\')"',
          '"exp(x)"', '"diff(x, x, 11)"', '"limit(x, x, x)"', '"real"', '"nowhere.id"', '"fz.def"', '["fz.def"]',
          '["nope"]', '["x", "x"]', '"' + "9" * 5000 + '"', "9" * 5001, '"中文"', '"\\ud800"', "0x10", "1_000"]
EXPRESSION_TOKENS = ["x", "n", "y", "1", "0", "-1", "1e5000", "10**10**10", "1/3", "+", "-", "*", "/", "**", "(",
                     ")", ",", ">", "<", "==", "and", "or", "not", "exp(", "log(", "sqrt(", "diff(", "limit(",
                     "ite(", "Fz(", "implies(", "oo", "e", "pi", "[", "]", "{", "}", "lambda", "@", "^", "'",
                     "\u3000", "\u202e", "\x1b", "\\", "#", ";", ":=", "if", "..."]
OPTIONS = [("--dps", ["5", "30", "1001", "-1", "abc", "9" * 30]), ("--rlimit", ["0", "999", "20000000", "1e9", "x"]),
           ("--seed", ["-1", "0", str(2**32), str(2**70), "s"]), ("--format", ["text", "json", "xml", ""]),
           ("--fail-on", ["holds", "bogus", ",,", "fails, holds-if"]), ("--claim", ["fz.claim", "nope", "-rf", ""]),
           ("--document", ["", "zzz", "d.txt"]), ("--progress", ["never", "sometimes"])]


def _mutate_toml(rng: random.Random, text: str) -> str:
    lines = text.splitlines()
    kind = rng.randrange(6)
    if kind == 0:  # a key's value replaced by a value of another type
        i = rng.choice([j for j, l in enumerate(lines) if " = " in l])
        key = lines[i].split(" = ", 1)[0]
        lines[i] = f"{key} = {rng.choice(VALUES)}"
    elif kind == 1:  # a line removed (a required key or a table header)
        del lines[rng.randrange(len(lines))]
    elif kind == 2:  # an unknown or duplicate key inserted
        lines.insert(rng.randrange(len(lines) + 1), f'{rng.choice(KEYS)} = {rng.choice(VALUES)}')
    elif kind == 3:  # a table header broken or duplicated
        i = rng.randrange(len(lines))
        lines.insert(i, rng.choice(["[[claim]]", "[claim]", "[[claim]", "[[definition]]", "[quantity]", "[[x]]",
                                    "[claim.symbols]", "[[quantity.statement]]", "= 1", "[a.b.c.d]"]))
    elif kind == 4:  # a random expression
        i = rng.choice([j for j, l in enumerate(lines) if l.startswith(("show", "body", "assume"))])
        expr = " ".join(rng.choice(EXPRESSION_TOKENS) for _ in range(rng.randrange(1, 12)))
        key = lines[i].split(" = ", 1)[0]
        lines[i] = f"{key} = {json.dumps(expr) if key != 'assume' else json.dumps([expr])}"
    else:  # characters cut or inserted anywhere
        i = rng.randrange(len(lines))
        line = lines[i]
        pos = rng.randrange(len(line) + 1)
        lines[i] = line[:pos] + rng.choice(['"', "'", "[", "]", "{", "}", "=", "\\", "\x00", "\x1b", "\u2028",
                                            '"""', "#", "\t", "\r"]) + line[pos + rng.randrange(3):]
    return "\n".join(lines) + "\n"


def _encode(rng: random.Random, text: str) -> bytes:
    kind = rng.randrange(8)
    if kind == 0:
        return b"\xef\xbb\xbf" + text.encode()
    if kind == 1:
        return text.encode("utf-16")
    if kind == 2:
        return text.replace("\n", "\r").encode()
    if kind == 3:
        data = bytearray(text.encode())
        data[rng.randrange(len(data))] = rng.choice([0x00, 0xff, 0xc3, 0x80, 0xe9])
        return bytes(data)
    if kind == 4:
        return text.encode()[: rng.randrange(len(text))]
    return text.encode()


def _case(rng: random.Random, tmp: Path, n: int) -> tuple[list[str], str]:
    """One fuzz input: (argv, a description for the failure message)."""
    kind = rng.randrange(10)
    path = tmp / f"case{n}.toml"
    if kind < 7:  # a broken claim file
        text = VALID
        for _ in range(rng.randrange(1, 4)):
            text = _mutate_toml(rng, text)
        path.write_bytes(_encode(rng, text))
        command = rng.choice(["list", "list", "check", "show"])
        argv = [command] + (["fz.claim"] if command == "show" else []) + [str(path)]
        return argv, f"{argv}\n{text}"
    if kind < 9:  # options
        path.write_text(VALID)
        argv = [rng.choice(["check", "report", "explain"])]
        if argv[0] == "explain":
            argv.append(rng.choice(["fz.claim", "nope", ""]))
        argv.append(str(path))
        for _ in range(rng.randrange(1, 4)):
            opt, values = rng.choice(OPTIONS)
            if argv[0] != "check" and opt not in ("--dps", "--claim", "--document", "--format"):
                continue
            argv += [opt, rng.choice(values)]
        if argv[0] == "report":
            argv += ["-o", str(tmp / f"rep{n}")]
        return argv, str(argv)
    # paths
    special = rng.choice(["missing", "dir", "long", "fifo", "devnull", "output-dir", "output-missing",
                          "output-long", "nonutf8"])
    path.write_text(VALID)
    if special == "missing":
        argv = ["check", str(tmp / "nope" / "x.toml")]
    elif special == "dir":
        argv = ["list", str(tmp / "emptydir")]
        (tmp / "emptydir").mkdir(exist_ok=True)
    elif special == "long":
        argv = ["list", str(tmp / ("a" * rng.randrange(256, 5000)))]
    elif special == "fifo":
        fifo = tmp / f"fifo{n}.toml"
        os.mkfifo(fifo)
        argv = ["check", str(fifo)]
    elif special == "devnull":
        argv = ["check", "/dev/null"]
    elif special == "output-dir":
        argv = ["check", str(path), "-o", str(tmp)]
    elif special == "output-missing":
        argv = ["check", str(path), "-o", str(tmp / "no" / "out.txt")]
    elif special == "output-long":
        argv = ["check", str(path), "-o", str(tmp / ("b" * 300))]
    else:
        argv = ["list", str(tmp) + "/\udcff\udcfe.toml"]
    return argv, str(argv)


def _run_profile(count: int, tmp: Path, cli_run, located) -> dict[int, int]:
    rng = random.Random(SEED)
    codes: dict[int, int] = {}
    for n in range(count):
        argv, what = _case(rng, tmp, n)
        code, out, err = cli_run(argv)
        where = f"seed {SEED}, case {n}: {what[:3000]}\nstderr: {err[:2000]}"
        assert code in (0, 1, 2), where
        assert "Traceback" not in err and "Traceback" not in out, where
        if code == 2:
            lines = message_lines(err)  # the located lines, without carets and the error count
            assert lines and all(located.match(line) for line in lines), where
        codes[code] = codes.get(code, 0) + 1
    return codes


@pytest.mark.skipif(LONG, reason="the long profile runs instead")
def test_malformed_inputs_short_profile(tmp_path, cli_run, located):
    codes = _run_profile(FUZZ_SHORT, tmp_path, cli_run, located)
    assert codes.get(2, 0) >= FUZZ_SHORT // 2, codes  # most mutations must be caught as user errors


@pytest.mark.skipif(not LONG, reason="set FE_FUZZ_LONG=1 for the long profile")
def test_malformed_inputs_long_profile(tmp_path, cli_run, located):
    codes = _run_profile(FUZZ_LONG, tmp_path, cli_run, located)
    print(f"\nmalformed-input fuzz: seed {SEED}, {FUZZ_LONG} inputs, exit codes {dict(sorted(codes.items()))}")
    assert sum(codes.values()) == FUZZ_LONG
