CASES = [
 dict(id='a', truth='limit over binder p is 0: claim x*x >= p: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='limit(p*x + p, p, 0) + x*x >= p'),
 dict(id='b', truth='same with plausible p <= 1/2: condition p<=0 meets range: stays holds-if', symbols={'x':'real','p':'real'}, free=['p'], plausible={'p':{'range':'p <= 1/2','why':'w'}}, show='limit(p*x + p, p, 0) + x*x >= p'),
 dict(id='c', truth='tol binder: limit(tol*x, tol, 1) = x: claim abs(x - 1) <= 1/10 => x <= 1 + tol... with tol default 1/10: x<=1.1: holds', symbols={'x':'real','tol':'positive'}, tolerances={'tol':'approx'}, assume=['abs(x - 1) <= tol'], show='limit(tol*x, tol, 1) <= 1 + tol'),
 dict(id='d', truth='literature symbol as limit binder: a = 0.076 bound; limit(a*x, a, 2) = 2x; claim limit(a*x, a, 2) == 2*x holds', symbols={'x':'real','a':'real'}, references={'a':'kaplan2020.alpha_n'}, show='limit(a*x, a, 2) == 2*x + a - a'),
 dict(id='e', truth='diff binder = free constant: diff(p*x**2, p) = x^2; claim x**2 >= p: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='diff(p*x**2, p) >= p'),
 dict(id='f', truth='pinned a and diff over a: assume a == 2: diff(a**2, a) = 2a = 4', symbols={'a':'real'}, assume=['a == 2'], show='diff(a**2, a) == 4'),
 dict(id='g', truth='pin and limit binder with same name: a == 2: limit(a**2, a, 3) == 9', symbols={'a':'real'}, assume=['a == 2'], show='limit(a**2, a, 3) + a == 11'),
]
