DEFS = [
 dict(id="m1", name="D1", params=["y"], body="y + t", symbols={"t": "positive"}),
 dict(id="m2", name="D2", params=["y"], body="y - t", symbols={"t": "negative"}),
]
CASES = [
 dict(id="a", truth="located error expected (t positive in m1, negative in m2); under m1 D1(0) > 0 holds", symbols={}, uses=["m1", "m2"], show="D1(0) > 0"),
 dict(id="b", truth="same, other order", symbols={}, uses=["m2", "m1"], show="D1(0) > 0"),
 dict(id="c", truth="t positive per m1 and negative per m2: contradictory; D1(0) + D2(0) == 0 holds anyway", symbols={}, uses=["m1", "m2"], show="D2(0) > 0"),
]
