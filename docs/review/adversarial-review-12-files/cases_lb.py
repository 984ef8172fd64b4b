DEFS = [
 dict(id="h1", name="DL", params=["y"], body="diff(y*L*L, L)", symbols={"L": "positive"}),
]
CASES = [
 dict(id="a", truth="DL(1) = 2L; L = 0.076: DL(1) == 0.152 holds (or a located error, never exit 3)", symbols={"L": "positive"}, uses=["h1"], references={"L": "kaplan2020.alpha_n"}, show="DL(1) == 0.152"),
 dict(id="b", truth="tolerance t=1/10 as diff var inside a definition: DL(1)=2L... uses L with tolerance: == 0.2 holds", symbols={"L": "positive"}, uses=["h1"], tolerances={"L": "approx"}, show="DL(1) == 0.2"),
 dict(id="c", truth="free p as diff variable... x > 0 => diff(p*exp(-p), p) < x (adv10 r13.d) holds iff p >= 1", symbols={"x": "real", "p": "real"}, assume=["x > 0"], free=["p"], show="diff(p*exp(-p), p) < x"),
]
