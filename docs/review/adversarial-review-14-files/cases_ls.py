Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='limit is 0 != oo: true for every p (holds)', symbols={'x':'real','p':'real'}, free=['p'], show=f'limit({Z}*x, x, oo) != oo or p > 1'),
 dict(id='b', truth='holds iff p <= 0', symbols={'y':'real','p':'real'}, free=['p'], show='p <= -y*y'),
 dict(id='c', truth='limit is 0: statement is p > 1 (limit == oo false): holds iff p > 1', symbols={'x':'real','p':'real'}, free=['p'], show=f'limit({Z}*x, x, oo) == oo or p > 1', section='t'),
 dict(id='d', truth='holds (x > 0 implies x > 0; limit == oo false so implication premise...) : x > 0 => (limit==oo or x > 0) true', symbols={'x':'positive','t':'real'}, assume=[f'not (limit({Z}*t, t, oo) == oo)'], show='x < 0', section='u'),
]
