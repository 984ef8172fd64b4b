"""The child side of the snippet sandbox: a standalone script, run as ``python -s -P _sandbox.py``.

It imports nothing from formal_emergence (the package need not be importable
in the child). Protocol: one JSON job on stdin; one JSON line per finished
observation on the original stdout, which is moved to a private descriptor
before any document code runs (fd 1 and 2 then point to /dev/null, so C-level
writes cannot corrupt the channel). Nothing is ever pickled.

Job: ``{"blocks": [{"label", "code"}], "observations": [{"id", "blocks", "setup", "expr", "path"}],
"allow": [module prefixes], "tmp": dir, "seed": int}``. For each observation its blocks (indexes
into ``blocks``; all of them when absent) are executed afresh, in order, in one new namespace, then the ``setup`` steps
(value specs, or ``{"assign": name, "value": spec}``) run, ``expr`` is evaluated
and ``path`` applied. Before each observation every random generator the allow-list exposes is seeded from
``seed`` (``seed_generators``). A result line is
``{"id", "stdout", "refused": [...], "value"|"raised"|"block_raised": ...}``.

Layers, in order: the parent's resource limits and network namespace; an
audit hook (``sys.addaudithook``) that refuses sockets, process creation,
signals to other processes, ctypes, writes outside ``tmp`` and reads outside
the Python installation; a guarded ``__import__`` in the snippet's builtins
that admits only allow-listed modules. See docs/snippets.md for what this does
not stop.
"""

import ast
import builtins
import io
import json
import os
import sys

MAX_TEXT = 20_000
MAX_ITEMS = 2_000
MAX_DEPTH = 8

_REFUSED_PREFIXES = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty",
                     "pty.", "ctypes.", "os.kill", "os.killpg", "signal.pthread_kill", "webbrowser.", "urllib.",
                     "http.", "ftplib.", "smtplib.", "telnetlib.", "imaplib.", "poplib.", "nntplib.", "os.system",
                     "os.setuid", "os.setgid", "os.chroot", "sys.remote_exec", "os.startfile", "winreg.",
                     "_winapi.", "os.add_dll_directory", "mmap.", "resource.setrlimit", "os.setsid", "os.setpgid",
                     "sys.settrace", "sys.setprofile")
_PATH_EVENTS = {"os.remove": 0, "os.rename": 0, "os.replace": 0, "os.mkdir": 0, "os.rmdir": 0, "os.chmod": 0,
                "os.chown": 0, "os.symlink": 1, "os.link": 1, "os.truncate": 0, "os.utime": 0, "os.chdir": 0,
                "shutil.rmtree": 0, "shutil.copyfile": 1, "shutil.copytree": 1, "shutil.move": 1,
                "shutil.make_archive": 0, "shutil.unpack_archive": 1}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


class SandboxRefusal(PermissionError):
    """An operation the sandbox does not allow (recorded even if the snippet catches it)."""


class RefusedImport(ImportError):
    """An import outside the allow-list (recorded even if the snippet catches it)."""


def _inside(path, roots):
    return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)


def _real(p):
    try:
        return os.path.realpath(os.fsdecode(p))
    except (TypeError, ValueError):
        return ""


def make_hook(tmp, read_roots, refusals, armed):
    """The audit hook: refuses, records and raises; inert until ``armed[0]`` is set."""
    def refuse(what):
        refusals.append(what)
        raise SandboxRefusal(f"sandbox: {what}")

    def hook(event, args):
        if not armed[0]:
            return
        if event.startswith(_REFUSED_PREFIXES) or event == "os.system":
            armed[0] = False  # the refusal message itself must not re-enter the hook
            try:
                what = {"socket.": "network access", "subprocess.": "starting a process",
                        "os.system": "starting a process", "os.exec": "starting a process",
                        "os.spawn": "starting a process", "os.posix_spawn": "starting a process",
                        "os.fork": "forking a process", "ctypes.": "ctypes (foreign code)"}
                kind = next((v for k, v in what.items() if event.startswith(k)), "a refused operation")
                detail = f"{kind} refused ({event})"
            finally:
                armed[0] = True
            refuse(detail)
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            if isinstance(path, int):
                return
            real = _real(path)
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
                (isinstance(flags, int) and flags & _WRITE_FLAGS)
            if writing and not _inside(real, [tmp]):
                refuse(f"writing outside the temporary directory refused ({real})")
            if not writing and not _inside(real, [tmp, *read_roots]):
                refuse(f"reading outside the Python installation refused ({real})")
        elif event in _PATH_EVENTS:
            for p in args[:_PATH_EVENTS[event] + 1]:
                if isinstance(p, (str, bytes, os.PathLike)) and not _inside(_real(p), [tmp]):
                    refuse(f"{event} outside the temporary directory refused ({_real(p)})")
        elif event in ("os.listdir", "os.scandir", "glob.glob"):
            p = args[0] if args else "."
            if isinstance(p, (str, bytes, os.PathLike)) and not _inside(_real(p or "."), [tmp, *read_roots]):
                refuse(f"listing outside the Python installation refused ({_real(p)})")
    return hook


