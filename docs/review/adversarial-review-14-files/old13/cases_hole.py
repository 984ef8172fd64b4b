CASES = [
 dict(id='a', truth='g = (x - sqrt2)^2 where defined (x != sqrt2), inf 0 not attained: g > p holds iff p <= 0 (p = 0 holds)', symbols={'x':'real','p':'real'}, free=['p'], show='(x - sqrt(2))**3/(x - sqrt(2)) > p'),
 dict(id='b', truth='same with a rational hole at 1: g = (x-1)^2, x != 1: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='(x - 1)**3/(x - 1) > p'),
 dict(id='c', truth='g = (x - log(2))^2 hole at log 2: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='(x - log(2))**3/(x - log(2)) > p'),
]
