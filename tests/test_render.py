import json
from html.parser import HTMLParser

import telework
from telework.render.markdown import escape_markdown

ANSWERS = {"situation": "current", "stage": "maybe", "maybe_offer": "pay"}


class Collect(HTMLParser):
    """The tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Collect:
    collected = Collect()
    collected.feed(html)
    return collected


def test_html_has_a_tick_box_why_sources_and_book_link_per_item() -> None:
    checklist = telework.plan(ANSWERS)
    html = telework.render_html(checklist, link_base="../")
    tags = parse(html).tags
    items = [a["data-item"] for t, a in tags if t == "li" and a.get("class") == "tw-item"]
    ticks = [a["data-item"] for t, a in tags if t == "input" and a.get("type") == "checkbox"]
    assert items == ticks == list(checklist.item_ids())
    links = [a["href"] for t, a in tags if t == "a" and a.get("class") == "tw-link"]
    assert links[0] == "../realistic/suited-jobs.html#which-jobs-suit"
    assert "../reference/sources.html#src-persuade-employer" in {
        a["href"] for t, a in tags if t == "a"
    }
    assert sum(t == "details" for t, _ in tags) == len(items)


def test_html_lists_the_refining_questions() -> None:
    html = telework.render_html(telework.plan({"situation": "current"}))
    assert '<div class="tw-refine">' in html
    assert "<li>How established are you with your employer?</li>" in html


def test_markdown_is_a_task_list_with_sections_and_sources() -> None:
    markdown = telework.render_markdown(telework.plan(ANSWERS))
    assert markdown.startswith("# Your remote-work plan\n")
    assert "## When they answer" in markdown
    assert "- [ ] Suggest a short trial, even just a week, to see whether it works." in markdown
    assert "[Persuade Your Employer](reference/sources.html#src-persuade-employer)" in markdown


def test_escape_markdown_neutralises_links_and_emphasis() -> None:
    assert escape_markdown("[a](b) *c* _d_ `e`") == "\\[a\\](b) \\*c\\* \\_d\\_ \\`e\\`"


def test_text_wraps_and_keeps_book_links_whole() -> None:
    text = telework.render_text(telework.plan(ANSWERS), width=60)
    assert all(len(line) <= 60 or "Book: " in line for line in text.splitlines())
    assert "    Book: conversation/three-answers.html#maybe-trial" in text


def test_json_has_the_documented_shape() -> None:
    data = json.loads(telework.render_json(telework.plan(ANSWERS)))
    assert set(data) == {"answers", "sections", "refine"}
    section = data["sections"][0]
    assert set(section) == {"id", "title", "items"}
    assert set(section["items"][0]) == {"id", "text", "why", "sources", "link"}
    assert data["answers"] == ANSWERS


def test_an_empty_section_selection_says_what_to_do() -> None:
    checklist = telework.plan({}, sections=["timing"])
    assert "tw-empty" in telework.render_html(checklist)
    assert "answer the questions" in telework.render_markdown(checklist)
    assert "answer the questions" in telework.render_text(checklist)
