CASES = [
 dict(id="a", section="a", truth="holds-if p > 999 (n integer < 1000: sup 999 attained)",
      symbols={"n": "integer", "p": "real"}, assume=["n < 1000"], free=["p"], show="n < p"),
 dict(id="b", section="b", truth="holds-if p > 999999",
      symbols={"n": "posint", "p": "real"}, assume=["n < 1000000"], free=["p"], show="n < p"),
 dict(id="c", section="c", truth="holds-if p < -999 (n integer > -1000: inf -999 attained)",
      symbols={"n": "integer", "p": "real"}, assume=["n > -1000"], free=["p"], show="n > p"),
 dict(id="d", section="d", truth="holds-if p > 2*999 - ... : n natural, n < 1000 => 2*n + 1 < p iff p > 1999",
      symbols={"n": "natural", "p": "real"}, assume=["n < 1000"], free=["p"], show="2*n + 1 < p"),
 dict(id="e", section="e", truth="holds-if p >= 0.5?? n posint: 1/n <= 1 ... n posint, n > 0 => 1 - 1/n < p: sup is 1 (not attained) -> p >= 1",
      symbols={"n": "posint", "p": "real"}, assume=["n > 0"], free=["p"], show="1 - 1/n < p"),
 dict(id="f", section="f", truth="n posint, n < 1000 => 1/n > p: inf 1/999 attained -> p < 1/999",
      symbols={"n": "posint", "p": "real"}, assume=["n < 1000"], free=["p"], show="1/n > p"),
]
