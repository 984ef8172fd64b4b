"""Generate a claim file from a compact list. Usage: python gen.py name  (reads CASES from cases_<name>.py)"""
import sys, importlib.util
name = sys.argv[1]
spec = importlib.util.spec_from_file_location("c", f"cases_{name}.py"); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
out = [f"# truth: " + "; ".join(f"{c['id']}={c['truth']}" for c in m.CASES)]
def q(s): return "'" + s + "'"
for c in m.CASES:
    out.append(f"\n# {c['id']}: truth {c['truth']} -- {c.get('why','')}")
    out.append("[[assertion]]")
    out.append(f'id = "{name}.{c["id"]}"')
    out.append(f'title = "{name}.{c["id"]}"')
    out.append(f'kind = "{c.get("kind","theorem")}"')
    out.append('source = { document = "x.txt", section = "s", quote = "q" }')
    syms = ", ".join(f"{k} = {q(v)}" for k, v in c["symbols"].items())
    out.append(f"symbols = {{ {syms} }}")
    if c.get("assume"): out.append("assume = [" + ", ".join(q(a) for a in c["assume"]) + "]")
    if c.get("free"): out.append("free = [" + ", ".join(f'"{a}"' for a in c["free"]) + "]")
    for k in ("uses",):
        if c.get(k): out.append(f"{k} = [" + ", ".join(f'"{a}"' for a in c[k]) + "]")
    for k in ("property", "of", "variable", "level", "solution"):
        if c.get(k): out.append(f"{k} = {q(c[k])}")
    if "show" in c: out.append(f"show = {q(c['show'])}")
    for extra in c.get("extra", []): out.append(extra)
head = getattr(m, "HEAD", "")
open(f"{name}.toml", "w").write(head + "\n".join(out) + "\n")
