"""Claim files (formal_emergence.parse.claimfile): loading, sharing definitions, located errors."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from formal_emergence.errors import ClaimFileError, ExpressionError, UserInputError
from formal_emergence.model.terms import Func, Implies, Num, Pred, Rel, Sym, UFun, walk
from formal_emergence.parse.claimfile import load_catalog

DEFS_AND_CLAIMS = r"""
[[definition]]
id = "square_def"
name = "Sq"
params = ["t"]
body = "t**2"
title = "square"
symbols = { k = "positive" }

[[definition]]
id = "big_def"
name = "Big"
params = ["t"]
body = "Sq(t) > k"
uses = ["square_def"]

[[claim]]
id = "t.one"
title = "first"
kind = "theorem"
source = { document = "doc.txt", section = "S 1", quote = '''\frac{a}{b}''' }
uses = ["big_def"]
symbols = { x = "positive", eps = { domain = "unit", meaning = "a threshold" } }
assume = ["x > 0.5", "Big(x)"]
show = "Sq(x) > eps"
free = ["eps"]
reading = "a reading"
notes = "n"

[[claim]]
id = "t.two"
title = "second"
kind = "proof-step"
source = { document = "doc.txt", section = "S 2", quote = "q" }
symbols = { N = "posint" }
show = "implies(Good(N), Cap(N) > 0)"

