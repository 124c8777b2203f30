"""A headless chromium for the report tests: screenshot, console errors, print to PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Names under which Debian and others install the browser.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
)
#: Lines chromium logs for console messages and uncaught exceptions.
CONSOLE = re.compile(r":(INFO|WARNING|ERROR):CONSOLE[:(]\d+\)?\]\s*(?P<message>.*)")


def find_chromium() -> str | None:
    """Path of a chromium binary ($DIA_CHROMIUM first), or None."""
    override = os.environ.get("DIA_CHROMIUM")
    if override:
        return override if Path(override).is_file() else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass(frozen=True)
class Run:
    """What one browser run produced."""

    output: Path
    console: list[str]
    stderr: str


def run_chromium(binary: str, page: Path, out: Path, *, action: str, size: tuple[int, int] = (1280, 2000),
                 timeout: float = 90.0) -> Run:
    """Open ``page`` headless and ``--screenshot`` or ``--print-to-pdf`` it into ``out``."""
    with tempfile.TemporaryDirectory(prefix="dia-chromium-") as profile:
        args = [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
                f"--{action}={out}", page.resolve().as_uri()]
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    console = [m.group("message") for line in done.stderr.splitlines() if (m := CONSOLE.search(line))]
    if not out.is_file():
        raise RuntimeError(f"chromium wrote no {out.name} (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return Run(output=out, console=console, stderr=done.stderr)


def printed_pages(binary: str, page: Path, workdir: Path) -> list[tuple[float, float]]:
    """Render ``page`` in chromium and return its printed pages' sizes (points).

    Asserts on the way what every page of ours must do in a browser: no console errors and a
    screenshot that is not (nearly) blank.
    """
    from PIL import Image

    run = run_chromium(binary, page, workdir / "shot.png", action="screenshot")
    assert run.console == [], run.console
    with Image.open(run.output) as shot:
        colours = shot.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50, "screenshot is (nearly) blank"
    pdf = run_chromium(binary, page, workdir / "print.pdf", action="print-to-pdf").output.read_bytes()
    return [(float(w), float(h)) for w, h in
            re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]
