"""Soundness regression files, one part of the batch (soundness_batch.py has the checks): 0-baseline,
1-injection, 2-resource, 3-malformed, 5-determinism, the hostile, large and malformed inputs. 2-resource and
5-determinism share two byte-identical files, run once in this part.

test_expectations.py checks that the parts test every file once."""

from __future__ import annotations

from soundness_batch import files_in, part

FILES = files_in(("0-baseline", "1-injection", "2-resource", "3-malformed", "5-determinism"))
outcomes, test_file = part(FILES)
