#!/bin/bash
# runold.sh NAME...: re-run adv13 files
for n in "$@"; do
echo "=== $n"
cd /work/main
F=/work/main/docs/review/adversarial-review-13-files/files/$n.toml
PYTHONPATH=/work/main nice -n 10 timeout 300 /work/venv/bin/python -m formal_emergence check $F --format json --no-cache --jobs 1 -o /tmp/adv14/old_$n.json >/dev/null 2>/tmp/adv14/old_$n.err; echo "rc=$?"; tail -c 600 /tmp/adv14/old_$n.err
/work/venv/bin/python - "old_$n" <<'PY'
import json,sys,os
try: d=json.load(open(f"/tmp/adv14/{sys.argv[1]}.json"))
except Exception as e: print("nojson", e); sys.exit()
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
    print(f"{r['verdict']:10s} {r['id']}: {str(r.get('reason',''))[:int(os.environ.get('W','300'))]}")
PY
done
