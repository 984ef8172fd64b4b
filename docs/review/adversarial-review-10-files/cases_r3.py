CASES = [
 dict(id="a", symbols={"a":"negative"}, assume=["a == 0.076"], show="a < 0", truth="vacuous holds (pin outside domain) per claim-format.md step 1"),
 dict(id="b", symbols={"a":"natural"}, assume=["a == 0.076"], show="floor(a) == a", truth="vacuous holds"),
]
