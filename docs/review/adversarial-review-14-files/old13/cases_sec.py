CASES = [
 dict(id='a', truth='holds iff p >= min(1, q) (q = 0, p = 1/2: every x < 0 < 1/2)', symbols={'x':'real','p':'real','q':'real'},
      assume=['x < 1','x < q'], free=['p','q'], show='x < p'),
 dict(id='b', truth='holds iff p <= 1/2', symbols={'y':'real','p':'real'}, free=['p'], show='p <= 1/2 + y*y'),
]
