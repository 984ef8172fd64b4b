I = {"n": "integer"}
CASES = [
 dict(id="a", truth="fails at n = 1: floor(-1/2) = -1, -floor(1/2) = 0", symbols=I, show="floor(n*(-1/2)) == -floor(n/2)"),
 dict(id="b", truth="fails at n = 1", symbols=I, show="floor(-n/2) == -floor(n/2)"),
 dict(id="c", truth="fails n=1: floor((1 - n)/(-2)) at n = 0: floor(-1/2) = -1 vs floor((n-1)/2) = -1 equal; n=2: floor(1/2)=0; (n-1)/2 = 1/2 -> 0 . identity: floor((1-n)/(-2)) = floor((n-1)/2): holds", symbols=I, show="floor((1 - n)/(-2)) == floor((n - 1)/2)"),
 dict(id="d", truth="m negative integer: floor(n/m) * m <= n? floor(n/m) <= n/m, times m < 0 flips: floor(n/m)*m >= n. So '<= n' fails at n = 1, m = -2: floor(-1/2) = -1, *(-2) = 2 > 1", symbols={"n": "integer", "m": "integer"}, assume=["m < 0"], show="floor(n/m) * m <= n"),
 dict(id="e", truth="holds: m < 0 => floor(n/m)*m >= n", symbols={"n": "integer", "m": "integer"}, assume=["m < 0"], show="floor(n/m) * m >= n"),
 dict(id="f", truth="fails n = 1: floor(n/(-2)) + floor(n/2) == 0? -1 + 0 = -1", symbols=I, show="floor(n/(-2)) + floor(n/2) == 0"),
 dict(id="g", truth="holds: n - 3*floor(n/3) in {0,1,2}", symbols=I, show="n - 3*floor(n/3) >= 0 and n - 3*floor(n/3) <= 2"),
 dict(id="h", truth="fails: n + 3*floor(n/(-3)) <= 0? n = 1: floor(-1/3) = -1 -> 1 - 3 = -2 <= 0 ok; n = -1: floor(1/3) = 0 -> -1 <= 0 ok; n=2: floor(-2/3) = -1: 2-3 = -1 ok. n + 3 floor(-n/3) = n - 3 ceil(n/3) in {-2,-1,0}: holds", symbols=I, show="n + 3*floor(n/(-3)) <= 0"),
 dict(id="i", truth="fails: n + 3*floor(n/(-3)) >= 0 fails at n = 1 (-2)", symbols=I, show="n + 3*floor(n/(-3)) >= 0"),
 dict(id="j", truth="m integer != 0: n - m*floor(n/m) >= 0 fails for m < 0 (n=1, m=-2: 1 - (-2)(-1) = -1)", symbols={"n": "integer", "m": "integer"}, assume=["m != 0"], show="n - m*floor(n/m) >= 0"),
 dict(id="k", truth="floor(n/(2*m)) with m = -1: n=1: floor(-1/2) = -1; claim floor(n/(2*m)) == floor(n/2) * (-1) fails", symbols={"n": "integer", "m": "integer"}, assume=["m == -1"], show="floor(n/(2*m)) == -floor(n/2)"),
 dict(id="l", truth="fails: floor((n + 1)/(-2)) == -floor((n+1)/2) at n = 0", symbols=I, show="floor((n + 1)/(-2)) == -floor((n + 1)/2)"),
]
