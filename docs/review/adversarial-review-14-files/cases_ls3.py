Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='limit is 0 so == oo is false: statement is p > 1', symbols={'x':'real','p':'real'}, free=['p'], show=f'limit({Z}*x, x, oo) == oo or p > 1'),
 dict(id='b', truth='holds iff p <= 0', symbols={'y':'real','p':'real'}, free=['p'], show='p <= y*y'),
]
