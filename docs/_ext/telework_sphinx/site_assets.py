"""The book's own static files (``html_static_path``: its stylesheet, icons, scripts).

Every page links them with a checksum of their content (``book.css?v=…``), and Sphinx
copies static files only when it writes some page: a changed file must rewrite every
page, or the site would keep the old file, or pages would name it by its old checksum.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

DIGEST = "telework_site_assets_digest"


def assets_digest(app: Sphinx) -> str:
    digest = hashlib.sha256()
    for folder in app.config.html_static_path:
        root = Path(app.confdir, folder)
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def pages_to_rewrite(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """On env-get-outdated: every page, when the static files changed since the last build."""
    digest = assets_digest(app)
    if getattr(env, DIGEST, None) == digest:
        return []
    setattr(env, DIGEST, digest)
    return sorted(env.found_docs)


def setup_site_assets(app: Sphinx) -> None:
    app.connect("env-get-outdated", pages_to_rewrite)
