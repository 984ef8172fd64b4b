DEFS = [
 dict(id="e1", name="D1", params=["y"], body="diff(y*x**2, x)", symbols={"x": "real"}),
 dict(id="e2", name="D3", params=["x"], body="D1(x)", uses=["e1"], symbols={}),
 dict(id="e3", name="A1", params=["u"], body="u*k", symbols={"k": "real"}),
 dict(id="e4", name="A2", params=["k"], body="A1(k) + k", uses=["e3"], symbols={}),
 dict(id="e5", name="A3", params=["v"], body="A2(v*2)", uses=["e4"], symbols={}),
 dict(id="e6", name="B1", params=["w"], body="w + m", symbols={"m": "real"}),
 dict(id="e7", name="B2", params=["m", "w"], body="B1(w) * m", uses=["e6"], symbols={}),
]
CASES = [
 dict(id="a", truth="D3(3) = D1(3) = diff(3*x^2, x) = 6x (x shared): '== 18' false at x = 0", symbols={"x": "real"}, uses=["e2", "e1"], show="D3(3) == 18"),
 dict(id="b", truth="D3(3) == 6*x holds", symbols={"x": "real"}, uses=["e2", "e1"], show="D3(3) == 6*x"),
 dict(id="c", truth="A2(2) = A1(2) + 2 = 2k + 2: '== 6' false (k = 0)", symbols={"k": "real"}, uses=["e4", "e3"], show="A2(2) == 6"),
 dict(id="d", truth="A3(1) = A2(2) = 2k + 2: '== 6' false at k = 0", symbols={"k": "real"}, uses=["e5", "e4", "e3"], show="A3(1) == 6"),
 dict(id="e", truth="B2(3, 1) = B1(1)*3 = (1 + m)*3: '== 12' false at m = 0", symbols={"m": "real"}, uses=["e7", "e6"], show="B2(3, 1) == 12"),
]
