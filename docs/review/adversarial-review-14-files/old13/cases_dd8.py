CASES = [
 dict(id='a', truth='derivative exists only for x > 0 (sqrt(x) undefined for x < 0): 2x > p for all x > 0 iff p <= 0; p = -1 holds', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > -1','x != 0'], show='diff(sqrt(x)**4, x) > p'),
 dict(id='b', truth='same with x < 1 sup side: 2x < p on (0,1) iff p >= 2 (right either way)', symbols={'x':'real','p':'real'}, free=['p'], assume=['x < 1','x != 0'], show='diff(sqrt(x)**4, x) < p'),
 dict(id='c', truth='no kink: diff(log(x), x) lowered 1/x; region x > -1, x != 0: where derivative exists (x > 0): 1/x > p iff p <= 0; lowered: 1/x on (-1,0) unbounded below: fails for every p (wrong)', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > -1','x != 0'], show='diff(log(x), x) > p'),
]
