CASES = [
 dict(id="a", symbols={"a":"negative"}, show="a < 0", extra=['references = { a = "kaplan2020.alpha_n" }'], truth="domain says a < 0, reference says 0.076: contradiction -> vacuous/error; fails with witness a=0.076 violates the declared domain"),
 dict(id="b", symbols={"a":"natural"}, show="floor(a) == a", extra=['references = { a = "kaplan2020.alpha_n" }'], truth="as declared (natural) holds; as bound (0.076) fails; contradiction -> should be flagged"),
 dict(id="c", symbols={"a":"unit"}, show="a < 1", extra=['references = { a = "kaplan2020.b4.size_range" }'], truth="reference range [0.6, 2.2] but domain unit: a in [0.6,1): holds"),
 dict(id="d", symbols={"a":"real"}, assume=["a > 1"], show="a > 2", extra=['references = { a = "kaplan2020.b4.size_range" }'], truth="range [0.6,2.2] with a>1: fails at a = 3/2"),
]
