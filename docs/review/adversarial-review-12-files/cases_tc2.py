CASES = [
 dict(id="a", truth="t declared unit (0 < t < 1); approx-scale default 3/2 lies outside: 't > 1' is false for every unit t; tool should give a located error (as for references)", symbols={"t": "unit"}, tolerances={"t": "approx-scale"}, show="t > 1"),
 dict(id="b", truth="t declared negative; approx default 1/10 outside: 't < 0' true for every negative t", symbols={"t": "negative"}, tolerances={"t": "approx"}, show="t < 0"),
 dict(id="c", truth="t declared natural; approx default 1/10 outside: 'floor(t) == t' true for every natural t", symbols={"t": "natural"}, tolerances={"t": "approx"}, show="floor(t) == t"),
 dict(id="d", truth="t declared unit; steep default 10 outside: 't*t < t' true for every unit t", symbols={"t": "unit"}, tolerances={"t": "steep"}, show="t*t < t"),
]
