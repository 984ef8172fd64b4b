RA = 'references = { n = "kaplan2020.b4.size_range" }'
RB = 'references = { n = "hoffmann2022.table2.approach1.a_interval" }'
CASES = [
 dict(id="a", symbols={"n":"posint"}, show="n <= 2", extra=[RA], truth="holds (n in {1,2})"),
 dict(id="b", symbols={"n":"posint"}, show="n == 1", extra=[RA], truth="fails n=2"),
 dict(id="c", symbols={"n":"posint"}, show="n > 100", extra=[RB], truth="range [0.488,0.502] has no posint: vacuous holds (flagged) or error"),
]