def allowed_module(name, allow):
    return any(name == a or name.startswith(a + ".") for a in allow)


def make_builtins(allow, refusals):
    real_import = builtins.__import__

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level != 0:
            refusals.append(f"relative import of {name!r} refused")
            raise RefusedImport(f"sandbox: relative imports are not allowed ({name!r})")
        if not allowed_module(name, allow):
            refusals.append(f"import of {name!r} refused (not on the allow-list)")
            raise RefusedImport(f"sandbox: import of {name!r} is not allowed")
        return real_import(name, globals, locals, fromlist, level)

    def refused_input(*_a, **_k):
        refusals.append("input() refused")
        raise SandboxRefusal("sandbox: input() is not available")

    table = dict(vars(builtins))
    table["__import__"] = guarded_import
    table["input"] = refused_input
    for name in ("breakpoint", "help", "copyright", "credits", "license"):
        table.pop(name, None)
    return table


def imported_names(trees):
    """Top-level module names imported anywhere in the parsed blocks."""
    out = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module)
                out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def preload(names, allow):
    """Import the allow-listed modules the blocks name before the hook is armed (their own imports are trusted)."""
    loaded = []
    for name in sorted(names):
        if not allowed_module(name, allow):
            continue
        if name == "matplotlib" or name.startswith("matplotlib."):
            import matplotlib
            matplotlib.use("Agg")
        try:
            __import__(name)
            loaded.append(name)
        except ImportError:
            pass  # a submodule name that is really an attribute (from x import y); or not installed
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].show = lambda *a, **k: None
    return loaded


def encode(v, depth=0):
    """A JSON-safe image of ``v`` (numpy scalars and arrays included), bounded in size."""
    if depth > MAX_DEPTH:
        return {"repr": "...", "type": type(v).__name__}
    np = sys.modules.get("numpy")
    if np is not None:
        if isinstance(v, np.ndarray):
            return {"array": [encode(x, depth + 1) for x in v.tolist()[:MAX_ITEMS]] if v.ndim else encode(v.item()),
                    "shape": list(v.shape), "dtype": str(v.dtype)}
        if isinstance(v, np.generic):
            return encode(v.item(), depth)
    if v is None or isinstance(v, (bool, str)):
        return v[:MAX_TEXT] if isinstance(v, str) else v
    if isinstance(v, int):
        return v if abs(v) < 10**300 else {"repr": repr(v)[:200], "type": "int"}
    if isinstance(v, float):
        return v if v == v and v not in (float("inf"), float("-inf")) else {"float": repr(v)}
    if isinstance(v, (list, tuple)):
        return [encode(x, depth + 1) for x in v[:MAX_ITEMS]]
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v):
            return {"dict": {k: encode(x, depth + 1) for k, x in list(v.items())[:MAX_ITEMS]}}
    return {"repr": repr(v)[:500], "type": type(v).__name__}


def _public(name):
    if not isinstance(name, str) or not name or name.startswith("_"):
        raise ValueError(f"name {name!r} is not a public attribute")
    return name


def resolve(spec, ns):
    """Build a value from a data spec (never from code text): see the module docstring of runner.py."""
    if isinstance(spec, list):
        return [resolve(x, ns) for x in spec]
    if not isinstance(spec, dict):
        return spec
    if "array" in spec:
        import numpy
        return numpy.array(resolve(spec["array"], ns), dtype=spec.get("dtype"))
    if "none" in spec:
        return None
    if "tuple" in spec:
        return tuple(resolve(x, ns) for x in spec["tuple"])
    if "dict" in spec:
        return {k: resolve(x, ns) for k, x in spec["dict"].items()}
    if "var" in spec:
        return lookup(spec["var"], ns)
    args = [resolve(x, ns) for x in spec.get("args", [])]
    kwargs = {k: resolve(x, ns) for k, x in spec.get("kwargs", {}).items()}
    if "method" in spec:
        return getattr(resolve(spec["on"], ns), _public(spec["method"]))(*args, **kwargs)
    return lookup(spec["call"], ns)(*args, **kwargs)


