CASES = [
 dict(id='a', truth='diff(p*x**2, p) = x**2 >= p: holds iff p <= 0; range p > 5: fails (witness p in range)', symbols={'x':'real','p':'real'}, free=['p'], plausible={'p':{'range':'p > 5','why':'w'}}, show='diff(p*x**2, p) >= p'),
 dict(id='b', truth='diff(p*exp(x), p) = exp(x) > p for all x: holds iff p <= 0 (inf 0 not attained); probes likely', symbols={'x':'real','p':'real'}, free=['p'], show='diff(p*exp(x), p) + floor(x)*0 > p'),
 dict(id='c', truth='tolerance inside diff of another var fine; diff(x*p, x) == p holds for all p', symbols={'x':'real','p':'real'}, free=['p'], show='diff(x*p, x) == p'),
 dict(id='d', truth='diff over the free p of abs(p): kink at p=0; claim diff(abs(p), p) > -2 + x*x*0... holds where defined', symbols={'x':'real','p':'real'}, free=['p'], show='diff(abs(p)*x, p) <= abs(x)'),
]
