CASES = [
 dict(id="a", symbols={}, show="exp(pi*sqrt(163)) > 262537412640768744 - 7499/10**16", truth="fails (value N-7.49927e-13 < N-7.499e-13)", why="gap 2.7e-17"),
 dict(id="b", symbols={}, show="exp(pi*sqrt(163)) > 262537412640768744 - 74993/10**17", truth="holds (N-7.49927e-13 > N-7.4993e-13)", why="gap 2.6e-18"),
 dict(id="c", symbols={}, show="exp(pi*sqrt(163)) > 262537412640768744 - 74992/10**17", truth="fails", why="gap 7.4e-18"),
 dict(id="d", symbols={}, show="exp(pi*sqrt(163)) < 262537412640768744 - 74992/10**17", truth="holds", why=""),
 dict(id="e", symbols={}, show="exp(pi*sqrt(163)) < 262537412640768744 - 74993/10**17", truth="fails", why=""),
]
