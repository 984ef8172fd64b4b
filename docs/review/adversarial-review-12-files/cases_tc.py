CASES = [
 dict(id="a", truth="t declared unit, default 3/2 outside: located error expected (adv10 F3 class)", symbols={"t": "unit", "x": "real"}, tolerances={"t": "approx-scale"}, show="t > 1"),
 dict(id="b", truth="order-of-magnitude default sqrt(10): x == 3.16 => x <= t holds (3.16 < 3.1623)", symbols={"t": "positive", "x": "real"}, assume=["x == 3.16"], tolerances={"t": "order-of-magnitude"}, show="x <= t"),
 dict(id="c", truth="t = sqrt(10): t*t == 10 holds", symbols={"t": "positive"}, tolerances={"t": "order-of-magnitude"}, show="t*t == 10"),
 dict(id="d", truth="t = sqrt(10): floor(t) == 3 holds", symbols={"t": "positive"}, tolerances={"t": "order-of-magnitude"}, show="floor(t) == 3"),
 dict(id="e", truth="t = sqrt(10): n integer, n < t => n <= 3 holds", symbols={"t": "positive", "n": "integer"}, assume=["n < t"], tolerances={"t": "order-of-magnitude"}, show="n <= 3"),
]