[claim.undefined]
Good = { kind = "predicate", arity = 1, missing = "no criterion for good" }
Cap = { kind = "function", arity = 1, missing = "capacity undefined" }
"""


def test_loads_definitions_and_claims(load_claims):
    cat = load_claims(DEFS_AND_CLAIMS)
    assert [c.id for c in cat.claims] == ["t.one", "t.two"]
    assert {"square_def", "big_def"} <= set(cat.definitions)
    one = cat.claim("t.one")
    assert one.kind == "theorem" and one.title == "first"
    assert one.source.quote == r"\frac{a}{b}"  # literal string: backslash kept
    assert one.uses == ("square_def", "big_def")  # dependencies first
    assert one.assume[0] == Rel(">", Sym("x"), Num(Fraction(1, 2)))
    assert one.assume[1] == Pred("Big", (Sym("x"),))
    assert one.show == Rel(">", UFun("Sq", (Sym("x"),)), Sym("eps"))
    assert one.assume_text == ("x > 0.5", "Big(x)") and one.show_text == "Sq(x) > eps"
    assert one.free == ("eps",)
    domains = {s.name: s.domain for s in one.symbols}
    assert domains == {"x": "positive", "eps": "unit", "k": "positive"}  # k shared from the definition
    assert one.symbol("eps").meaning == "a threshold"
    assert [d.id for d in one.definitions] == ["square_def", "big_def"]
    assert cat.definitions["big_def"].is_boolean and not cat.definitions["square_def"].is_boolean
    two = cat.claim("t.two")
    assert two.show == Implies(Pred("Good", (Sym("N"),)), Rel(">", UFun("Cap", (Sym("N"),)), Num(Fraction(0))))
    assert {u.name: (u.kind, u.arity) for u in two.undefined} == {"Good": ("predicate", 1), "Cap": ("function", 1)}


def test_claims_sorted_by_id_and_file_recorded(load_claims, claim_toml):
    text = claim_toml("b.claim", 'show = "1 > 0"') + claim_toml("a.claim", 'show = "2 > 0"')
    cat = load_claims(text, "f.toml")
    assert [c.id for c in cat.claims] == ["a.claim", "b.claim"]
    assert all(c.file.endswith("f.toml") for c in cat.claims)


def test_a_single_string_assume_is_one_hypothesis(load_claims, claim_toml):
    """claim-format.md: ``assume = 'x > 1'`` is the one-element list; a comma inside stays a parse error."""
    one = load_claims(claim_toml("s.one", 'symbols = { x = "real" }\nassume = "x > 1"\nshow = "x > 0"')).claim("s.one")
    listed = load_claims(claim_toml("s.one", 'symbols = { x = "real" }\nassume = ["x > 1"]\nshow = "x > 0"')).claim("s.one")
    assert one.assume == listed.assume == (Rel(">", Sym("x"), Num(Fraction(1))),)
    with pytest.raises(UserInputError):
        load_claims(claim_toml("s.two", 'symbols = { x = "real" }\nassume = "x > 1, x < 2"\nshow = "x > 0"'))


def test_directory_is_scanned_recursively(write_claims, claim_toml, tmp_path):
    write_claims(claim_toml("d.one", 'show = "1 > 0"'), "a/one.toml")
    write_claims(claim_toml("d.two", 'show = "1 > 0"'), "a/b/two.toml")
    write_claims("not toml at all [[[", "a/ignored.txt")
    cat = load_catalog([tmp_path / "a"])
    assert [c.id for c in cat.claims] == ["d.one", "d.two"]


def test_definitions_shared_across_files(write_claims, claim_toml):
    defs = write_claims('''
        [[definition]]
        id = "lin_def"
        name = "Lin"
        params = ["t"]
        body = "2*t + c0"
        symbols = { c0 = "real" }
        ''', "defs.toml")
    claims = write_claims(claim_toml("s.uses", '''
        uses = ["lin_def"]
        symbols = { x = "real" }
        show = "Lin(x) > c0"
        '''), "claims.toml")
    cat = load_catalog([defs, claims])
    claim = cat.claim("s.uses")
    assert claim.uses == ("lin_def",)
    assert "c0" in {s.name for s in claim.symbols}
    # order of files does not matter
    assert load_catalog([claims, defs]).claim("s.uses").show == claim.show


def test_user_claims_can_use_bundled_definitions(load_claims, claim_toml):
    cat = load_claims(claim_toml("u.bundled", '''
        uses = ["phase_transition_P"]
        symbols = { N = "positive" }
        show = "P(N) < 1"
        '''))
    assert [c.id for c in cat.claims] == ["u.bundled"]  # bundled claims are not selected
    assert cat.claim("u.bundled").show == Rel("<", UFun("P", (Sym("N"),)), Num(Fraction(1)))


# --- errors ------------------------------------------------------------------------------------

LOCATED = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?:(?P<key>\S+): )?(?P<found>.+?)(?: \((?P<hint>.+)\))?(?: \[(?P<note>[^\]]+)\])?$")

ERROR_CASES = {
    "unknown_key": (lambda ct: ct("e.k", 'show = "1 > 0"\nshwo = "x"'),
                    ClaimFileError, "claim[0].shwo", 0, "unknown key 'shwo'", "did you mean 'show'?"),
    "unknown_domain": (lambda ct: ct("e.d", 'symbols = { x = "positve" }\nshow = "x > 0"'),
                       ClaimFileError, "claim.e.d.symbols.x", 0, "unknown domain 'positve'",
                       "did you mean 'positive'?"),
    "missing_show": (lambda ct: ct("e.m", 'symbols = { x = "real" }'),
                     ClaimFileError, "claim.e.m.show", 0, "missing key", "add show"),
    "duplicate_id": (lambda ct: ct("e.dup", 'show = "1 > 0"') + ct("e.dup", 'show = "2 > 0"'),
                     ClaimFileError, "claim[1].id", 0, "duplicate claim id 'e.dup'", "already defined in"),
    "unknown_definition": (lambda ct: ct("e.u", 'uses = ["phase_transition_Q"]\nshow = "1 > 0"'),
                           ClaimFileError, "claim.e.u.uses", 0, "unknown definition 'phase_transition_Q'",
                           "did you mean 'phase_transition_P'?"),
    "bad_toml": (lambda ct: '[[claim]\nid = "x"\n', ClaimFileError, None, 8, "TOML syntax error", ""),  # no key: line 1
    "undeclared_in_show": (lambda ct: ct("e.s", 'symbols = { x = "real", lambda_ = "real" }\nshow = "x + lamda > 0"'),
                           ExpressionError, "claim.e.s.show", 5, "unknown name 'lamda'",
                           "did you mean 'lambda_'?"),
    "undeclared_in_body": (lambda ct: '[[definition]]\nid = "dd"\nname = "F"\nparams = ["t"]\nbody = "t + kk"\n',
                           ExpressionError, "definition.dd.body", 5, "unknown name 'kk'", ""),
    "undeclared_in_assume": (lambda ct: ct("e.a", 'symbols = { x = "real" }\nassume = ["x > 0", "x > y"]\n'
                                                  'show = "x > 0"'),
                             ExpressionError, "claim.e.a.assume[1]", 5, "unknown name 'y'", ""),
    "free_not_declared": (lambda ct: ct("e.f", 'symbols = { x = "real" }\nshow = "x > 0"\nfree = ["eps"]'),
                          ClaimFileError, "claim.e.f.free", 0, "free constant 'eps' is not a declared symbol",
                          "declare it"),
    "free_bool": (lambda ct: ct("e.fb", 'symbols = { b = "bool", x = "real" }\nshow = "b or x*x > 0"\nfree = ["b"]'),
                  ClaimFileError, "claim.e.fb.free", 0, "free constant 'b' is declared bool", "a free constant is numeric"),
    "unknown_kind": (lambda ct: ct("e.kind", 'show = "1 > 0"', kind="theorm"),
                     ClaimFileError, "claim.e.kind.kind", 0, "unknown kind 'theorm'", "did you mean 'theorem'?"),
    "show_not_boolean": (lambda ct: ct("e.b", 'symbols = { x = "real" }\nshow = "x + 1"'),
                         ExpressionError, "claim.e.b.show", 1, "expected a statement", ""),
    "unknown_top_level": (lambda ct: 'claims = 3\n', ClaimFileError, "claims", 0, "unknown top-level key", ""),
    "bad_claim_id": (lambda ct: ct("bad id!", 'show = "1 > 0"'), ClaimFileError, "claim[0].id", 0, "claim id", ""),
    "show_not_string": (lambda ct: ct("e.n", 'show = 3'), ClaimFileError, "claim.e.n.show", 0,
                        "expected a string", ""),
    "undefined_bad_kind": (lambda ct: ct("e.uk", 'show = "Q"', undefined='Q = { kind = "predicat", missing = "m" }'),
                           ClaimFileError, "claim.e.uk.undefined.Q.kind", 0, "unknown kind 'predicat'", ""),
    "definition_cycle": (lambda ct: '[[definition]]\nid = "a"\nname = "A"\nbody = "1"\nuses = ["b"]\n'
                                    '[[definition]]\nid = "b"\nname = "B"\nbody = "1"\nuses = ["a"]\n',
                         ClaimFileError, "definition.a.uses", 0, "definition 'a' depends on itself", "remove the cycle"),
    "empty_quote": (lambda ct: ct("e.q", 'show = "1 > 0"').replace('"a verbatim quote"', '"  "'),
                    ClaimFileError, "claim.e.q.source.quote", 0, "empty quote", ""),
}


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_error_is_located(case, write_claims, claim_toml):
    make, exc_type, key, column, found, hint = ERROR_CASES[case]
    path = write_claims(make(claim_toml), f"{case}.toml")
    with pytest.raises(UserInputError) as info:
        load_catalog([path])
    err = info.value
    assert type(err) is exc_type
    text = str(err)
    m = LOCATED.match(text)
    assert m, text
    assert m.group("file") == str(path)
    assert m.group("key") == key
    assert err.column == column  # in the expression; the printed col is the file column
    assert int(m.group("line")) >= 1 and int(m.group("col")) >= 1, text
    assert m.group("found").startswith(found), text
    if hint:
        assert m.group("hint") and m.group("hint").startswith(hint), text
    assert "\n" not in text


def test_missing_path_is_located(tmp_path):
    with pytest.raises(ClaimFileError) as info:
        load_catalog([tmp_path / "nope.toml"])
    assert LOCATED.match(str(info.value))
    assert "no such file" in info.value.found


def test_oversized_file_rejected_without_parsing(write_claims):
    path = write_claims("# " + "a" * 2_100_000 + "\n", "huge.toml")
    with pytest.raises(ClaimFileError) as info:
        load_catalog([path])
    assert info.value.found.startswith("file of")


def test_non_utf8_file(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'# \xe9\xe8\n[[claim]]\n')
    with pytest.raises(ClaimFileError) as info:
        load_catalog([path])
    assert "UTF-8" in info.value.found


# --- the bundled catalog ----------------------------------------------------------------------


def test_bundled_catalog_loads(bundled_catalog):
    claims = bundled_catalog.claims
    assert claims, "the bundled catalog is empty"
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    for c in claims:
        assert c.source.document.strip(), c.id
        assert c.source.section.strip(), c.id
        assert c.source.quote.strip(), c.id
        assert c.title.strip(), c.id
        for d in c.uses:
            assert d in bundled_catalog.definitions, (c.id, d)


def test_bundled_catalog_loading_is_deterministic(bundled_catalog):
    again = load_catalog(None)
    assert again.claims == bundled_catalog.claims


def test_catalog_claim_lookup_did_you_mean(bundled_catalog):
    some = bundled_catalog.claims[0].id
    with pytest.raises(UserInputError) as info:
        bundled_catalog.claim(some + "x")
    assert info.value.hint == f"did you mean {some!r}?"


def test_bundled_phase_transition_definition(bundled_catalog):
    d = bundled_catalog.definitions["phase_transition_P"]
    assert d.params == ("N",)
    assert not d.is_boolean
    assert any(isinstance(n, Func) and n.name == "exp" for n in walk(d.body))  # 1 - exp(...)


def test_duplicate_of_a_bundled_id_is_located_in_the_users_file(load_claims, claim_toml):
    """F25: the user's file is the one to fix, so the error names it, with its key; the hint the bundled file."""
    with pytest.raises(ClaimFileError) as info:
        load_claims(claim_toml("001.critical-point.sufficiency", 'show = "1 > 0"'), name="mine.toml")
    err = info.value
    assert err.file.endswith("mine.toml") and err.key == "claim[0].id", (err.file, err.key)
    assert "core.toml" in err.hint


