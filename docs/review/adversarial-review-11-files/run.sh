#!/bin/bash
# run.sh FILE [extra args]: verdict, id, reason (first 300 chars), counterexample
f=$1; shift
cd /work/team/adv11/src
out=/tmp/adv11-$(basename $f .toml).json
PYTHONPATH=$PWD timeout 600 nice -n 10 /work/venv/bin/python -m formal_emergence check /work/team/adv11/$f --format json -o $out --no-cache --jobs 1 "$@" > /tmp/adv11-stdout.txt 2>/tmp/adv11-stderr.txt
echo "exit $?"; head -c 2000 /tmp/adv11-stderr.txt
/work/venv/bin/python - $out <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def walk(x):
    if isinstance(x, dict):
        if 'verdict' in x and 'id' in x and 'reason' in x:
            yield x
        for v in x.values(): yield from walk(v)
    elif isinstance(x, list):
        for v in x: yield from walk(v)
seen=set()
for r in walk(d):
    if r['id'] in seen: continue
    seen.add(r['id'])
    ce = r.get('counterexample')
    print(f"{r['verdict']:10s} {r['id']}: {r['reason'][:400]}" + (f"\n           CE={ce}" if ce else ""))
PY
