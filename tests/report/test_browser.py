"""The HTML site in a real browser: headless Chromium screenshots and a DOM check of every page.

Skipped when Chromium is not installed (``apt-get install chromium``). The site is served on
127.0.0.1 (random free port) by ``http.server`` in a thread that records every response status,
so a missing stylesheet or asset shows up as a 4xx. Console output of our pages (errors,
uncaught exceptions) is read from Chromium's ``--enable-logging=stderr`` log.

- screenshots (PNG checked for size and for non-blank pixel rows, without PIL) of the fixture
  index and of claim pages covering every verdict and every plot kind;
- one ``--dump-dom`` run of a harness page that loads every page of the bundled catalog site
  (and the fixture site) in iframes and records, per page, whether the stylesheet applied, the
  number of MathML and SVG elements and whether each has a non-empty layout box; plus the
  index verdict filter driven by ``#verdict=...``.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import struct
import subprocess
import threading
import zlib
from pathlib import Path

import pytest

from formal_emergence.report.context import page_name

CHROMIUM = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio"]

#: Fixture claim pages: every verdict and every plot kind.
SAMPLE = {
    "zz-report.phase.threshold": ("holds-if", {"phase-transition", "counterexample"}),
    "zz-report.kaplan.halving": ("fails", {"scaling-laws", "counterexample"}),
    "zz-report.sim.orthogonal": ("holds", {"simulation"}),
    "zz-report.informal.smart": ("informal", set()),
    "zz-report.undecided.power-tower": ("undecided", set()),
}


#: Bundled claim pages screenshotted: LaTeX-heavy quotes (fractions, \\text), a Markdown quote, a code quote.
BUNDLED_SAMPLE = ("000.scaling-core.multimodal-form", "000.emergence-point.slope-precise-form-below-critical",
                  "000.high-dim.almost-orthogonal", "001.critical-point.sufficiency", "003.unified.temperature")

#: A Chinese word of a quote, for the search box.
CHINESE_WORD = "压缩比"

RAW_MARKUP = ("\\frac", "\\text", "**")


class _Server:
    """A static file server on 127.0.0.1 in a thread, remembering (path, status) of every request."""

    def __init__(self, root: Path):
        log = self.log = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_request(self, code="-", size="-"):
                log.append((self.path, int(code) if str(code).isdigit() else 0))

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def site(fixture_html, bundled_html, tmp_path_factory):
    """Both sites under one root: fixture/ and bundled/, plus the harness page."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(fixture_html, root / "fixture")
    shutil.copytree(bundled_html, root / "bundled")
    server = _Server(root)
    yield root, server
    server.close()


def _chromium(args, tmp_path: Path, name: str, timeout: float = 120) -> subprocess.Popen:
    profile = tmp_path / f"profile-{name}"
    return subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _console_problems(stderr: str, base: str) -> list[str]:
    """Console messages and uncaught errors logged for pages of our site."""
    out = []
    for line in stderr.splitlines():
        if ("CONSOLE" in line or "Uncaught" in line) and (base in line or "Uncaught" in line):
            out.append(line)
    return out


def png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (still filtered) scanlines of a non-interlaced 8-bit PNG, using zlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    return width, height, [raw[i * stride:(i + 1) * stride] for i in range(height)]


