CASES = [
 dict(id='a', truth='p <= max(0, -2q)', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > 0', 'x != q'], show='diff(sqrt(x - q)**4, x) >= p'),
 dict(id='b', truth='p >= 0 or q <= 0 (vacuous for q <= 0)', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > 0', 'x != q'], show='diff(sqrt(q - x)**4, x) <= p'),
 dict(id='c', truth='domain x > q (log); derivative 1/(x - q) > 0 unbounded: >= p iff p <= 0 (x>q large) ; region x > 0: for q >= 0 derivative on (q, oo): inf 0: p <= 0; q < 0: on (0,oo) inf 0: p <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > 0'], show='diff(log(x - q), x) >= p'),
 dict(id='d', truth='on x>0: diff(log(x - q)) <= p: q >= 0: 1/(x-q) unbounded near q: fails; q < 0: sup 1/(0 - q) = -1/q not attained: p >= -1/q => holds iff q < 0 and p*q <= -1 (p >= -1/q)', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > 0'], show='diff(log(x - q), x) <= p'),
 dict(id='e', truth='x != 0: derivative of sqrt(x)**2*q = q on x > 0: q >= p', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x != 0'], show='diff(q*sqrt(x)**2, x) >= p'),
]
