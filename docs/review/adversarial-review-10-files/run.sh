#!/bin/sh
# usage: run.sh FILE [extra args]; prints verdict, id, reason start
cd /work/wt/adv10
f=$1; shift
PYTHONPATH=/work/wt/adv10 nice -n 10 /work/venv/bin/python -m formal_emergence check "$f" --format json --no-cache "$@" > /tmp/adv10-$(basename $f).json; echo "rc=$?"
/work/venv/bin/python - /tmp/adv10-$(basename $f).json <<'PY'
import json,sys
d=json.load(open(sys.argv[1]))
for a in d.get("assertions", d.get("claims", [])):
    print(f"{a.get('verdict'):10} {a.get('id')}: {a.get('reason','')[:400]}")
    if a.get('counterexample'): print("      cex:", json.dumps(a['counterexample'])[:400])
    if a.get('condition'): print("      cond:", json.dumps(a['condition'])[:300])
PY