@pytest.mark.parametrize(("domain", "ok"), [("negative", False), ("natural", False), ("positive", True),
                                            ("unit", True)])
def test_literature_value_outside_the_declared_domain_is_a_located_error(load_claims, claim_toml, domain, ok):
    """kaplan2020.alpha_n is 0.076: bound to a negative or natural symbol, a witness would leave the domain
    (adversarial review 10 F3); a positive or unit symbol takes it."""
    text = claim_toml("r.a", f'symbols = {{ a = "{domain}" }}\nreferences = {{ a = "kaplan2020.alpha_n" }}\n'
                             'show = "a < 1"')
    if ok:
        assert [c.id for c in load_claims(text).claims] == ["r.a"]
        return
    with pytest.raises(UserInputError) as err:
        load_claims(text)
    assert err.value.key.endswith("r.a.references.a")
    assert f"a is declared {domain}, but kaplan2020.alpha_n is 19/250" in str(err.value)


def _definition(did: str, name: str, param: str, body: str) -> str:
    """A ``[[definition]]`` table whose one shared symbol t is positive."""
    return (f'[[definition]]\nid = "{did}"\nname = "{name}"\nparams = ["{param}"]\nbody = "{body}"\n'
            'symbols = { t = "positive" }\n')


@pytest.mark.parametrize("binding", ['references = { t = "kaplan2020.alpha_n" }', 'tolerances = { t = "approx" }'])
@pytest.mark.parametrize("where", ["claim", "definition"])
def test_a_fixed_value_for_a_derivative_variable_is_a_located_error(write_claims, claim_toml, binding, where):
    """A literature value or tolerance bound to the variable of a diff had no form (an internal error, exit 3,
    at load: adversarial review 10 F7); it is a located error at the binding."""
    show = "D(t) == 2 * t" if where == "definition" else "diff(t**2, t) == 2 * t"
    text = _definition("d.sq", "D", "u", "diff(t**2, t) + 0 * u") + claim_toml(
        "r.a", f'symbols = {{ t = "positive" }}\nuses = ["d.sq"]\nshow = "{show}"\n{binding}'
    ).replace("[[claim]]", "[[assertion]]")  # tolerances are a key of assertions
    with pytest.raises(UserInputError) as err:
        load_catalog([write_claims(text)])
    assert "'t' is the variable of a derivative" in str(err.value) and "r.a" in err.value.key