def assert_not_blank(png: Path) -> None:
    data = png.read_bytes()
    assert len(data) > 20_000, f"{png.name}: suspiciously small screenshot ({len(data)} bytes)"
    width, height, rows = png_rows(data)
    assert (width, height) == (1280, 2000)
    sample = rows[:: max(1, height // 200)]
    # A uniform row filters to a constant (or all-zero) payload; rows with text or plots do not.
    busy = [r for r in sample if len(set(r[1:])) >= 8]
    assert len(busy) >= len(sample) // 10, f"{png.name}: only {len(busy)} of {len(sample)} sampled rows have content"


def test_screenshots_of_every_verdict_and_plot_kind(site, fixture_catalog, tmp_path):
    root, server = site
    pages = {"index": "fixture/index.html"}
    pages.update({cid: f"fixture/claims/{page_name(cid)}.html" for cid in SAMPLE})
    verdicts = {c.id: r.verdict.value for c, r in fixture_catalog.pairs}
    assert {cid: verdicts[cid] for cid in SAMPLE} == {cid: v for cid, (v, _) in SAMPLE.items()}
    _shoot(server, pages, tmp_path, "")
    bad = [(p, c) for p, c in server.log if c >= 400]
    assert bad == []


def _shoot(server, pages: dict[str, str], tmp_path: Path, prefix: str) -> None:
    """Screenshot ``pages`` (name -> path on the server) in parallel; each must be non-blank and log nothing."""
    procs = {}
    for name, rel in pages.items():
        shot = tmp_path / f"{name}.png"
        procs[name] = (shot, _chromium([f"--screenshot={shot}", "--window-size=1280,2000", server.base + rel],
                                       tmp_path, name))
    problems = []
    for name, (shot, proc) in procs.items():
        _, err = proc.communicate(timeout=120)
        problems += _console_problems(err.decode("utf-8", "replace"), server.base)
        assert shot.exists(), f"no screenshot for {name}: {err[-2000:]!r}"
        assert_not_blank(shot)
    keep = os.environ.get("FORMAL_EMERGENCE_SCREENSHOTS")
    if keep:  # to look at the pages: FORMAL_EMERGENCE_SCREENSHOTS=/some/dir pytest tests/report
        Path(keep).mkdir(parents=True, exist_ok=True)
        for name, (shot, _) in procs.items():
            shutil.copy(shot, Path(keep) / f"{prefix}{shot.name}")
    assert problems == []


def test_screenshots_of_the_bundled_index_and_latex_quotes(site, bundled, tmp_path):
    root, server = site
    quotes = {c.id: c.source.quote for c, _ in bundled.pairs}
    assert "\\frac" in quotes[BUNDLED_SAMPLE[0]] and "\\text" in quotes[BUNDLED_SAMPLE[0]]
    pages = {"index": "bundled/index.html"}
    pages.update({cid: f"bundled/claims/{page_name(cid)}.html" for cid in BUNDLED_SAMPLE})
    _shoot(server, pages, tmp_path, "bundled-")
    assert [(p, c) for p, c in server.log if c >= 400] == []


_LINK = re.compile(r'(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


def internal_links(root: Path) -> tuple[int, list[str]]:
    """(links checked, broken links) over every HTML page under ``root``: each relative href/src must name
    a file of the site, and its #fragment an id of that file."""
    pages = sorted(root.rglob("*.html"))
    ids = {p.resolve(): set(_ID.findall(p.read_text(encoding="utf-8"))) for p in pages}
    broken, count = [], 0
    for p in pages:
        text = re.sub(r"<script\b.*?</script>", "", p.read_text(encoding="utf-8"), flags=re.S)
        for link in (html.unescape(x) for x in _LINK.findall(text)):
            if re.match(r"[a-z]+:", link) or link.startswith("//"):
                continue   # data:, https: (arXiv) - not part of the site
            count += 1
            target, _, fragment = link.partition("#")
            path = (p.parent / target).resolve() if target else p.resolve()
            if not path.is_file():
                broken.append(f"{p.relative_to(root)}: {link}")
            elif fragment and path.suffix == ".html" and fragment not in ids.get(path, set()) \
                    and not fragment.startswith(("verdict=", "q=")):
                broken.append(f"{p.relative_to(root)}: {link} (no id {fragment})")
    return count, broken


def test_every_internal_link_resolves(site, tmp_path):
    root, _ = site
    count, broken = internal_links(root / "bundled")
    assert count > 1000 and broken == []
    count, broken = internal_links(root / "fixture")
    assert count > 20 and broken == []
    # negative control: a dangling link and a missing anchor are found
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.html").write_text('<a href="missing.html">x</a><a href="a.html#nope">y</a><p id="here"></p>'
                                '<a href="#here">z</a>', encoding="utf-8")
    assert internal_links(bad) == (3, ["a.html: missing.html", "a.html: a.html#nope (no id nope)"])


def test_console_errors_and_blank_pages_are_detected(tmp_path):
    """Negative controls: a page with a script error and a missing stylesheet, and a blank PNG."""
    root = tmp_path / "broken-site"
    root.mkdir()
    server = _Server(root)
    (root / "broken.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
        '<link rel="stylesheet" href="missing.css"></head><body><p>x</p><script>undefinedFunction();</script>'
        "</body></html>", encoding="utf-8")
    proc = _chromium(["--dump-dom", server.base + "broken.html"], tmp_path, "broken")
    _, err = proc.communicate(timeout=120)
    server.close()
    problems = _console_problems(err.decode("utf-8", "replace"), server.base)
    assert any("undefinedFunction" in line for line in problems)
    assert ("/missing.css", 404) in server.log
    width, height = 1280, 2000
    raw = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    blank = tmp_path / "blank.png"
    blank.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                      + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"") + b"\0" * 30_000)
    with pytest.raises(AssertionError, match="rows have content"):
        assert_not_blank(blank)


