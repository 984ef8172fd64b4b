"""The HTML site in a real browser: headless Chromium screenshots and a DOM check of every page.

Skipped when Chromium is not installed (``apt-get install chromium``). The site is served on
127.0.0.1 (random free port) by ``http.server`` in a thread that records every response status,
so a missing stylesheet or asset shows up as a 4xx. One Chromium serves the whole module: it is
driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``, no port), each page in a
new tab; console output of our pages (console calls, uncaught exceptions, logged load errors) is
read from the protocol's events of that tab.

- screenshots (PNG checked for size and for non-blank pixel rows, without PIL) of the fixture
  index and of claim pages covering every verdict and every plot kind;
- one load of a harness page that loads every page of the bundled catalog site
  (and the fixture site) in iframes and records, per page, whether the stylesheet applied, the
  number of MathML and SVG elements and whether each has a non-empty layout box; plus the
  index verdict filter driven by ``#verdict=...``.
"""

from __future__ import annotations

import base64
import fcntl
import functools
import html
import http.server
import json
import os
import re
import shutil
import struct
import threading
import time
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


class Browser:
    """One headless Chromium driven over the DevTools protocol on a pipe: it reads JSON commands, each ended
    by a NUL byte, on its fd 3 and writes replies and events on its fd 4 (``--remote-debugging-pipe``).

    ``open()`` makes a tab and returns its session; ``goto`` loads a URL and waits for the load event;
    ``problems(session)`` lists the console messages, uncaught exceptions and logged errors of that tab.
    Started with ``posix_spawn`` (safe beside the server thread), so only fds 3 and 4 are inherited."""

    def __init__(self, profile: Path, log: Path):
        to_chrome, from_chrome = os.pipe(), os.pipe()
        # Above 4, so that dup2 onto 3 and 4 always makes a new, inheritable descriptor.
        ours = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (*to_chrome, *from_chrome)]
        for fd in (*to_chrome, *from_chrome):
            os.close(fd)
        child_in, self._write_fd, self._read_fd, child_out = ours
        actions = [(os.POSIX_SPAWN_DUP2, child_in, 3), (os.POSIX_SPAWN_DUP2, child_out, 4),
                   (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 2, str(log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
        argv = [CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"]
        self.log = log
        self.pid = os.posix_spawn(CHROMIUM, argv, os.environ, file_actions=actions)
        os.close(child_in)
        os.close(child_out)
        self._next = 0
        self._replies: dict[int, dict] = {}
        self._events: list[dict] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buf = b""
        with os.fdopen(self._read_fd, "rb", buffering=0) as fh:
            while chunk := fh.read(1 << 16):
                buf += chunk
                *messages, buf = buf.split(b"\0")
                with self._cond:
                    for raw in messages:
                        msg = json.loads(raw)
                        if "id" in msg:
                            self._replies[msg["id"]] = msg
                        else:
                            self._events.append(msg)
                    self._cond.notify_all()
        with self._cond:
            self._replies[-1] = {"error": "the browser closed its pipe"}
            self._cond.notify_all()

    def _wait(self, ready, timeout: float, what: str):
        end = time.monotonic() + timeout
        with self._cond:
            while (got := ready()) is None:
                if -1 in self._replies:
                    raise AssertionError(f"{what}: Chromium exited: {self.log.read_text(errors='replace')[-2000:]}")
                left = end - time.monotonic()
                assert left > 0, f"{what}: no answer from Chromium in {timeout} s"
                self._cond.wait(left)
            return got

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 120):
        """Send one command and return its result (an AssertionError on a protocol error)."""
        with self._cond:
            self._next += 1
            ident = self._next
        msg = {"id": ident, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._write_fd, json.dumps(msg).encode() + b"\0")
        reply = self._wait(lambda: self._replies.pop(ident, None), timeout, method)
        assert "error" not in reply, (method, reply["error"])
        return reply["result"]

    def open(self, width: int | None = None, height: int | None = None) -> str:
        """A new tab (its own page, like a fresh browser's), with console and log events on; its session id."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=session)
        if width:
            self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                             "deviceScaleFactor": 1, "mobile": False}, session)
        return session

    def goto(self, session: str, url: str, timeout: float = 120) -> None:
        """Load ``url`` in the tab and wait for its load event (every subresource and frame loaded)."""
        with self._cond:
            start = len(self._events)
        self.call("Page.navigate", {"url": url}, session)

        def loaded():
            with_session = (e for e in self._events[start:] if e.get("sessionId") == session)
            return next((e for e in with_session if e["method"] == "Page.loadEventFired"), None)

        self._wait(loaded, timeout, f"load of {url}")

    def evaluate(self, session: str, expression: str, timeout: float = 120):
        """The value of a JavaScript expression in the tab (a promise is awaited)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session, timeout)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def screenshot(self, session: str) -> bytes:
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"}, session)["data"])

    def problems(self, session: str) -> list[str]:
        """Console calls, uncaught exceptions and logged entries (e.g. a failed load) of the tab."""
        out = []
        with self._cond:
            events = [e for e in self._events if e.get("sessionId") == session]
        for e in events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled":
                out.append(f"CONSOLE {p['type']}: " + " ".join(str(a.get("value", a.get("description", "")))
                                                           for a in p.get("args", [])))
            elif e["method"] == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append(f"{d.get('text', '')} {d.get('exception', {}).get('description', '')} at {d.get('url', '')}")
            elif e["method"] == "Log.entryAdded":
                entry = p["entry"]
                out.append(f"LOG {entry['level']} {entry['source']}: {entry['text']} {entry.get('url', '')}")
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=30)
        except AssertionError:
            pass
        end = time.monotonic() + 30
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > end:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.1)
        os.close(self._write_fd)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """The module's Chromium (one process tree for every test of this file)."""
    root = tmp_path_factory.mktemp("chromium")
    b = Browser(root / "profile", root / "chromium.log")
    yield b
    b.close()


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


