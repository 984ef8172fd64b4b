Z = '(log(8) - 3*log(2))'
Z7 = '(log(6) - log(2) - log(3))'
CASES = [
 dict(id='a', truth='g = 1: holds iff p < 1', symbols={'x':'real','p':'real'}, free=['p'], show=f'1 - {Z}*x*x > p'),
 dict(id='b', truth='g = 0: holds iff p < 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > 0'], show=f'-{Z}*x > p'),
 dict(id='c', truth='g = 0: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > 0'], show=f'{Z7}*x >= p'),
 dict(id='d', truth='g = x: x > 0: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > 0'], show=f'x + {Z7}*x*x > p'),
 dict(id='e', truth='g = 1 + 0: holds iff p < 1', symbols={'x':'real','p':'real'}, free=['p'], show=f'1 + {Z7}*x*x > p'),
 dict(id='f', truth='holds (0 <= 0)', symbols={'x':'real'}, show=f'{Z7}*x*x <= 0'),
 dict(id='g', truth='holds (0 >= 0)', symbols={'x':'real'}, show=f'{Z7}*x*x >= 0'),
]
