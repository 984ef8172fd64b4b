REF = 'references = { L = "kaplan2020.alpha_n" }'
CASES = [
 dict(id="a", symbols={"L":"positive", "x":"real"}, assume=["x <= L"], show="x <= 1/10", extra=[REF], truth="holds (L = 0.076)"),
 dict(id="b", symbols={"L":"positive", "x":"real"}, assume=["x <= L"], show="x <= 0.07", extra=[REF], truth="fails (x = 0.076)"),
]