def test_screenshots_of_every_verdict_and_plot_kind(site, browser, fixture_catalog, tmp_path):
    root, server = site
    pages = {"index": "fixture/index.html"}
    pages.update({cid: f"fixture/claims/{page_name(cid)}.html" for cid in SAMPLE})
    verdicts = {c.id: r.verdict.value for c, r in fixture_catalog.pairs}
    assert {cid: verdicts[cid] for cid in SAMPLE} == {cid: v for cid, (v, _) in SAMPLE.items()}
    _shoot(browser, server, pages, tmp_path, "")
    bad = [(p, c) for p, c in server.log if c >= 400]
    assert bad == []


def _shoot(browser, server, pages: dict[str, str], tmp_path: Path, prefix: str) -> None:
    """Screenshot ``pages`` (name -> path on the server), each in a new 1280x2000 tab once it has loaded and
    its fonts are ready; each must be non-blank and log nothing."""
    problems, shots = [], []
    for name, rel in pages.items():
        shot = tmp_path / f"{name}.png"
        tab = browser.open(1280, 2000)
        browser.goto(tab, server.base + rel)
        browser.evaluate(tab, "document.fonts.ready.then(() => true)")
        shot.write_bytes(browser.screenshot(tab))
        problems += browser.problems(tab)
        browser.call("Page.close", session=tab)
        assert_not_blank(shot)
        shots.append(shot)
    keep = os.environ.get("FORMAL_EMERGENCE_SCREENSHOTS")
    if keep:  # to look at the pages: FORMAL_EMERGENCE_SCREENSHOTS=/some/dir pytest tests/report
        Path(keep).mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copy(shot, Path(keep) / f"{prefix}{shot.name}")
    assert problems == []


def test_screenshots_of_the_bundled_index_and_latex_quotes(site, browser, bundled, tmp_path):
    root, server = site
    quotes = {c.id: c.source.quote for c, _ in bundled.pairs}
    assert "\\frac" in quotes[BUNDLED_SAMPLE[0]] and "\\text" in quotes[BUNDLED_SAMPLE[0]]
    pages = {"index": "bundled/index.html"}
    pages.update({cid: f"bundled/claims/{page_name(cid)}.html" for cid in BUNDLED_SAMPLE})
    _shoot(browser, server, pages, tmp_path, "bundled-")
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


def test_console_errors_and_blank_pages_are_detected(browser, tmp_path):
    """Negative controls: a page with a script error, a console message and a missing stylesheet, a clean
    page beside it, and a blank PNG."""
    root = tmp_path / "broken-site"
    root.mkdir()
    server = _Server(root)
    (root / "broken.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
        '<link rel="stylesheet" href="missing.css"></head><body><p>x</p><script>console.log("said");'
        "undefinedFunction();</script></body></html>", encoding="utf-8")
    (root / "clean.html").write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
                                     '<link rel="icon" href="data:,"></head><body><p>x</p></body></html>')
    broken, clean = browser.open(), browser.open()
    browser.goto(broken, server.base + "broken.html")
    browser.goto(clean, server.base + "clean.html")
    server.close()
    problems = browser.problems(broken)
    assert any("undefinedFunction" in line for line in problems), problems
    assert any("said" in line for line in problems), problems
    assert browser.problems(clean) == []  # the problems are the tab's own
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


def test_every_page_in_the_browser(site, browser, bundled, fixture_catalog):
    root, server = site
    pages = ["bundled/index.html", "bundled/index.html#verdict=fails,holds-if", "fixture/index.html#verdict=informal",
             f"bundled/index.html#q={CHINESE_WORD}"]
    pages += [f"bundled/claims/{page_name(c.id)}.html" for c, _ in bundled.pairs]
    pages += [f"fixture/claims/{page_name(c.id)}.html" for c, _ in fixture_catalog.pairs]
    name = _harness(root, pages)
    tab = browser.open()
    browser.goto(tab, server.base + name, timeout=240)
    # the harness writes its results in its own load handler, which may run just after the load event
    out = ""
    for _ in range(600):
        out = browser.evaluate(tab, "document.getElementById('out').textContent")
        if out.startswith("RESULTS:"):
            break
        time.sleep(0.1)
    m = re.search(r"RESULTS:(.*?):END", out, re.S)
    assert m, out[-2000:]
    results = {r["url"]: r for r in json.loads(m.group(1))}
    assert len(results) == len(pages)
    assert browser.problems(tab) == []
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