def lookup(dotted, ns):
    first, *rest = dotted.split(".")
    if first not in ns:
        raise NameError(f"name {first!r} is not defined by the snippet")
    v = ns[first]
    for part in rest:
        v = getattr(v, _public(part))
    return v


def follow(v, path):
    for step in path:
        if isinstance(step, int):
            v = v[step]
        elif step == "len()":
            v = len(v)
        elif step.startswith(".") and step.endswith("()"):
            v = getattr(v, _public(step[1:-2]))()
        elif step.startswith("."):
            v = getattr(v, _public(step[1:]))
        else:
            v = v[step]
    return v


def describe(exc):
    return {"type": type(exc).__name__, "message": str(exc)[:500]}


#: Exceptions that mean a resource limit was reached: recorded when raised, even if document code catches them
#: (``try: big = [0]*10**10 except MemoryError: ...`` would make the outcome depend on the machine's memory).
_EXHAUSTION = (MemoryError, RecursionError)
#: Calls within this many frames of the recursion limit count as reaching it.
_RECURSION_MARGIN = 30


def make_exhaustion_tracer(found):
    """A ``sys.settrace`` function recording in ``found[0]`` the first resource exhaustion raised in any frame
    (no line events: only calls and exceptions; nothing is allocated when it records)."""
    depth = [0]
    # A RecursionError is raised at the call that reaches the limit, before any trace function of the new frame
    # runs (calling the tracer itself can be that call), so it is recorded from the depth the calls reached.
    near = sys.getrecursionlimit() - _RECURSION_MARGIN

    def local(frame, event, arg):
        if event == "return":
            depth[0] -= 1
        elif event == "exception" and found[0] is None and issubclass(arg[0], _EXHAUSTION):
            found[0] = "MemoryError" if issubclass(arg[0], MemoryError) else "RecursionError"
        return local

    def start(frame, event, arg):
        frame.f_trace_lines = False
        depth[0] += 1
        if depth[0] >= near and found[0] is None:
            found[0] = "RecursionError"
        return local
    return start


class Seeding:
    """Deterministic randomness (adv13 F5: an unseeded ``random.random()`` gave holds in one run, fails in the next).

    Before each observation: ``random`` is seeded with the job's seed, and every generator later made without a
    seed (``random.Random()``, ``random.seed()``, numpy's ``default_rng()``, ``SeedSequence()``, ``PCG64()``) draws
    its seed from one stream started at that seed instead of the operating system; numpy's legacy global
    generator (``np.random.rand``) is seeded too. ``SystemRandom``, ``os.urandom`` and ``secrets`` still read the
    system: the parent runs every job under two seeds and two hash seeds and trusts only what agrees.
    """

    def __init__(self, seed):
        import random
        self.seed = seed
        self.random = random
        self.stream = random.Random(seed)
        self.numpy = False
        self.drew = False  # the code used a seed the sandbox chose (adversarial review 14 F2)
        self.explicit = set()  # the global generators the code seeded itself ("random", "numpy")
        original = random.Random.seed
        stream = self

        def seed_method(self, a=None, version=2):
            if a is None:
                stream.drew = True
            original(self, stream.stream.getrandbits(128) if a is None else a, version)
        random.Random.seed = seed_method
        module_seed = random.seed  # bound to the module's hidden instance at import, so not the method above

        def seed_global(a=None, version=2):
            if a is None:
                stream.drew = True
                a = stream.stream.getrandbits(128)
            else:
                stream.explicit.add("random")
            module_seed(a, version)
        random.seed = seed_global

    def reset(self):
        self.stream = self.random.Random(self.seed)
        self.drew = False
        self.explicit = set()
        self.random.Random.seed(self.random._inst, self.seed)
        self.global_state = self.random.getstate()
        self.numpy_state = None
        numpy = sys.modules.get("numpy")
        if numpy is not None:
            numpy_random = numpy.random  # loaded on first use in numpy 2: load it here, to seed it
            if not self.numpy:
                # numpy's SeedSequence reads ``randbits`` from its module's globals when given no entropy (the
                # module is not in sys.modules under its own name)
                def randbits(bits):
                    self.drew = True
                    return self.stream.getrandbits(bits)
                numpy_random.bit_generator.randbits = randbits
                legacy_seed = numpy_random.seed

                def seed_numpy(seed=None):
                    if seed is None:
                        self.drew = True
                        seed = self.stream.getrandbits(32)
                    else:
                        self.explicit.add("numpy")
                    legacy_seed(seed)
                numpy_random.seed = seed_numpy
                self.numpy = True
            numpy_random.mtrand._rand.seed(self.seed)
            self.numpy_state = _numpy_state(numpy_random)

    def used_unseeded(self):
        """Whether the observation drew from a generator whose seed the sandbox chose: a generator made without a
        seed, or a global generator (``random``, numpy's legacy one) used without the code seeding it. Two passes
        that agree on such a draw agree by luck (``random.random() < 0.95`` under seeds 0 and 1)."""
        if self.drew:
            return True
        if "random" not in self.explicit and self.random.getstate() != self.global_state:
            return True
        numpy = sys.modules.get("numpy")
        if "numpy" not in self.explicit and numpy is not None and self.numpy_state is not None:
            return _numpy_state(numpy.random) != self.numpy_state
        return False


