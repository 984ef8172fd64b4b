CASES = [
 dict(id='a', truth='limit over binder p of p*y at 1 = y; claim y + x**3 > p? for all x: fails for every p (x -> -oo): fails or undecided', symbols={'x':'real','y':'real','p':'real'}, free=['p'], show='limit(p*y, p, 1) + x**3 > p'),
 dict(id='b', truth='binder p = free p; plausible range', symbols={'x':'real','p':'real'}, free=['p'], plausible={'p':{'range':'p > 5','why':'w'}}, show='limit(p*x, p, 0) + x*x >= p'),
]
