DEFS = [
 dict(id="n1", name="D1", params=["y"], body="y + t", symbols={"t": "positive"}),
 dict(id="n3", name="D3", params=["y"], body="D1(y) - 2*t", uses=["n1"], symbols={"t": "negative"}),
]
CASES = [
 dict(id="a", truth="located error expected; D3(0) = t - 2t = -t: > 0 holds if t negative, fails if positive", symbols={}, uses=["n3"], show="D3(0) > 0"),
]
