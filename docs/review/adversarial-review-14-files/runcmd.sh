#!/bin/bash
# runcmd.sh ARGS...: run formal_emergence ARGS
cd /work/main
echo "### $*"
PYTHONPATH=/work/main nice -n 10 timeout 300 /work/venv/bin/python -m formal_emergence "$@" 2>&1 | cut -c1-600; echo "rc=${PIPESTATUS[0]}"
