"""``load_catalog`` of user files registers the bundled assertions', readings' and lemmas' ids without building
them (a bundled assertion is built only when a user lemma bears on it): the catalog and every error must be
those of the full build (``build_bundled=True``), which builds every bundled unit."""

from __future__ import annotations

import pytest

from formal_emergence.errors import UserInputError, UserInputErrors
from formal_emergence.parse import assertions as assertion_tables
from formal_emergence.parse.claimfile import Catalog, load_catalog

SRC = 'source = { document = "user_doc.txt", section = "S 1", quote = "a user quote" }'


def _outcome(paths, **kw) -> Catalog | list[tuple]:
    """The catalog, or every error of the load as (type, formatted message, file, key, hint, line, column)."""
    try:
        return load_catalog(paths, **kw)
    except UserInputError as exc:
        errors = exc.errors if isinstance(exc, UserInputErrors) else [exc]
        return [(type(e).__name__, e.format(), e.file, e.key, e.hint, e.line, e.col) for e in errors]


def _same_as_full(paths) -> Catalog | list[tuple]:
    deferred, full = _outcome(paths), _outcome(paths, build_bundled=True)
    assert deferred == full
    return deferred


def _assertion(aid: str, *, alternative: str = "", show: str = "x**2 >= 0") -> str:
    text = (f'[[assertion]]\nid = "{aid}"\ntitle = "user assertion"\nkind = "theorem"\n{SRC}\n'
            f'symbols = {{ x = "real" }}\nshow = "{show}"\n')
    if alternative:
        text += f'[[assertion.alternative]]\nid = "{alternative}"\nsymbols = {{ x = "real" }}\nshow = "{show}"\n'
    return text


def _claim(cid: str) -> str:
    return f'[[claim]]\nid = "{cid}"\ntitle = "user claim"\nkind = "theorem"\n{SRC}\nshow = "1 > 0"\n'


def _lemma(lid: str, bears_on: str, *, source: bool = False) -> str:
    return (f'[[lemma]]\nid = "{lid}"\nbears_on = "{bears_on}"\neffect = "supports"\n' + (f"{SRC}\n" if source else "")
            + 'symbols = { y = "real" }\nshow = "y**2 + 1 > 0"\n')


@pytest.fixture(scope="module")
def bundled():
    """A bundled assertion with an alternative reading, a bundled lemma and a bundled numeric definition."""
    cat = load_catalog(None)
    with_alternative = next(a for a in cat.assertions if len(a.readings) > 1)
    numeric = next(d for d in cat.definitions.values() if d.params and not d.is_boolean)
    return cat, with_alternative, cat.lemmas[0], numeric


def _errors_at(outcome, path) -> list[tuple]:
    assert isinstance(outcome, list), "expected errors"
    return [e for e in outcome if e[2] == str(path)]


def test_duplicate_of_a_bundled_assertion_id(write_claims, bundled):
    _, a, _, _ = bundled
    path = write_claims(_assertion(a.id) + _assertion("user.fine"))
    (err,) = _errors_at(_same_as_full([path]), path)
    assert f"duplicate claim id {a.id!r}" in err[1] and err[3] == "assertion[0].id" and a.file in err[4]


def test_duplicate_of_a_bundled_alternative_reading(write_claims, bundled):
    """Ids have no '/', so a user reaches ``a/local`` only as an alternative of an assertion ``a``: the
    duplicate is reported at the primary, the first of the readings registered."""
    _, a, _, _ = bundled
    local = a.readings[1].local_id
    path = write_claims(_assertion(a.id, alternative=local))
    (err,) = _errors_at(_same_as_full([path]), path)
    assert f"duplicate claim id {a.id!r}" in err[1] and err[3] == "assertion[0].id"


def test_legacy_claim_registered_before_a_bundled_assertion_of_the_same_id(write_claims, bundled):
    """Legacy [[claim]] ids are registered before every [[assertion]]: the bundled one is the duplicate, and
    the error still names the user's file (F25), with the bundled file as the hint."""
    _, a, _, _ = bundled
    path = write_claims(_claim(a.id))
    (err,) = _same_as_full([path])
    assert err[2] == str(path) and err[3] == "claim[0].id" and a.file in err[4]


def test_duplicate_of_a_bundled_lemma_id(write_claims, bundled):
    _, a, lemma, _ = bundled
    path = write_claims(_assertion("user.target") + _lemma(lemma.id, "user.target"))
    (err,) = _same_as_full([path])
    assert err[2] == str(path) and err[3] == "lemma[0].id" and lemma.file in err[4]
    path = write_claims(_assertion(lemma.id), "assertion_named_as_lemma.toml")  # registered before every lemma
    (err,) = _same_as_full([path])
    assert err[2] == str(path) and err[3] == "assertion[0].id" and lemma.file in err[4]


