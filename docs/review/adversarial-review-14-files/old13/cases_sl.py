CASES = [
 dict(id='a', truth='for a in (0,1]: limit = 0, a > p; at a = 0: limit(x/x) = 1 > p: holds iff p <= 0', symbols={'x':'real','a':'real','p':'real'}, assume=['0 <= a','a <= 1'], free=['p'], show='limit(x/(x + a), x, 0) + a > p'),
 dict(id='b', truth='holds iff p >= 0', symbols={'y':'real','p':'real'}, free=['p'], show='p >= -y*y'),
]
