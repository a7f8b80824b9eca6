"""Serve the built book from 127.0.0.1: `make serve`, and the browser tests and benchmarks.

A static file server like any host's, with the MIME types the web planner depends on
stated rather than taken from the machine's /etc/mime.types: module scripts and workers
must come as JavaScript, and WebAssembly as application/wasm to be compiled while it
downloads.

    python tools/serve.py [SITE] [--port 8000]
"""

from __future__ import annotations

import argparse
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own attribute, extended)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }


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