def test_user_lemma_supporting_a_bundled_assertion(write_claims, bundled):
    _, a, _, _ = bundled
    path = write_claims(_lemma("user.lemma", a.id) + _lemma("user.lemma.sourced", a.id, source=True))
    cat = _same_as_full([path])
    assert isinstance(cat, Catalog) and [x.id for x in cat.lemmas] == ["user.lemma", "user.lemma.sourced"]
    assert cat.lemmas[0].reading.claim.source == a.source and cat.lemmas[1].reading.claim.source != a.source
    assert cat.assertions == () and [c.id for c in cat.claims] == ["user.lemma", "user.lemma.sourced"]


def test_user_lemma_on_a_misspelled_bundled_assertion(write_claims, bundled):
    """The hint's close match is found among the bundled ids that were registered but not built."""
    _, a, _, _ = bundled
    path = write_claims(_lemma("user.lemma", a.id[:-1]))
    (err,) = _same_as_full([path])
    assert err[3] == "lemma.user.lemma.bears_on" and "unknown assertion" in err[1] and repr(a.id) in err[4]


def test_user_claim_using_a_bundled_definition(write_claims, bundled):
    cat0, _, _, d = bundled
    call = f"{d.name}({', '.join(['u_user'] * len(d.params))})"
    text = (_assertion("user.uses", show=f"{call} == {call}").replace('symbols = { x = "real" }\n', "", 1)
            .replace("[[assertion]]\n", "[[assertion]]\n" + f'uses = ["{d.id}"]\nsymbols = {{ u_user = "positive" }}\n'))
    path = write_claims(text)
    cat = _same_as_full([path])
    assert isinstance(cat, Catalog) and cat.claims[0].uses[-1] == d.id and cat.definitions == cat0.definitions


def test_several_errors_and_a_duplicate_definition(write_claims, bundled):
    """Every error of the load, in both files, as the full build reports them (and a valid file's catalog)."""
    _, a, lemma, d = bundled
    bad = write_claims(f'[[definition]]\nid = "{d.id}"\nname = "Other"\nbody = "1"\n' + _assertion(a.id)
                       + _assertion("user.bad", show="x +* 1") + _lemma(lemma.id, "user.bad") + _lemma("u.l", "nowhere"),
                       "bad.toml")
    good = write_claims(_assertion("user.good", alternative="alt") + _lemma("user.good.lemma", "user.good"), "good.toml")
    errors = _same_as_full([bad, good])
    assert len(_errors_at(errors, bad)) >= 4 and not _errors_at(errors, good)
    cat = _same_as_full([good])
    assert isinstance(cat, Catalog) and [c.id for c in cat.claims] == ["user.good", "user.good.lemma", "user.good/alt"]


def test_a_bundled_file_passed_explicitly(bundled):
    _, a, _, _ = bundled
    cat = _same_as_full([a.file])
    assert isinstance(cat, Catalog) and a in cat.assertions


def test_bundled_assertions_are_built_only_for_a_user_lemma(write_claims, bundled, monkeypatch):
    """The point of deferring: one reading built for a one-assertion file, and for a lemma on a bundled
    assertion its readings too; the full build builds every bundled reading."""
    _, a, _, _ = bundled
    built: list[str] = []
    real = assertion_tables.build_reading

    def counting(file, table, inherited, claim_id, *args):
        built.append(claim_id)
        return real(file, table, inherited, claim_id, *args)

    monkeypatch.setattr(assertion_tables, "build_reading", counting)
    load_catalog([write_claims(_assertion("user.one"), "one.toml")])
    assert built == ["user.one"]
    built.clear()
    load_catalog([write_claims(_lemma("user.lemma", a.id), "lemma.toml")])
    assert sorted(built) == sorted([r.id for r in a.readings] + ["user.lemma"])
    built.clear()
    load_catalog([write_claims(_assertion("user.one"), "one.toml")], build_bundled=True)
    assert len(built) > len(a.readings) + 1 and "user.one" in built


def test_registered_ids_are_the_built_readings_ids(bundled):
    """``assertion_ids`` (what the deferred load registers) against the readings of every bundled assertion."""
    import tomllib
    from pathlib import Path
    from formal_emergence.parse.claimfile import check_claim_id
    cat, _, _, _ = bundled
    by_id = {a.id: a for a in cat.assertions}
    seen = 0
    for file in sorted({a.file for a in cat.assertions if not a.legacy}):
        for i, table in enumerate(tomllib.loads(Path(file).read_text(encoding="utf-8")).get("assertion", [])):
            ids = assertion_tables.assertion_ids(file, i, table, check_claim_id)
            assert ids == tuple(r.id for r in by_id[ids[0]].readings)
            seen += 1
    assert seen == sum(not a.legacy for a in cat.assertions)
