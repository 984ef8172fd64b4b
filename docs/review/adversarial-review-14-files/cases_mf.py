CASES = [
 dict(id='a', truth='holds iff p <= q', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], show='p <= y*y + q'),
 dict(id='b', truth='holds iff p <= 0', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], show='p <= (y - q)**2'),
 dict(id='c', truth='holds iff p*q <= 0', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], show='p*q <= y*y'),
 dict(id='d', truth='holds iff p <= 0 and q >= -1', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], assume=['y > 0'], show='p <= y + q*y'),
 dict(id='e', truth='holds iff p <= -q**2', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], show='p <= y*y - 2*q*y'),
 dict(id='f', truth='holds iff p <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x != q'], show='p < (x - q)**2'),
 dict(id='g', truth='holds iff p <= q', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['q < x'], show='p < x'),
 dict(id='h', truth='holds iff p <= 1/q', symbols={'y':'real','p':'real','q':'positive'}, free=['p','q'], show='p <= y*y + 1/q'),
 dict(id='i', truth='holds iff p <= exp(q)... inf of exp(y*y + q) = exp(q) attained: p <= exp(q)', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], show='p <= exp(y*y + q)'),
 dict(id='j', truth='inf over y of q*y*y: q >= 0 -> 0 (attained) p <= 0; q < 0 -> -oo fails: holds iff p <= 0 and q >= 0', symbols={'y':'real','p':'real','q':'real'}, free=['p','q'], show='p <= q*y*y'),
 dict(id='k', truth='x in (0,1): sup x*q: q>0 -> q (not attained) ; q <= 0 -> 0 not attained: x*q < p iff p >= max(q, 0)', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['0 < x', 'x < 1'], show='x*q < p'),
 dict(id='l', truth='log(x) + q > p on x >= 1: inf q attained at 1: holds iff p < q', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x >= 1'], show='log(x) + q > p'),
]
