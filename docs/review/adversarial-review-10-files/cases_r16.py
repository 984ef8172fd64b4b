REF = 'references = { L = "kaplan2020.alpha_n" }'
TOL = "tolerances = { L = 'approx' }"
CASES = [
 dict(id="a", symbols={"L":"positive", "y":"real"}, property="increasing", of="y - L*y", variable="y", extra=[REF], truth="holds (0.924 y)"),
 dict(id="b", symbols={"L":"positive", "y":"real"}, property="crossing", of="y - L*y", variable="y", level="0.924", solution="1", extra=[REF], truth="holds"),
 dict(id="c", symbols={"L":"positive", "y":"real"}, property="increasing", of="y - L*y", variable="y", extra=[TOL], truth="holds (0.9 y)"),
 dict(id="d", symbols={"L":"positive", "y":"real"}, property="continuous", of="ite(y < L, 0, 1)", variable="y", assume=["y > 0.08"], extra=[REF], truth="holds (jump at 0.076 outside domain)"),
]
