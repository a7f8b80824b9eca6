"""Serve the built book from 127.0.0.1: `make serve`, and the browser tests and benchmarks.

A static file server like any host's, with the MIME types the web planner depends on
stated rather than taken from the machine's /etc/mime.types: module scripts and workers
must come as JavaScript, and WebAssembly as application/wasm to be compiled while it
downloads. It sends the headers the build wrote to the site's `_headers` file (the
format static hosts read: Content-Security-Policy, nosniff), as such a host would.

    python tools/serve.py [SITE] [--port 8000]
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
HEADERS_FILE = "_headers"


def read_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: a path pattern (`*` matches anything), then its
    headers indented below it as `Name: value`; `#` starts a comment."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules: list[tuple[str, list[tuple[str, str]]]], path: str) -> list[tuple[str, str]]:
    matching = [rule for pattern, rule in rules if fnmatch.fnmatchcase(path, pattern)]
    return [header for rule in matching for header in rule]


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own attribute, extended)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def end_headers(self) -> None:
        """The site's `_headers`, as a static host sends them, read on each request (a
        rebuild may change them)."""
        rules_file = Path(self.directory) / HEADERS_FILE
        if rules_file.is_file():
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            for name, value in headers_for(read_headers_file(rules_file.read_text("utf-8")), path):
                self.send_header(name, value)
        super().end_headers()


class QuietSiteHandler(SiteHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """Serve `site` on a free port (or `port`) in a background thread; yields its root URL."""
    handler = functools.partial(QuietSiteHandler, directory=str(site))
    server = ThreadingHTTPServer((HOST, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default="_build/html", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        parser.error(f"no built book in {args.site}; run: make book")
    handler = functools.partial(SiteHandler, directory=str(args.site))
    with ThreadingHTTPServer((HOST, args.port), handler) as server:
        print(f"Serving the book on http://{HOST}:{args.port}/ (Ctrl-C to stop)")
        with suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":
    main()
