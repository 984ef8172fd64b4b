DEFS = [
 dict(id="cp1", name="S1", params=["x"], body="x + t", symbols={"t": "real"}),
 dict(id="cp2", name="S2", params=["t"], body="S1(t*t)", uses=["cp1"], symbols={}),
 dict(id="cp3", name="Pc", params=["N"], body="1 - exp(-(N/N_c)**alpha)", symbols={"N_c": "positive", "alpha": "positive"}),
 dict(id="cp4", name="Q", params=["N_c"], body="Pc(2*N_c)", uses=["cp3"], symbols={}),
]
CASES = [
 dict(id="a", truth="S2(2) = S1(4) = 4 + t: '== 6' is FALSE for t != 2 (t = 0: 4 != 6): wrong holds if holds", symbols={"t": "real"}, uses=["cp2", "cp1"], show="S2(2) == 6"),
 dict(id="b", truth="S2(2) = 4 + t: holds", symbols={"t": "real"}, uses=["cp2", "cp1"], show="S2(2) == 4 + t"),
 dict(id="c", truth="claim does not declare t: S2(2) == 6 : t is S1's shared symbol (real), S2(2) = 4 + t: false at t = 0", symbols={}, uses=["cp2", "cp1"], show="S2(2) == 6"),
 dict(id="d", truth="Q(M) = Pc(2M) = 1 - exp(-(2M/N_c)**alpha): with N_c shared; claim Q(1) == 1 - exp(-2**alpha) is FALSE in general (N_c = 1 only): e.g. N_c = 2, alpha=1: 1 - exp(-1) != 1 - exp(-2)",
      symbols={"N_c": "positive", "alpha": "positive"}, uses=["cp4", "cp3"], show="Q(1) == 1 - exp(-2**alpha)"),
]