def _numpy_state(numpy_random):
    kind, keys, pos, has_gauss, gauss = numpy_random.mtrand._rand.get_state()
    return kind, keys.tobytes(), pos, has_gauss, gauss


def run_observation(obs, compiled, table, refusals, armed, seeding):
    out = {"id": obs["id"]}
    seeding.reset()
    found = [None]
    tracer = make_exhaustion_tracer(found)
    buf = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = buf
    ns = {"__name__": "__snippet__", "__builtins__": table}
    del refusals[:]
    sys.settrace(tracer)  # before the hook is armed: document code may not set or clear a tracer itself
    armed[0] = True
    try:
        stage = "block"
        for index in obs.get("blocks", range(len(compiled))):
            label, code = compiled[index]
            stage = label
            if isinstance(code, SyntaxError):
                raise code
            exec(code, ns)
        stage = "observation"
        for step in obs.get("setup", []):
            if "assign" in step:
                ns[_public(step["assign"])] = resolve(step["value"], ns)
            else:
                resolve(step, ns)
        value = follow(resolve(obs["expr"], ns), obs.get("path", [])) if obs.get("expr") is not None else None
        out["value"] = encode(value)
        out["type"] = type(value).__name__
    except BaseException as exc:  # SystemExit and KeyboardInterrupt from document code are results too
        key = "raised" if stage == "observation" else "block_raised"
        out[key] = {**describe(exc), "where": stage}
    finally:
        armed[0] = False
        if sys.gettrace() is not tracer and found[0] is None:
            # Python unsets a tracer that raised; ours only records, so only an exhaustion inside it (a
            # RecursionError at the call that reached the limit, or a MemoryError) can have stopped it.
            found[0] = "MemoryError or RecursionError"
        sys.settrace(None)
        sys.stdout, sys.stderr = saved
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is not None:
            plt.close("all")
    out["stdout"] = buf.getvalue()[:MAX_TEXT]
    out["refused"] = list(dict.fromkeys(refusals))
    if seeding.used_unseeded():
        out["unseeded"] = True
    if found[0] is not None:
        out["exhausted"] = found[0]
    return out


def main():
    job = json.loads(sys.stdin.read())
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    tmp = os.path.realpath(job["tmp"])
    allow = tuple(job["allow"])
    compiled, trees = [], []
    for block in job["blocks"]:
        try:
            tree = ast.parse(block["code"], filename=block["label"])
            trees.append(tree)
            compiled.append((block["label"], compile(tree, block["label"], "exec")))
        except SyntaxError as exc:
            compiled.append((block["label"], exc))
    loaded = preload(imported_names(trees), allow)
    read_roots = sorted({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix,
                                                        *[x for x in sys.path if x]) if p}
                        | {"/usr/share/fonts", "/usr/share/zoneinfo", "/dev/null", "/dev/urandom"})
    refusals, armed = [], [False]
    seeding = Seeding(int(job.get("seed", 0)))
    table = make_builtins(allow, refusals)
    sys.addaudithook(make_hook(tmp, read_roots, refusals, armed))
    channel.write(json.dumps({"ready": True, "preloaded": loaded,
                              "versions": {m: getattr(sys.modules[m], "__version__", "")
                                           for m in ("numpy", "scipy", "sklearn", "matplotlib") if m in sys.modules},
                              "python": sys.version.split()[0], "hash_seed": os.environ.get("PYTHONHASHSEED", ""),
                              "seed": seeding.seed}) + "\n")
    channel.flush()
    for obs in job["observations"]:
        result = run_observation(obs, compiled, table, refusals, armed, seeding)
        channel.write(json.dumps(result, ensure_ascii=False) + "\n")
        channel.flush()


if __name__ == "__main__":
    main()
