"""Compare verdicts across /tmp/adv10-flip-<name>-<tag>.json; flag any holds<->fails (or holds-if) change."""
import json, glob, sys, collections
for name in sys.argv[1:]:
    tabs = {}
    for f in sorted(glob.glob(f"/tmp/adv10-flip-{name}-*.json")):
        tag = f.rsplit("-", 1)[1][:-5]
        tabs[tag] = {a["id"]: a["verdict"] for a in json.load(open(f))["assertions"]}
    ids = sorted(set().union(*[t.keys() for t in tabs.values()]))
    for i in ids:
        vs = {t: tabs[t].get(i) for t in tabs}
        s = set(vs.values())
        if len(s) > 1:
            bad = len(s - {"undecided"}) > 1
            print(("BAD " if bad else "ok  ") + i, vs)
