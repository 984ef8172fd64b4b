"""Report files are created safely and do not depend on the working directory (F21, F22)."""

from __future__ import annotations

from pathlib import Path

INPUTS = Path(__file__).parent / "inputs"
OK = str(INPUTS / "ok.toml")


def test_planted_symlink_is_not_followed(cli_run, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    claims = tmp_path / "out" / "claims"
    claims.mkdir(parents=True)
    (claims / "b.ok.html.tmp").symlink_to(victim)
    code, _, err = cli_run(["report", "--format", "html", "-o", str(tmp_path / "out"), OK])
    assert code == 0, err
    assert victim.read_text() == "keep me"
    assert (claims / "b.ok.html").is_file() and not (claims / "b.ok.html").is_symlink()
    assert not [p.name for p in claims.iterdir() if p.name.endswith(".tmp") and p.name != "b.ok.html.tmp"]


def test_report_bytes_do_not_depend_on_the_working_directory(cli_run, tmp_path, monkeypatch):
    pages = []
    for cwd in (tmp_path, Path("/")):
        monkeypatch.chdir(cwd)
        out = tmp_path / f"rep{len(pages)}"
        code, _, err = cli_run(["report", "--format", "html", "-o", str(out), OK])
        assert code == 0, err
        pages.append((out / "claims" / "b.ok.html").read_bytes())
    assert pages[0] == pages[1]
    assert str(tmp_path).encode() not in pages[0] and b"inputs/ok.toml" in pages[0]
