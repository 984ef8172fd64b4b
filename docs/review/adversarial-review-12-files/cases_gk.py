CASES = [
 dict(id="a", section="a", truth="x >= 0: derivative of abs is 1 for x > 0, none at x = 0: no legitimate point refutes p < 1; 'exactly when p <= 0' is wrong (undecided or p <= 1)",
      symbols={"x": "real", "p": "real"}, assume=["x >= 0"], free=["p"], show="diff(abs(x), x) >= p"),
 dict(id="b", section="b", truth="same with ite: derivative 1 for x > 0, none at 0",
      symbols={"x": "real", "p": "real"}, assume=["x >= 0"], free=["p"], show="diff(ite(x <= 0, 0, x), x) > p"),
 dict(id="c", section="c", truth="0 <= x <= 1: derivative of max(x, 1/2): 0 on [0,1/2), 1 on (1/2,1]; none at 1/2. sup 1 -> holds iff p >= 1 (x > 1/2 legit). inf 0",
      symbols={"x": "real", "p": "real"}, assume=["x >= 0", "x <= 1"], free=["p"], show="diff(max(x, 1/2), x) <= p"),
 dict(id="d", section="d", truth="x >= 0: diff(abs(x), x) >= p with no free: p := 1/2 fixed -> undecided (x = 0 no derivative); control",
      symbols={"x": "real"}, assume=["x >= 0"], show="diff(abs(x), x) >= 1/2"),
 dict(id="e", section="e", truth="x > 0 => diff(abs(x - 1), x) ... at x = 1 no derivative; elsewhere -1 (x<1) or 1: inf -1 legit -> p <= -1; sup 1",
      symbols={"x": "real", "p": "real"}, assume=["x > 0"], free=["p"], show="diff(abs(x - 1), x) >= p"),
 dict(id="f", section="f", truth="x >= 1: diff(abs(x - 1), x) = 1 for x > 1; none at 1. 'p <= 0' wrong",
      symbols={"x": "real", "p": "real"}, assume=["x >= 1"], free=["p"], show="diff(abs(x - 1), x) >= p"),
]
