CASES = [
 dict(id="a", section="a", truth="holds iff p >= 9999/10000; plausible p < 1 contains p = 99995/100000 where the claim holds: NOT fails",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1", "x < 9999/10000"], free=["p"],
      plausible={"p": {"range": "p < 1", "why": "test"}}, show="x < p"),
 dict(id="b", section="b", truth="n integer < 1000: holds iff p > 999; plausible p < 1000 contains 999.5: NOT fails",
      symbols={"n": "integer", "p": "real"}, assume=["n < 1000"], free=["p"],
      plausible={"p": {"range": "p < 1000", "why": "test"}}, show="n < p"),
 dict(id="c", section="c", truth="x positive, x > -1/2000 => x > p: holds iff p <= 0 (domain cuts the region); tool may say p <= -1/2000",
      symbols={"x": "positive", "p": "real"}, assume=["x > -1/2000"], free=["p"], show="x > p"),
 dict(id="d", section="d", truth="N posint, N <= 1000 => 1 - 1/N < p: sup at N=1000: 999/1000 attained -> p > 999/1000",
      symbols={"N": "posint", "p": "real"}, assume=["N <= 1000"], free=["p"], show="1 - 1/N < p"),
 dict(id="e", section="e", truth="N posint, N < 5000 => N/5000 < p : sup 4999/5000 attained -> p > 4999/5000",
      symbols={"N": "posint", "p": "real"}, assume=["N < 5000"], free=["p"], show="N/5000 < p"),
]
