CASES = [
 dict(id="a", section="t", truth="holds-if p >= 9999/10000",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1", "x < 9999/10000"], free=["p"], show="x < p"),
 dict(id="b", section="t", truth="holds-if p <= 99995/100000 (inf of 99995/100000 + y**2 at y = 0)",
      symbols={"y": "real", "p": "real"}, free=["p"], show="p <= 99995/100000 + y*y"),
]
