"""Run a document's code blocks in a sandbox and hold its prose against what the code does.

Opt-in only (``check --run-snippets``). ``runner`` spawns the sandboxed child
(``_sandbox.py``); see docs/snippets.md for the options and the threat model.
"""
