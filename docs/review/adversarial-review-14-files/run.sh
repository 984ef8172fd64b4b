#!/bin/bash
# run.sh NAME [extra args]: check files/NAME.toml, print verdict id reason
cd /work/main
F=/work/team/adv14/files/$1.toml
shift
PYTHONPATH=/work/main nice -n 10 timeout ${T:-300} /work/venv/bin/python -m formal_emergence check $F --format json --no-cache --jobs 1 -o /tmp/adv14/$(basename $F .toml).json "$@"; echo "rc=$?"
/work/venv/bin/python - "$(basename $F .toml)" <<'PY'
import json,sys,os
d=json.load(open(f"/tmp/adv14/{sys.argv[1]}.json"))
def walk(o):
    if isinstance(o, dict):
        if "verdict" in o and "id" in o: yield o
        for v in o.values(): yield from walk(v)
    elif isinstance(o, list):
        for v in o: yield from walk(v)
seen=set()
for r in walk(d):
    if r["id"] in seen: continue
    seen.add(r["id"])
    print(f"{r['verdict']:10s} {r['id']}: {str(r.get('reason',''))[:int(os.environ.get('W','400'))]}")
for s in d.get("section_checks", []) or []:
    print("SECTION", s.get("status"), str(s.get("reason",""))[:300])
PY
