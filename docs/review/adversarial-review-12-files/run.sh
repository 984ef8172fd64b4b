#!/bin/bash
# run.sh NAME : check files/NAME.toml, print verdict id reason (short)
cd /tmp/adv12
F=/work/team/adv12/files/$1.toml
PYTHONPATH=/work/main nice -n 10 timeout ${T:-300} /work/venv/bin/python -m formal_emergence check $F --format json --no-cache --jobs 1 -o /tmp/adv12/$1.json; echo "rc=$?"
/work/venv/bin/python - "$1" <<'PY'
import json,sys
d=json.load(open(f"/tmp/adv12/{sys.argv[1]}.json"))
recs = d.get("results") or d.get("claims") or d.get("assertions")
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
    print(f"{r['verdict']:10s} {r['id']}: {str(r.get('reason',''))[:int(__import__('os').environ.get('W','400'))]}")
PY
