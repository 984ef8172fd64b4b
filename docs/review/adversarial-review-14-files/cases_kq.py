CASES = [
 dict(id='a', truth='p <= -1 or (q >= 0 and p <= 1)', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > q'], show='diff(abs(x), x) >= p'),
 dict(id='b', truth='derivative where exists (x != 0) is 1 for x>q>=0; for q<0 region includes (q,0): -1 -> holds iff p <= -1 or (q >= 0 and p <= 1); with x != 0 assumed', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > q', 'x != 0'], show='diff(abs(x), x) >= p'),
 dict(id='c', truth='kink at x = q: derivative of abs(x - q) is +-1 where x != q: abs(...) >= p iff p <= 1', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], show='abs(diff(abs(x - q), x)) >= p'),
 dict(id='d', truth='x != q: holds iff p <= 1', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x != q'], show='abs(diff(abs(x - q), x)) >= p'),
 dict(id='e', truth='diff(max(x, q), x) : 0 for x<q, 1 for x>q, none at q: >= p iff p <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x != q'], show='diff(max(x, q), x) >= p'),
 dict(id='f', truth='region x > 0 and x < q: derivative of max(x, 1) on (0,q): 0 on (0,1), 1 on (1,q) (no derivative at 1): >= p iff p <= 0 or (q <= 1 ... ) : q<=0 empty (any p); 0<q<=1: 0 >= p; q > 1: p <= 0 => holds iff p <= 0 or q <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > 0', 'x < q', 'x != 1'], show='diff(max(x, 1), x) >= p'),
]
