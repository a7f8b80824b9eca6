"""Sets of pages kept in the build environment, e.g. "the pages holding the bibliography".

Kept right through incremental builds (a page re-read or removed leaves the set) and
parallel reads (each reader's additions are merged).
"""

from __future__ import annotations

from collections.abc import Set

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


class PageSet:
    def __init__(self, key: str) -> None:
        self.key = key
        """The environment attribute that holds the set."""

    def add(self, env: BuildEnvironment, docname: str) -> None:
        pages: set[str] = getattr(env, self.key, set())
        pages.add(docname)
        setattr(env, self.key, pages)

    def sorted(self, env: BuildEnvironment) -> list[str]:
        return sorted(getattr(env, self.key, set()))

    def connect(self, app: Sphinx) -> None:
        """Keep the set up to date as pages are purged and parallel reads merged."""
        app.connect("env-purge-doc", self._purge)
        app.connect("env-merge-info", self._merge)

    def _purge(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        getattr(env, self.key, set()).discard(docname)

    def _merge(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        for docname in getattr(other, self.key, set()):
            self.add(env, docname)
