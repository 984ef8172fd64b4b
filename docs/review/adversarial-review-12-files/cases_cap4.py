DEFS = [
 dict(id="k1", name="P", params=["y"], body="y + x", symbols={"x": "real"}),
 dict(id="k2", name="M", params=["y"], body="y*x", symbols={"x": "real"}),
]
CASES = [
 dict(id="a", truth="limit over bound x of (x_b + x_shared)/x_b = 1 (P's x is the shared symbol, not the limit variable); capture gives 2",
      symbols={"x": "real"}, uses=["k1"], show="limit(P(x)/x, x, oo) == 1"),
 dict(id="b", truth="false under capture-free reading (value 1)", symbols={"x": "real"}, uses=["k1"], show="limit(P(x)/x, x, oo) == 2"),
 dict(id="c", truth="diff over bound x of x_b * x_shared = x_shared; evaluated where? the diff's variable x is the claim's x: d/dx(M(x)) ... M(x) = x*x_shared, but x_shared IS the claim's x (same declared symbol): ambiguous -> the claim's x is one symbol: M(x) = x*x -> 2x",
      symbols={"x": "real"}, uses=["k2"], show="diff(M(x), x) == 2*x"),
 dict(id="d", truth="limit over t: P(t)/t -> 1 (x shared fixed)", symbols={"x": "real", "t": "real"}, uses=["k1"], show="limit(P(t)/t, t, oo) == 1"),
 dict(id="e", truth="limit over bound x, claim declares no x: P(x) inside limit: x_b + x_shared where x_shared comes from P: limit (x_b + x_s)/x_b = 1",
      symbols={"z": "real"}, uses=["k1"], show="limit(P(z)/z, z, oo) == 1"),
]
