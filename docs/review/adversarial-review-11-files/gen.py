"""gen.py NAME: reads cases_NAME.py (list CASES of dicts) and writes files/NAME.toml"""
import sys, json
name = sys.argv[1]
ns = {}
exec(open(f"cases_{name}.py").read(), ns)   # my own case file, not project input
cases = ns["CASES"]
pre = ns.get("PRE", "")
out = [f"# adv11 {name}: truths in comments above each claim", pre]
def q(s):
    return "'''" + s + "'''" if "'" in s else "'" + s + "'"
for c in cases:
    cid = f"{name}.{c['id']}"
    out.append(f"# truth: {c['truth']}")
    out.append("[[assertion]]")
    out.append(f"id = '{cid}'")
    out.append(f"title = '{cid}'")
    out.append(f"kind = '{c.get('kind','theorem')}'")
    out.append("source = { document = 'x.txt', section = '" + c.get('section', 's') + "', quote = 'q' }")
    if 'symbols' in c:
        out.append("symbols = { " + ", ".join(f"{k} = '{v}'" for k, v in c['symbols'].items()) + " }")
    for key in ('assume', 'free', 'uses', 'conventions'):
        if key in c:
            out.append(f"{key} = [" + ", ".join(q(a) for a in c[key]) + "]")
    for key in ('show', 'property', 'of', 'variable', 'level', 'solution'):
        if key in c:
            out.append(f"{key} = {q(c[key])}")
    for key in ('references', 'tolerances'):
        if key in c:
            out.append(f"{key} = " + "{ " + ", ".join(f"{k} = '{v}'" for k, v in c[key].items()) + " }")
    if 'raw' in c:
        out.append(c['raw'])
    if 'undefined' in c:
        out.append("[assertion.undefined]")
        for k, v in c['undefined'].items():
            out.append(f"{k} = {v}")
    out.append("")
open(f"files/{name}.toml", "w").write("\n".join(out))
print(f"files/{name}.toml: {len(cases)} claims")
