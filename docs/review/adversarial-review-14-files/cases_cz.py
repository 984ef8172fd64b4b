Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='false for every p (0 >= 1)', symbols={'p':'real'}, free=['p'], show=f'p*{Z} >= 1'),
 dict(id='b', truth='holds iff p >= 0', symbols={'y':'real','p':'real'}, free=['p'], show='p >= -y*y'),
]