def _harness(root: Path, pages: list[str]) -> str:
    frames = "\n".join(f'<iframe src="{html.escape(p)}" style="width:1200px;height:400px"></iframe>' for p in pages)
    script = """
window.addEventListener('load', function () {
  var results = [];
  Array.prototype.forEach.call(document.querySelectorAll('iframe'), function (frame) {
    var url = frame.getAttribute('src');
    try {
      var d = frame.contentDocument, w = frame.contentWindow;
      var r = {url: url, title: d.title, lang: d.documentElement.lang, charset: d.characterSet};
      r.styled = w.getComputedStyle(d.body).maxWidth !== 'none';
      var maths = d.querySelectorAll('math'); r.math = maths.length; r.mathEmpty = 0;
      for (var i = 0; i < maths.length; i++) {
        var b = maths[i].getBoundingClientRect();
        if ((b.width <= 0 || b.height <= 0) && !maths[i].closest('details')) { r.mathEmpty++; }
      }
      var svgs = d.querySelectorAll('svg'); r.svg = svgs.length; r.svgEmpty = 0;
      for (var j = 0; j < svgs.length; j++) {
        var s = svgs[j].getBoundingClientRect(); if (s.width < 50 || s.height < 50) { r.svgEmpty++; }
      }
      r.badges = d.querySelectorAll('.badge').length;
      r.rows = d.querySelectorAll('tr[data-verdict]').length;
      r.visibleRows = d.querySelectorAll('tr[data-verdict]:not(.hidden)').length;
      r.visibleVerdicts = Array.prototype.map.call(d.querySelectorAll('tr[data-verdict]:not(.hidden)'),
        function (t) { return t.getAttribute('data-verdict'); }).filter(function (v, k, a) { return a.indexOf(v) === k; });
      r.filterReady = d.documentElement.getAttribute('data-filter-ready');
      // a code quote keeps Python's ** (a power): only the prose and formulas of quotes are checked
      r.quoteText = Array.prototype.map.call(d.querySelectorAll('blockquote.quote'), function (q) {
        var c = q.cloneNode(true);
        Array.prototype.forEach.call(c.querySelectorAll('pre.quote-code'), function (p) { p.remove(); });
        return c.textContent; });
      r.searchReady = d.documentElement.getAttribute('data-search-ready');
      r.searchHits = Array.prototype.map.call(d.querySelectorAll('#search-results a'),
        function (a) { return a.getAttribute('href'); });
      results.push(r);
    } catch (e) { results.push({url: url, error: String(e)}); }
  });
  document.getElementById('out').textContent = 'RESULTS:' + JSON.stringify(results) + ':END';
});
"""
    text = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>harness</title>"
            "<link rel=\"icon\" href=\"data:,\"></head><body><pre id=\"out\">running</pre>\n"
            f"{frames}\n<script>{script}</script></body></html>\n")
    (root / "__harness.html").write_text(text, encoding="utf-8")
    return "__harness.html"


