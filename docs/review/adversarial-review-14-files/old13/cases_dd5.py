CASES = [
 dict(id='a', truth='derivative exists for 0 < x < 1/2 only: 2x + x^2 > 0 there, inf 0 not attained: holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['-1/2 < x','x < 1/2'], show='diff(sqrt(x)**4, x) + x*x >= p'),
 dict(id='b', truth='holds iff p <= 0 (2x on (0,1) where derivative exists)', symbols={'x':'real','p':'real'}, free=['p'], assume=['-1 < x','x < 1'], show='diff(sqrt(x)**4, x) >= p'),
 dict(id='c', truth='fails for every p? no: d/dx sqrt(x)**4 = 2x on x>0: 2x >= p - x*x ... holds iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x)**4, x) + x*x*x*x >= p'),
 dict(id='d', truth='sqrt(x)**2 derivative 1 on x > 0: 1 >= p*x for all x > 0 iff p <= 0; lowered: 1 >= p x for all real x iff p == 0', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x)**2, x) >= p*x'),
]
