"""The built book: every page, link, citation and generated reference, all served locally."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from subprocess import CompletedProcess
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from sphinx.search.en import SearchEnglish
from sphinx.util.inventory import InventoryFile

import telework

pytestmark = pytest.mark.book

DOCS = Path(__file__).resolve().parent.parent / "docs"
SOURCES_PAGE = "reference/sources.html"
DECISIONS_PAGE = "reference/how-the-planner-decides.html"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def book_pages(site: Path) -> list[Path]:
    """The pages of the book's table of contents, in its order."""
    toc = yaml.safe_load((DOCS / "_toc.yml").read_text(encoding="utf-8"))
    return [site / f"{name}.html" for name in toc_docnames(toc)]


def title(page: Path) -> str:
    heading = soup(page).select_one("article h1")
    assert heading is not None, f"{page.name} has no title"
    return plain(heading.get_text()).removesuffix("#").strip()


def ids_in(path: Path) -> set[str]:
    return {str(tag["id"]) for tag in soup(path).find_all(id=True)}


def plain(text: str) -> str:
    """Text with typographic quotes made straight and whitespace collapsed, for comparing."""
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return " ".join(text.split())


def local_target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to; None for links to other sites."""
    if urlsplit(href).scheme or href.startswith("//"):
        return None
    url, fragment = urldefrag(href)
    target = (page.parent / unquote(url)).resolve() if url else page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(fragment)


def toc_docnames(node: object) -> list[str]:
    """Every `file:` of the table of contents, depth first."""
    if isinstance(node, dict):
        found = [str(node["file"])] if "file" in node else []
        found += [str(node["root"])] if "root" in node else []
        return found + [name for value in node.values() for name in toc_docnames(value)]
    if isinstance(node, list):
        return [name for value in node for name in toc_docnames(value)]
    return []


def test_every_page_in_the_table_of_contents_is_built(built_site: Path) -> None:
    toc = yaml.safe_load((DOCS / "_toc.yml").read_text(encoding="utf-8"))
    docnames = toc_docnames(toc)
    assert "reference/how-the-planner-decides" in docnames
    missing = [name for name in docnames if not (built_site / f"{name}.html").is_file()]
    assert missing == []


def test_every_checklist_item_links_to_an_existing_section_of_the_book(built_site: Path) -> None:
    broken = []
    for item in telework.load_guide().items:
        docname, _, label = item.link.partition("#")
        page = built_site / f"{docname}.html"
        if not page.is_file() or label not in ids_in(page):
            broken.append(f"{item.id} -> {item.link}")
    assert broken == []


def test_every_tool_link_of_an_item_reaches_its_tool_on_the_site(built_site: Path) -> None:
    from telework.render.common import tool_links

    broken, linked = [], 0
    for item in telework.load_guide().items:
        for label, href in tool_links(item):
            linked += 1
            path, _, anchor = href.partition("#")
            page = built_site / path
            if not page.is_file() or anchor not in ids_in(page):
                broken.append(f"{item.id} -> {href} ({label})")
    assert linked >= 30 and broken == []


def test_every_internal_link_reaches_an_existing_page_and_anchor(built_site: Path) -> None:
    broken = []
    for page in html_pages(built_site):
        for anchor in soup(page).find_all("a", href=True):
            href = str(anchor["href"])
            target = local_target(built_site, page, href)
            if target is None or href == "#":
                continue
            path, fragment = target
            if not path.is_file():
                broken.append(f"{page.relative_to(built_site)}: {href} (no such file)")
            elif fragment and path.suffix == ".html" and fragment not in ids_in(path):
                broken.append(f"{page.relative_to(built_site)}: {href} (no such anchor)")
    assert broken == []


def test_the_site_holds_none_of_the_builds_own_files(built_site: Path) -> None:
    """Doctrees (27 MB, the environment's pickle among them) are kept beside the site."""
    assert not (built_site / ".doctrees").exists()
    assert (built_site.parent / "doctrees" / "environment.pickle").is_file()


ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")


def test_ids_are_unique_and_every_id_reference_names_an_element_of_its_page(
    built_site: Path,
) -> None:
    """What labels, descriptions and controls point at exists, once: a duplicate id or a
    dangling reference leaves a field without its label or help for screen readers."""
    problems = []
    for page in html_pages(built_site):
        name = page.relative_to(built_site).as_posix()
        ids = [str(tag["id"]) for tag in soup(page).find_all(id=True)]
        problems += [f"{name}: id {i!r} is used twice" for i in set(ids) if ids.count(i) > 1]
        for attribute in ID_REFERENCES:
            for tag in soup(page).find_all(attrs={attribute: True}):
                problems += [
                    f"{name}: {attribute}={i!r} names no element"
                    for i in str(tag[attribute]).split()
                    if i not in ids
                ]
    assert problems == []


def citations(site: Path) -> list[tuple[Path, str]]:
    """(page, href) of every {src} citation link in the book."""
    return [
        (page, str(link["href"]))
        for page in html_pages(site)
        for cite in soup(page).select(".tw-cite")
        for link in cite.find_all("a", href=True)
    ]


def test_every_citation_resolves_to_a_bibliography_entry(built_site: Path) -> None:
    found = citations(built_site)
    assert found, "the book cites no source"
    entries = ids_in(built_site / SOURCES_PAGE)
    unresolved = []
    for page, href in found:
        target = local_target(built_site, page, href)
        assert target is not None, f"{page}: citation {href} leaves the site"
        path, fragment = target
        if path != (built_site / SOURCES_PAGE).resolve() or fragment not in entries:
            unresolved.append(f"{page.relative_to(built_site)}: {href}")
    assert unresolved == []
    unknown = [page for page in html_pages(built_site) if soup(page).select(".tw-cite-unknown")]
    assert unknown == []


def test_every_bibliography_entry_is_cited_in_the_book_text(built_site: Path) -> None:
    sources_page = (built_site / SOURCES_PAGE).resolve()
    cited = set()
    for page, href in citations(built_site):
        target = local_target(built_site, page, href)
        if page.resolve() != sources_page and target is not None:
            cited.add(target[1])
    entries = {f"src-{source.id}" for source in telework.load_guide().sources}
    assert entries <= ids_in(sources_page)
    assert sorted(entries - cited) == []


def test_how_the_planner_decides_lists_every_question_and_item(built_site: Path) -> None:
    page = soup(built_site / DECISIONS_PAGE)
    guide = telework.load_guide()
    wrong = []
    for question in guide.questions:
        entry = page.find(id=f"question-{question.id}")
        if not isinstance(entry, Tag) or plain(question.prompt) not in plain(entry.get_text()):
            wrong.append(f"question {question.id}")
    for item in guide.items:
        entry = page.find(id=f"item-{item.id}")
        if not isinstance(entry, Tag):
            wrong.append(f"item {item.id}: no anchor item-{item.id}")
            continue
        text = plain(entry.get_text())
        for part in (item.text, item.why, telework.describe(item.when, guide)):
            if plain(part) not in text:
                wrong.append(f"item {item.id}: missing {part!r}")
        explained = entry.find("a", href=re.compile(re.escape(item.href())))
        if explained is None:
            wrong.append(f"item {item.id}: no link to {item.link}")
    assert wrong == []


def test_chapters_list_the_checklist_items_they_explain(built_site: Path) -> None:
    guide = telework.load_guide()
    decisions = (built_site / DECISIONS_PAGE).resolve()
    for docname in sorted({item.link.partition("#")[0] for item in guide.items}):
        page = built_site / f"{docname}.html"
        listed = set()
        for link in soup(page).select(".tw-planner-items a[href]"):
            target = local_target(built_site, page, str(link["href"]))
            if target is not None and target[0] == decisions:
                listed.add(target[1])
        expected = {f"item-{i.id}" for i in guide.items if i.link.startswith(f"{docname}#")}
        assert listed == expected, docname


def notebook_pages(site: Path) -> list[Path]:
    """The built page of each of the book's notebooks."""
    notebooks = [n for n in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in n.parts]
    assert notebooks, "the book has no notebooks"
    return sorted(site / n.relative_to(DOCS).with_suffix(".html") for n in notebooks)


def test_notebook_pages_offer_their_notebook_for_download(built_site: Path) -> None:
    for page in notebook_pages(built_site):
        buttons = soup(page).select("a.btn-download-source-button[href]")
        targets = [local_target(built_site, page, str(b["href"])) for b in buttons]
        downloads = [t[0] for t in targets if t is not None and t[0].suffix == ".ipynb"]
        assert downloads, f"{page.name} has no notebook download"
        assert all(path.is_file() for path in downloads)


def test_notebook_pages_style_checklists_without_widget_state_or_planner_scripts(
    built_site: Path,
) -> None:
    styled = []
    for page in notebook_pages(built_site):
        tree = soup(page)
        scripts = tree.find_all("script")
        assert not [s for s in scripts if s.get("type") == WIDGET_STATE], page.name
        # No planner script, and so no Pyodide: notebook outputs are static.
        assert not [s for s in scripts if "planner/" in str(s.get("src", ""))], page.name
        if tree.select(".tw-checklist"):
            sheets = [str(link["href"]) for link in tree.find_all("link", rel="stylesheet")]
            planner_css = [h for h in sheets if urlsplit(h).path.endswith("planner/planner.css")]
            assert planner_css, f"{page.name} shows a checklist without the planner's CSS"
            target = local_target(built_site, page, urlsplit(planner_css[0]).path)
            assert target is not None and target[0].is_file()
            styled.append(page.name)
    assert "build-your-plan.html" in styled


# What the browser would fetch: (tag, attribute) pairs holding URLs of resources.
FETCHED = [
    ("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
    ("source", "src"), ("source", "srcset"), ("iframe", "src"), ("embed", "src"),
    ("object", "data"), ("video", "src"), ("video", "poster"), ("audio", "src"),
    ("track", "src"), ("input", "src"),
]  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)


def leaves_the_site(url: str) -> bool:
    """True for absolute URLs (a scheme or //) other than inline data."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return scheme is not None and scheme.group(1).lower() not in ("data", "blob")


def css_urls(css: str) -> list[str]:
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(css)]


def test_external_url_detection_spots_what_a_browser_would_fetch() -> None:
    css = "a{background:url(https://x.test/i.png)} @import '//cdn.test/a.css'; b{x:url(i.png)}"
    assert [u for u in css_urls(css) if leaves_the_site(u)] == [
        "https://x.test/i.png",
        "//cdn.test/a.css",
    ]
    assert not leaves_the_site("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert not leaves_the_site("../_static/book.css")


def test_no_page_or_stylesheet_fetches_anything_from_another_origin(built_site: Path) -> None:
    external = []
    for page in html_pages(built_site):
        where = page.relative_to(built_site)
        tree = soup(page)
        for tag_name, attribute in FETCHED:
            for tag in tree.find_all(tag_name, attrs={attribute: True}):
                for url in str(tag[attribute]).split(","):
                    if leaves_the_site(url.strip().split(" ")[0]):
                        external.append(f"{where}: <{tag_name} {attribute}={tag[attribute]!r}>")
        inline_css = [str(tag["style"]) for tag in tree.find_all(style=True)]
        inline_css += [style.get_text() for style in tree.find_all("style")]
        for css in inline_css:
            external += [f"{where}: {u}" for u in css_urls(css) if leaves_the_site(u)]
    for sheet in sorted(built_site.rglob("*.css")):
        css = sheet.read_text(encoding="utf-8", errors="replace")
        external += [
            f"{sheet.relative_to(built_site)}: {u}" for u in css_urls(css) if leaves_the_site(u)
        ]
    assert external == []


def test_no_page_shows_unrendered_myst_syntax(built_site: Path) -> None:
    leftovers = []
    for page in html_pages(built_site):
        text = soup(page).get_text()
        for marker in (":::{", "```{", "{src}`"):
            if marker in text:
                leftovers.append(f"{page.relative_to(built_site)}: {marker}")
    assert leftovers == []


def test_search_page_and_index_find_words_of_the_book(built_site: Path) -> None:
    assert (built_site / "search.html").is_file()
    index_js = (built_site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(index_js[index_js.index("(") + 1 : index_js.rindex(")")])
    stem = SearchEnglish({}).stem
    decisions = index["docnames"].index("reference/how-the-planner-decides")
    first_item_words = re.findall(r"[a-z]{6,}", telework.load_guide().items[0].text.lower())
    for word in ("telework", *first_item_words[:3]):
        found = index["terms"].get(stem(word), [])
        found = found if isinstance(found, list) else [found]
        assert found, f"{word!r} is not in the search index"
    found_in = index["terms"].get(stem(first_item_words[0]), [])
    assert decisions in (found_in if isinstance(found_in, list) else [found_in])


def descriptions(page: Path) -> list[str]:
    metas = soup(page).find_all("meta", attrs={"name": "description"})
    return [str(meta.get("content", "")) for meta in metas]


def test_every_page_has_one_short_meta_description(built_site: Path) -> None:
    wrong = []
    for page in html_pages(built_site):
        if "_static" in page.relative_to(built_site).parts:
            continue  # the theme's template fragments, not pages
        found = descriptions(page)
        if len(found) != 1 or not 20 <= len(found[0]) <= 160 or "<" in found[0]:
            wrong.append(f"{page.relative_to(built_site)}: {found}")
    assert wrong == []


def test_meta_descriptions_are_each_pages_opening_sentences(built_site: Path) -> None:
    # The landing page's first two sentences fit in 160 characters; the third does not.
    assert descriptions(built_site / "index.html") == [
        "Working from home is rarely handed out. Usually you have to ask for it, and how and "
        "when you ask makes a real difference to the answer."
    ]
    # A notebook's opening note on how to run it is an aside, not its description.
    notebook = descriptions(built_site / "notebooks/build-your-plan.html")[0]
    assert notebook.startswith("The planner turns your answers into a checklist.")
    pages = book_pages(built_site)
    assert len({descriptions(page)[0] for page in pages}) == len(pages)


def test_no_two_pages_share_a_title(built_site: Path) -> None:
    titles = [title(page) for page in book_pages(built_site)]
    assert sorted(t for t in titles if titles.count(t) > 1) == []
    assert title(built_site / "tools/planner.html") == "Build your plan"
    assert title(built_site / "notebooks/build-your-plan.html") == "Plan in a notebook"


def test_the_landing_page_starts_with_a_link_to_the_planner(built_site: Path) -> None:
    page = built_site / "index.html"
    article = soup(page).select_one("article")
    assert article is not None
    first_link = article.select_one("a[href]:not(.headerlink)")
    assert first_link is not None and plain(first_link.get_text()) == "Build your plan"
    target = local_target(built_site, page, str(first_link["href"]))
    assert target is not None and target[0] == (built_site / "tools/planner.html").resolve()


def test_chapters_hold_widgets_each_asking_their_own_question(built_site: Path) -> None:
    chapters = [p for p in book_pages(built_site) if p.parent.name not in {"tools", "reference"}]
    widgets = {
        page.relative_to(built_site).as_posix(): plain(widget.get_text())
        for page in chapters
        for widget in soup(page).select(".tw-planner .tw-planner-title")
    }
    assert len(widgets) >= 5, widgets
    assert len(set(widgets.values())) == len(widgets), widgets


def test_the_sidebar_has_no_second_search_field(built_site: Path) -> None:
    # The header's search button is the one search control (the browser sweep counts the
    # visible ones, and axe checks that the sidebar's items are in landmarks).
    for page in (built_site / "index.html", built_site / "reference/sources.html"):
        sidebar = soup(page).select_one(".bd-sidebar-primary")
        assert sidebar is not None
        assert sidebar.select(".search-button-field") == []
        assert soup(page).select(".article-header-buttons .search-button")


def test_inventory_lists_every_source_and_checklist_item(built_site: Path) -> None:
    with (built_site / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    guide = telework.load_guide()
    sources = inventory["telework:source"]
    items = inventory["telework:item"]
    assert sorted(sources) == sorted(source.id for source in guide.sources)
    assert sorted(items) == sorted(item.id for item in guide.items)
    assert sources["recruiter-qa"][2] == f"{SOURCES_PAGE}#src-recruiter-qa"
    assert items["keep-log"][2] == f"{DECISIONS_PAGE}#item-keep-log"


def test_unknown_source_id_fails_the_build_naming_the_allowed_ids(
    build_scratch_book: Callable[[Mapping[str, str]], CompletedProcess[str]],
) -> None:
    result = build_scratch_book({"index": "# Scratch\n\nA claim {src}`recruiter-qa,no-such-id`.\n"})
    assert result.returncode != 0
    warning = next(line for line in result.stderr.splitlines() if "no-such-id" in line)
    assert "index.md:3" in warning
    for source in telework.load_guide().sources:
        assert source.id in warning


def test_item_link_to_a_missing_label_fails_the_build_naming_item_and_target(
    build_scratch_book: Callable[[Mapping[str, str]], CompletedProcess[str]],
) -> None:
    result = build_scratch_book({"index": "# Scratch\n\nNothing here.\n"})
    assert result.returncode != 0
    item = telework.load_guide().items[0]
    assert f"checklist item {item.id!r} links to missing target {item.link!r}" in result.stderr


def test_citation_without_a_bibliography_fails_the_build_naming_the_directive(
    build_scratch_book: Callable[[Mapping[str, str]], CompletedProcess[str]],
) -> None:
    result = build_scratch_book({"index": "# Scratch\n\nA claim {src}`recruiter-qa`.\n"})
    assert result.returncode != 0
    assert (
        "cannot link source 'recruiter-qa': no page holds the telework-sources directive"
        in result.stderr
    )


def test_bibliography_on_two_pages_not_where_checklists_link_fails_the_build(
    build_scratch_book: Callable[[Mapping[str, str]], CompletedProcess[str]],
) -> None:
    bibliography = "# Sources\n\n```{telework-sources}\n```\n"
    result = build_scratch_book({"index": "# Scratch\n", "one": bibliography, "two": bibliography})
    assert result.returncode != 0
    assert "the telework-sources directive appears on several pages (one, two)" in result.stderr
    # Rendered checklists link sources to reference/sources.html#src-<id>.
    elsewhere = re.compile(
        r"the telework-sources directive is on (one|two), but the planner's checklists link "
        r"sources to 'reference/sources'"
    )
    assert elsewhere.search(result.stderr)