def test_every_page_in_the_browser(site, bundled, fixture_catalog, tmp_path):
    root, server = site
    pages = ["bundled/index.html", "bundled/index.html#verdict=fails,holds-if", "fixture/index.html#verdict=informal",
             f"bundled/index.html#q={CHINESE_WORD}"]
    pages += [f"bundled/claims/{page_name(c.id)}.html" for c, _ in bundled.pairs]
    pages += [f"fixture/claims/{page_name(c.id)}.html" for c, _ in fixture_catalog.pairs]
    name = _harness(root, pages)
    proc = _chromium(["--dump-dom", server.base + name], tmp_path, "harness")
    out, err = proc.communicate(timeout=240)
    dom = out.decode("utf-8", "replace")
    m = re.search(r"RESULTS:(.*?):END", dom, re.S)
    assert m, dom[-2000:]
    results = {r["url"]: r for r in json.loads(html.unescape(m.group(1)))}
    assert len(results) == len(pages)
    assert _console_problems(err.decode("utf-8", "replace"), server.base) == []
    assert [(p, c) for p, c in server.log if c >= 400] == []
    for url, r in results.items():
        assert "error" not in r, r
        assert r["styled"], url
        assert r["lang"] == "en" and r["charset"] == "UTF-8", url
        assert r["mathEmpty"] == 0 and r["svgEmpty"] == 0, r
        assert r["title"], url
    # the statement's MathML renders, and plots are present, on pages that have them
    for c, res in bundled.pairs:
        page = (root / "bundled" / "claims" / f"{page_name(c.id)}.html").read_text(encoding="utf-8")
        r = results[f"bundled/claims/{page_name(c.id)}.html"]
        assert r["math"] == page.count("<math "), c.id
        assert r["svg"] == page.count("<svg "), c.id
    # the verdict filter
    full = results["bundled/index.html"]
    assert full["filterReady"] == "yes" and full["visibleRows"] == full["rows"] == len(bundled.pairs)
    # the filter selects assertions by their verdict; their readings and lemmas follow them (a sub row
    # carries its assertion's verdict), so the expected count is read off the rows' data-verdict
    index = (root / "bundled" / "index.html").read_text(encoding="utf-8")
    row_verdicts = re.findall(r'<tr(?: class="sub")? data-verdict="([a-z-]+)"', index)
    assert len(row_verdicts) == len(bundled.pairs)
    assert row_verdicts.count("fails") > 0 and row_verdicts.count("holds-if") > 0
    filtered = results["bundled/index.html#verdict=fails,holds-if"]
    assert filtered["visibleRows"] == row_verdicts.count("fails") + row_verdicts.count("holds-if")
    assert set(filtered["visibleVerdicts"]) <= {"fails", "holds-if"}
    # no raw LaTeX or Markdown markup in the text a reader sees in quotes
    raw = [(url, q[:300]) for url, r in results.items() for q in r["quoteText"]
           if any(m in q for m in RAW_MARKUP)]
    assert raw == []
    assert sum(len(r["quoteText"]) for r in results.values()) >= len(bundled.pairs)
    # search by a Chinese word finds exactly the claims whose quote, title, reading or reason contain it
    search = results[f"bundled/index.html#q={CHINESE_WORD}"]
    assert search["searchReady"] == "yes"
    expected = sorted(f"claims/{page_name(c.id)}.html" for c, r in bundled.pairs
                      if CHINESE_WORD in " ".join((c.source.quote, c.title, c.reading, r.reason, c.source.section)))
    assert expected and sorted(search["searchHits"]) == expected
    assert results["bundled/index.html"]["searchHits"] == []
    informal = results["fixture/index.html#verdict=informal"]
    assert informal["visibleRows"] == 1 and informal["visibleVerdicts"] == ["informal"]
