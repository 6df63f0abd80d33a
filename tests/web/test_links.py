"""Stored URLs on the dashboard (issue 12): only http(s) URLs become links; a ``javascript:`` URL stays text."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tocsin.web import STATIC_DIR

URLS = {
    "https://example.org/a?b=1": "https://example.org/a?b=1",
    " HTTP://Example.org/x ": "http://example.org/x",
    "javascript:alert(document.cookie)": None,
    "JaVaScRiPt:alert(1)": None,
    "data:text/html,<script>alert(1)</script>": None,
    "vbscript:msgbox(1)": None,
    "/relative/path": None,
    "not a url": None,
    "": None,
}


def test_links_only_http_urls_are_hrefs() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = (
        f"import {{ safeHref }} from {json.dumps((STATIC_DIR / 'links.js').as_uri())};"
        f"console.log(JSON.stringify({json.dumps(list(URLS))}.map(safeHref)));"
    )
    result = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True, timeout=60)
    assert dict(zip(URLS, json.loads(result.stdout))) == URLS


def test_links_events_view_uses_safe_href() -> None:
    source = (STATIC_DIR / "events.js").read_text(encoding="utf-8")
    assert 'import { safeHref } from "./links.js";' in source and "const href = safeHref(url);" in source
