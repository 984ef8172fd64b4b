CASES = [
 dict(id='a', truth='a>0: limit 0 -> diff(a*x, a) = x == x: holds for a>0; a<=0 limit infinite (undefined): holds where defined; must not crash', symbols={'x':'real','a':'real','y':'real'}, show='diff(a*x, a) + limit(y*exp(-a*y), y, oo) == x'),
]
