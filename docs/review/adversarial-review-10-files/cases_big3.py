CASES = [
 dict(id="a", symbols={"n":"posint"}, show="2**n != 8192", truth="fails n=13"),
 dict(id="b", symbols={"n":"posint"}, show="2**n != 2**40", truth="fails n=40"),
 dict(id="c", symbols={"n":"posint"}, show="3**n != 3**20", truth="fails n=20"),
 dict(id="d", symbols={"x":"real"}, show="2**x != 8192", truth="fails x=13"),
 dict(id="e", symbols={"n":"posint"}, assume=["n >= 12"], show="2**n > 10*n**3", truth="fails n in 12..19 (2^19=524288 < 685900); true from n=20? 2^20=1048576 > 80000*10? 10*8000=80000: yes true; n=16: 65536 vs 40960 true! recompute"),
 dict(id="f", symbols={"n":"posint"}, assume=["n >= 30"], show="2**n > n**6", truth="fails n=30 (1.07e9 < 7.29e8? 2^30=1.07e9 > 30^6=7.29e8 true); n=29: ...; true? 2^n vs n^6: equal near n=29.9? n=30: true; n=31: 2.1e9 vs 8.87e8 true -> holds"),
 dict(id="g", symbols={"n":"posint"}, assume=["n >= 20"], show="2**n > n**6", truth="fails n=20 (1048576 < 6.4e7)"),
 dict(id="h", symbols={"n":"posint"}, assume=["n >= 25"], show="2**n > n**6", truth="fails n=25 (3.3e7 < 2.4e8)"),
 dict(id="i", symbols={"n":"posint"}, assume=["n >= 29"], show="2**n > n**6", truth="fails n=29 (5.37e8 < 5.95e8)"),
]
