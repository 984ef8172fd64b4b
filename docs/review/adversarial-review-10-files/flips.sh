#!/bin/sh
# run each file under several budget settings; write verdict tables to /tmp/adv10-flip-*.txt
cd /work/wt/adv10
for f in "$@"; do
  for opt in "" "--rlimit 1000" "--rlimit 50000" "--rlimit 60000000" "--dps 100" "--dps 1000" "--seed 7"; do
    tag=$(echo "$opt" | tr -d ' -'); [ -z "$tag" ] && tag=default
    PYTHONPATH=$PWD nice -n 10 /work/venv/bin/python -m formal_emergence check $f --format json --no-cache $opt -o /tmp/adv10-flip-$(basename $f .toml)-$tag.json 2>/dev/null
    echo "$f $opt rc=$?"
  done
done
