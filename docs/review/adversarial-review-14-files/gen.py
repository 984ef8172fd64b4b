"""gen.py NAME: reads cases_NAME.py (DEFS, CASES) and writes files/NAME.toml"""
import sys, importlib.util, json
name = sys.argv[1]
spec = importlib.util.spec_from_file_location("c", f"/work/team/adv14/cases_{name}.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
def tv(v):
    if isinstance(v, str):
        return "'" + v + "'" if "'" not in v else json.dumps(v)
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, (int, float)): return str(v)
    if isinstance(v, list): return "[" + ", ".join(tv(x) for x in v) + "]"
    if isinstance(v, dict): return "{ " + ", ".join(f"{k} = {tv(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)
out = []
for d in getattr(m, "DEFS", []):
    out.append("[[definition]]")
    for k, v in d.items():
        out.append(f"{k} = {tv(v)}")
    out.append("")
for c in m.CASES:
    c = dict(c)
    truth = c.pop("truth")
    cid = f"{name}.{c.pop('id')}"
    out.append(f"# truth: {truth}")
    out.append("[[assertion]]")
    out.append(f"id = '{cid}'"); out.append(f"title = '{cid}'")
    out.append(f"kind = {tv(c.pop('kind', 'theorem'))}")
    out.append("source = { document = 'x.txt', section = " + tv(c.pop('section', 's')) + ", quote = 'q' }")
    und = c.pop("undefined", None)
    for k, v in c.items():
        out.append(f"{k} = {tv(v)}")
    if und:
        out.append("[assertion.undefined]")
        for k, v in und.items(): out.append(f"{k} = {tv(v)}")
    out.append("")
open(f"/work/team/adv14/files/{name}.toml", "w").write("\n".join(out))
print(f"files/{name}.toml: {len(m.CASES)} claims")
