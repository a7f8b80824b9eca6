"""Serve the built book from 127.0.0.1: `make serve`, and the browser tests and benchmarks.

A static file server like any host's, with the MIME types the web planner depends on
stated rather than taken from the machine's /etc/mime.types: module scripts and workers
must come as JavaScript, and WebAssembly as application/wasm to be compiled while it
downloads. Like a well-configured static host, it also:

- sends the headers the build wrote to the site's `_headers` file (the format static
  hosts read: Content-Security-Policy, nosniff);
- sends the build's .br or .gz copy of a file to browsers that accept it, with
  Content-Encoding (as nginx's brotli_static and gzip_static, or Caddy's precompressed);
- sends nothing hidden (a name starting with a dot, such as a build's .doctrees);
- lets browsers keep files whose links carry a checksum (Sphinx's ?v=, the theme's
  ?digest=) for a year, and has them ask again for the others (If-Modified-Since,
  answered 304).

    python tools/serve.py [SITE] [--port 8000]
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

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


ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
"""Content-Encodings sent, best first, and the suffix of the build's copy in each."""
CHECKSUM_PARAMETERS = ("v", "digest")
"""Query parameters of links whose value changes with the file's content."""


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own attribute, extended)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }
    content_encoding: str | None = None
    has_encodings = False

    # Precompressed copies and cache headers (the host behaviour described above).

    def translate_path(self, path: str) -> str:
        """The file to send: the precompressed copy the browser accepts, if there is one."""
        found = super().translate_path(path)
        self.content_encoding = None
        self.has_encodings = False
        if urlsplit(path).path.endswith("/"):  # a folder's index.html
            found = os.path.join(found, "index.html")
        if not os.path.isfile(found):
            return super().translate_path(path)  # the base class answers (404, redirect)
        accepted = self.accepted_encodings()
        for encoding, suffix in ENCODINGS:
            if os.path.isfile(found + suffix):
                self.has_encodings = True
                if encoding in accepted:
                    self.content_encoding = encoding
                    return found + suffix
        return found

    def send_head(self) -> Any:
        if any(part.startswith(".") for part in unquote(urlsplit(self.path).path).split("/")):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return super().send_head()

    def accepted_encodings(self) -> set[str]:
        """The Accept-Encoding header's codings, less those refused with q=0."""
        accepted = set()
        for item in self.headers.get("Accept-Encoding", "").split(","):
            name, _, parameters = item.partition(";")
            weight = parameters.strip().removeprefix("q=")
            with suppress(ValueError):
                if weight and float(weight) <= 0:
                    continue
            accepted.add(name.strip().lower())
        return accepted

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        for encoding, suffix in ENCODINGS:
            if encoding == self.content_encoding:
                path = str(path).removesuffix(suffix)
        return super().guess_type(path)

    def end_headers(self) -> None:
        self.send_encoding_and_cache_headers()
        self.send_site_headers()
        super().end_headers()

    def send_encoding_and_cache_headers(self) -> None:
        if self.content_encoding is not None:
            self.send_header("Content-Encoding", self.content_encoding)
        if self.has_encodings:
            self.send_header("Vary", "Accept-Encoding")
        query = parse_qs(urlsplit(self.path).query)
        if any(name in query for name in CHECKSUM_PARAMETERS):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")

    # The site's own headers (the host behaviour described above).

    def send_site_headers(self) -> None:
        """The site's `_headers`, as a static host sends them, read on each request (a
        rebuild may change them)."""
        rules_file = Path(self.directory) / HEADERS_FILE
        if rules_file.is_file():
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            for name, value in headers_for(read_headers_file(rules_file.read_text("utf-8")), path):
                self.send_header(name, value)


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
