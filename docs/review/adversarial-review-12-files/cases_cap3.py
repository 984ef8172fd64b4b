DEFS = [
 dict(id="g1", name="G1", params=["t"], body="t + 1", symbols={"t": "positive"}),
 dict(id="g2", name="G2", params=["x"], body="x + limit(x*y, y, 0)", symbols={}),
 dict(id="g3", name="G3", params=["y"], body="G2(y) + y", uses=["g2"], symbols={}),
]
CASES = [
 dict(id="a", truth="G1(-5) = -4 (param t; a 'positive' t declared too): == -4 holds (or a located error)", symbols={}, uses=["g1"], show="G1(-5) == -4"),
 dict(id="b", truth="G2(x) = x + 0; G3(y) = G2(y) + y = 2y: G3(3) == 6 holds", symbols={}, uses=["g3", "g2"], show="G3(3) == 6"),
 dict(id="c", truth="G3(y) = 2y: G3(y) == 2*y holds", symbols={"y": "real"}, uses=["g3", "g2"], show="G3(y) == 2*y"),
]
