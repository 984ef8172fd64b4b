#!/bin/sh
# determinism: same file, jobs 1 vs 2, cache off vs on (fresh cache dir, then warm)
cd /work/wt/adv10
f=$1; n=$(basename $f .toml)
export PYTHONPATH=$PWD
nice -n 10 /work/venv/bin/python -m formal_emergence check $f --format json --no-cache --jobs 1 -o /tmp/adv10-det-$n-j1.json
nice -n 10 /work/venv/bin/python -m formal_emergence check $f --format json --no-cache --jobs 2 -o /tmp/adv10-det-$n-j2.json
rm -rf /tmp/adv10-cache; export XDG_CACHE_HOME=/tmp/adv10-cache
nice -n 10 /work/venv/bin/python -m formal_emergence check $f --format json --jobs 1 -o /tmp/adv10-det-$n-cold.json
nice -n 10 /work/venv/bin/python -m formal_emergence check $f --format json --jobs 1 -o /tmp/adv10-det-$n-warm.json
nice -n 10 /work/venv/bin/python -m formal_emergence check $f --jobs 1 > /tmp/adv10-det-$n-warm.txt
unset XDG_CACHE_HOME
nice -n 10 /work/venv/bin/python -m formal_emergence check $f --no-cache --jobs 1 > /tmp/adv10-det-$n-nocache.txt
for t in j2 cold warm; do cmp /tmp/adv10-det-$n-j1.json /tmp/adv10-det-$n-$t.json && echo "$n j1 == $t"; done
cmp /tmp/adv10-det-$n-warm.txt /tmp/adv10-det-$n-nocache.txt && echo "$n text warm == nocache"