def test_a_claim_redeclaring_a_definitions_shared_symbol_with_another_domain_is_a_located_error(
        write_claims, claim_toml):
    """The claim's domain won silently (adversarial review 10 F10): a fails at t = 0 for a t the definition
    declares positive."""
    text = _definition("d.sh", "SH", "y", "y + t") + claim_toml(
        "r.b", 'symbols = { t = "real", y = "real" }\nuses = ["d.sh"]\nshow = "SH(y) > y"')
    with pytest.raises(UserInputError) as err:
        load_catalog([write_claims(text)])
    assert err.value.key.endswith("symbols.t")
    assert "'real' here and 'positive' in definition 'd.sh'" in str(err.value)


@pytest.mark.parametrize(("body", "key", "message"), [
    ('symbols = { t = "positive", x = "real" }\nfree = ["t"]\ntolerances = { t = "approx" }\nshow = "x * t <= x"',
     "tolerances.t", "'t' is also a free constant"),
    ('symbols = { a = "real", x = "real" }\nfree = ["a"]\nreferences = { a = "kaplan2020.alpha_n" }\n'
     'show = "x**2 >= a"', "references.a", "'a' is also a free constant"),
    ('symbols = { L = "positive" }\nreferences = { L = "kaplan2020.alpha_n" }\ntolerances = { L = "approx" }\n'
     'show = "L < 2/25"', "tolerances.L", "'L' is also bound to a literature value"),  # adversarial review 11 F2
    ('symbols = { p = "real", x = "real" }\nfree = ["p", "p"]\nshow = "x**2 >= p"', "free",
     "free constant 'p' is listed twice"),
    ('symbols = { p = "real", x = "real" }\nplausible = { p = { range = "p > 0" } }\nshow = "x**2 >= p"',
     "plausible.p", "'p' is not a free constant"),
])
def test_bindings_that_contradict_each_other_are_located_errors(write_claims, claim_toml, body, key, message):
    """Adversarial review 10 F4, F8: each was accepted and one side silently ignored (a reference replaced a free
    constant and the reason then said 'fails for every value of a')."""
    text = claim_toml("r.c", body).replace("[[claim]]", "[[assertion]]")
    with pytest.raises(UserInputError) as err:
        load_catalog([write_claims(text)])
    assert err.value.key == f"assertion.r.c.{key}" and message in str(err.value)
