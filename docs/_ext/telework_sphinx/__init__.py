"""The Telework Guidebook's Sphinx extension: cross-references and citations, generated
reference, planner widgets, notebook pages and page descriptions."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .citations import setup_citations
from .descriptions import setup_descriptions
from .domain import setup_domain
from .notebooks import setup_notebooks
from .offline import setup_offline
from .planner import setup_planner
from .proposal import setup_proposal
from .reference import setup_reference
from .rehearsal import setup_rehearsal
from .security import setup_security
from .site_assets import setup_site_assets
from .trial import setup_trial


def setup(app: Sphinx) -> dict[str, Any]:
    setup_domain(app)
    setup_citations(app)
    setup_reference(app)
    setup_planner(app)
    setup_proposal(app)
    setup_rehearsal(app)
    setup_trial(app)
    setup_notebooks(app)
    setup_descriptions(app)
    setup_security(app)
    setup_offline(app)
    setup_site_assets(app)
    # env_version: raise it when what the extension keeps in the environment changes, so
    # that an existing build reads every page again (e.g. the domain's sources and items).
    return {"env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
