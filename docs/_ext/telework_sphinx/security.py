"""The pages' Content-Security-Policy: a `<meta>` in every page, and the same as headers.

Scripts run only from the site's own files, or inline where the build wrote them: each
inline script is allowed by its SHA-256 hash, computed from the written page once the
build has finished. Inline event handlers (`onclick=`) and `javascript:` links are not
allowed at all: the theme's one such button (print) is wired by print.js instead, and any
other makes the build fail. Python's WebAssembly is compiled in the worker only, which gets
its own policy from its headers.

The headers a host should send are written to `_headers` in the built site (the format
static hosts such as Netlify and Cloudflare Pages read); tools/serve.py sends them too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .runtime import STATIC_SUBDIR

logger = logging.getLogger(__name__)

HEADERS_FILE = "_headers"
PAGE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    # Styles: the theme writes style attributes (the index's columns) and its scripts set
    # styles; inline CSS cannot run script, so it stays allowed.
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",  # the theme's stylesheet draws its arrows with data: SVGs
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
HEADER_ONLY = {"frame-ancestors": "'none'"}
"""What a `<meta>` policy cannot carry (browsers ignore it there), so headers only."""
WORKER = f"/_static/{STATIC_SUBDIR}/worker.mjs"
WORKER_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",  # Python's runtime is WebAssembly
    "object-src": "'none'",
}
EVERY_FILE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

PRINT_HANDLER = 'onclick="window.print()"'
PRINT_MARKER = "data-tw-print"
"""The theme's print button, wired by print.js (the theme writes its handler inline)."""
URL_ATTRIBUTES = {"href", "src", "action", "formaction"}
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*" />\n?')
CHARSET = re.compile(r"<meta charset=[^>]*>\n?")
HEAD = re.compile(r"<head[^>]*>\n?")
"""The policy goes first in <head>, after the charset if any (which must open the page)."""


def policy_text(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class InlineCode(HTMLParser):
    """A page's inline scripts (their hashes) and what the policy would block outright."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hashes: list[str] = []
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"inline event handler <{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in <{tag} {name}=...>")
        if tag == "script" and "src" not in values and values.get("type", "").lower() in JS_TYPES:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.hashes.append(script_hash("".join(self._script)))
            self._script = None


def secure_page(html: str) -> tuple[str, str, list[str]]:
    """The page with its policy in a `<meta>` (replacing any earlier one), the policy, and
    what in the page the policy would block."""
    html = META.sub("", html).replace(PRINT_HANDLER, PRINT_MARKER)
    code = InlineCode()
    code.feed(html)
    code.close()
    hashes = " ".join(dict.fromkeys(code.hashes))
    policy = policy_text({**PAGE_POLICY, "script-src": f"'self' {hashes}".strip()})
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />\n'
    at = CHARSET.search(html) or HEAD.search(html)
    end = at.end() if at else 0
    return html[:end] + meta + html[end:], policy, code.problems


def page_urls(path: str) -> list[str]:
    """The URLs a host serves a page at: `a/b.html`, and `a/` for `a/index.html`."""
    urls = [f"/{path}"]
    if path == "index.html" or path.endswith("/index.html"):
        urls.append(f"/{path.removesuffix('index.html')}")
    return urls


def headers_file(policies: dict[str, str]) -> str:
    """`_headers`: rules of a path (`*` for any part) then its indented headers."""
    rules = [("/*", EVERY_FILE), (WORKER, {"Content-Security-Policy": policy_text(WORKER_POLICY)})]
    for path, policy in sorted(policies.items()):
        header = {"Content-Security-Policy": f"{policy}; {policy_text(HEADER_ONLY)}"}
        rules += [(url, header) for url in page_urls(path)]
    lines = ["# Headers for static hosts that read this file (see reference/hosting)."]
    for pattern, headers in rules:
        lines += [pattern, *(f"  {name}: {value}" for name, value in headers.items())]
    return "\n".join(lines) + "\n"


def is_page(path: Path) -> bool:
    return not any(part.startswith((".", "_")) for part in path.parts)


def secure_site(app: Sphinx, exception: Exception | None) -> None:
    """On build-finished: give every written page its policy, and write `_headers`."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    policies: dict[str, str] = {}
    for page in sorted(outdir.rglob("*.html")):
        path = page.relative_to(outdir)
        if not is_page(path):
            continue
        html = page.read_text(encoding="utf-8")
        secured, policies[path.as_posix()], problems = secure_page(html)
        for problem in problems:
            logger.warning("%s: %s; the pages' policy blocks it", path.as_posix(), problem)
        if secured != html:
            page.write_text(secured, encoding="utf-8")
    (outdir / HEADERS_FILE).write_text(headers_file(policies), encoding="utf-8")


def setup_security(app: Sphinx) -> None:
    app.add_js_file("site/print.js", loading_method="defer")
    app.connect("build-finished", secure_site, priority=400)
