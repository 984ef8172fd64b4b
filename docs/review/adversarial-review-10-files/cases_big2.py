CASES = [
 dict(id="a", symbols={"n":"posint"}, assume=["n >= 5"], show="2**n > n**2 + 7", truth="fails n=5 (32 > 32)"),
 dict(id="b", symbols={"n":"posint"}, assume=["n >= 6"], show="2**n > n**2 + 28", truth="fails n=6 (64 > 64)"),
 dict(id="c", symbols={"n":"posint"}, assume=["n >= 6"], show="2**n > n**2 + 27", truth="holds"),
 dict(id="d", symbols={"x":"real"}, assume=["x >= 4"], show="2**x > x**2", truth="fails x=4"),
 dict(id="e", symbols={"x":"real"}, assume=["x >= 5"], show="2**x > x**2", truth="holds"),
 dict(id="f", symbols={"n":"posint"}, assume=["n >= 10"], show="2**n > n**3", truth="holds (1024 > 1000)"),
 dict(id="g", symbols={"n":"posint"}, assume=["n >= 9"], show="2**n > n**3", truth="fails n=9 (512 < 729)"),
 dict(id="h", symbols={"n":"posint"}, assume=["n >= 10"], show="2**n > n**3 + 24", truth="fails n=10 (1024 > 1024)"),
 dict(id="i", symbols={"n":"posint"}, assume=["n >= 10"], show="2**n > n**3 + 23", truth="holds (n=11: 2048 > 1354)"),
]
