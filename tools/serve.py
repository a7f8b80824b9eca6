"""Serve the built book from 127.0.0.1: `make serve`, and the browser tests and benchmarks.

A static file server like any host's, with the MIME types the web planner depends on
stated rather than taken from the machine's /etc/mime.types: module scripts and workers
must come as JavaScript, and WebAssembly as application/wasm to be compiled while it
downloads. Like hosts that honour precompressed files (nginx's brotli_static and
gzip_static, Caddy's precompressed), it sends the build's .br or .gz copy of a file to
browsers that accept it, with Content-Encoding; and like a well-configured host, it lets
browsers keep files whose links carry a checksum (Sphinx's ?v=, the theme's ?digest=) for
a year, and has them ask again for the others (If-Modified-Since, answered 304).

    python tools/serve.py [SITE] [--port 8000]
"""

from __future__ import annotations

import argparse
import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

HOST = "127.0.0.1"
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
        if self.content_encoding is not None:
            self.send_header("Content-Encoding", self.content_encoding)
        if self.has_encodings:
            self.send_header("Vary", "Accept-Encoding")
        query = parse_qs(urlsplit(self.path).query)
        if any(name in query for name in CHECKSUM_PARAMETERS):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
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
