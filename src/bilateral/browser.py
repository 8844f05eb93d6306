"""Layout checks of rendered pages in headless Chromium (the Debian ``chromium`` package).

A page "scrolls sideways" when some element reaches past the right edge of the viewport. Wide tables
are allowed to do so only inside a scroll box (an ancestor whose CSS ``overflow-x`` is ``auto`` or
``scroll``), which shows the reader that it scrolls. :func:`sideways_overflow` loads a page at a given
width and lists every element that pokes out of the viewport outside such a box.

The check injects a small script into a copy of the page and reads its result back from the DOM that
Chromium dumps (``--dump-dom``), so it needs nothing beyond the browser binary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
RESULT_ID = "bilateral-layout-result"

# Runs after the page has laid out; writes a JSON list of offending elements into a <pre>.
_PROBE = (
    """
<script>
window.addEventListener('load', function () {
  var vw = document.documentElement.clientWidth;
  function inScrollBox(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      var ox = getComputedStyle(p).overflowX;
      if ((ox === 'auto' || ox === 'scroll') && p.clientWidth <= vw + 1) return true;
    }
    return false;
  }
  var bad = [];
  var all = document.body.getElementsByTagName('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > vw + 1 && !inScrollBox(el)) {
      var label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      bad.push({element: label, right: Math.round(r.right), text: (el.textContent || '').trim().slice(0, 60)});
    }
  }
  var out = {viewport: vw, scroll_width: document.documentElement.scrollWidth, offenders: bad.slice(0, 20),
             count: bad.length};
  var pre = document.createElement('pre');
  pre.id = '%s';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""
    % RESULT_ID
)


def find_chromium() -> str | None:
    """The path of a Chromium binary on PATH (or ``$BILATERAL_CHROMIUM``), else None."""
    explicit = os.environ.get("BILATERAL_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _chromium_args(binary: str, user_data: str, width: int) -> list[str]:
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={user_data}",
        f"--window-size={width},900",
        "--virtual-time-budget=3000",
        "--dump-dom",
    ]


def sideways_overflow(page: Path, width: int, binary: str | None = None) -> dict:
    """Lay out ``page`` at ``width`` CSS pixels in headless Chromium and report what pokes out sideways.

    Returns a dict with ``viewport`` (px), ``scroll_width`` (px), ``count`` and ``offenders`` (up to 20
    elements, each with its tag/class label, right edge and first characters of text). Elements inside a
    scroll box are not offenders. Raises RuntimeError if Chromium is missing or prints no result.
    """
    binary = binary or find_chromium()
    if not binary:
        raise RuntimeError("Chromium not found: install the Debian package `chromium` or set BILATERAL_CHROMIUM")
    html = page.read_text(encoding="utf-8")
    marker = "</body>"
    probe_html = html.replace(marker, _PROBE + marker, 1) if marker in html else html + _PROBE
    with tempfile.TemporaryDirectory(prefix="bilateral-layout-") as tmp:
        copy = Path(tmp) / page.name
        copy.write_text(probe_html, encoding="utf-8")
        profile = Path(tmp) / "profile"
        args = _chromium_args(binary, str(profile), width) + [copy.as_uri()]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    start = done.stdout.find(f'id="{RESULT_ID}">')
    if start < 0:
        raise RuntimeError(
            f"Chromium printed no layout result for {page.name} (exit {done.returncode}): {done.stderr.strip()[-300:]}"
        )
    body = done.stdout[start + len(f'id="{RESULT_ID}">') :]
    body = body[: body.find("</pre>")]
    return json.loads(_unescape(body))


def _unescape(text: str) -> str:
    import html as _html

    return _html.unescape(text)
