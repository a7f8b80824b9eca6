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
    assert links[0] == "../conversation/three-answers.html#maybe-trial", "the next step's link"
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
    assert (
        "\n## After their answer — your next steps\n\n### After a maybe\n\n- [ ] Suggest a short"
        in markdown
    )
    assert "\n## When you ask\n\n### How to put it\n" in markdown
    assert markdown.index("## After their answer") < markdown.index("## When you ask")
    assert "[Persuade Your Employer](reference/sources.html#src-persuade-employer)" in markdown


def test_escape_markdown_neutralises_links_and_emphasis() -> None:
    assert escape_markdown("[a](b) *c* _d_ `e`") == "\\[a\\](b) \\*c\\* \\_d\\_ \\`e\\`"


def test_text_wraps_and_keeps_book_links_whole() -> None:
    text = telework.render_text(telework.plan(ANSWERS), width=60)
    assert all(len(line) <= 60 or "Book: " in line for line in text.splitlines())
    assert "    Book: conversation/three-answers.html#maybe-trial" in text


def test_json_has_the_documented_shape() -> None:
    data = json.loads(telework.render_json(telework.plan(ANSWERS)))
    assert set(data) == {"answers", "asked", "phases", "sections", "refine"}
    assert data["phases"][0] == {
        "id": "after",
        "title": "After their answer",
        "heading": "After their answer — your next steps",
        "sections": ["after-maybe"],
    }
    assert [phase["id"] for phase in data["phases"]] == ["after", "ask", "mind"]
    section = data["sections"][0]
    assert set(section) == {"id", "title", "phase", "items"}
    assert (section["id"], section["phase"]) == ("after-maybe", "after")
    assert set(section["items"][0]) == {"id", "text", "why", "sources", "link", "tools"}
    assert data["answers"] == ANSWERS
    assert data["asked"][:3] == ["situation", "trust", "job_fit"] and "maybe_offer" in data["asked"]


def test_an_empty_section_selection_says_what_to_do() -> None:
    checklist = telework.plan({}, sections=["timing"])
    assert "tw-empty" in telework.render_html(checklist)
    assert "answer the questions" in telework.render_markdown(checklist)
    assert "answer the questions" in telework.render_text(checklist)


def test_html_heads_each_phase_then_its_sections_one_level_below() -> None:
    html = telework.render_html(telework.plan(ANSWERS), heading_level=3)
    assert (
        '<section class="tw-phase" data-phase="after"><h3>After their answer — your next steps</h3>'
        in html
    )
    section = '<section class="tw-section" data-section="after-maybe" data-phase="after">'
    assert f"{section}<h4>After a maybe</h4>" in html
    assert "<h3>When you ask</h3>" in html and "<h3>Keep in mind</h3>" in html


def test_a_plan_within_one_phase_has_no_phase_headings() -> None:
    checklist = telework.plan({"situation": "interviewing"}, sections=["timing", "prepare"])
    html = telework.render_html(checklist, heading_level=4)
    assert "tw-phase" not in html and "next steps" not in html
    assert '<section class="tw-section" data-section="prepare" data-phase="now"><h4>' in html


def test_the_books_own_suggestions_say_so_instead_of_citing_an_article() -> None:
    checklist = telework.plan({"situation": "current", "stage": "yes"})
    html = telework.render_html(checklist)
    confirm = html[html.index('data-item="yes-confirm-terms"') :]
    assert confirm.index("Sources: the book&#x27;s own suggestion") < confirm.index("</li>")
    assert "Sources: the book's own suggestion · [Read more" in telework.render_markdown(checklist)
    assert "Sources: the book's own suggestion." in telework.render_text(checklist)
    data = json.loads(telework.render_json(checklist))
    assert data["sections"][0]["items"][0] == {
        "id": "yes-confirm-terms",
        "text": telework.load_guide().item("yes-confirm-terms").text,
        "why": telework.load_guide().item("yes-confirm-terms").why,
        "sources": [],
        "link": "conversation/three-answers.html#answer-yes",
        "tools": [
            {
                "label": "Rehearse your answer to “The trial is over. Show me how it went.”",
                "link": "tools/rehearse.html#rehearse-trial-results",
            },
            {
                "label": "Rehearse your answer to “Should we keep going, and on what terms?”",
                "link": "tools/rehearse.html#rehearse-keep-going",
            },
        ],
    }


def test_json_is_indented_and_keeps_non_ascii_characters() -> None:
    checklist = telework.plan(ANSWERS)
    text = telework.render_json(checklist)
    assert text.startswith('{\n  "answers": {\n    "situation": "current",')
    assert '"heading": "After their answer — your next steps"' in text
    assert text.endswith("}\n")
    item = telework.checklist_to_dict(checklist)["sections"][0]["items"][0]
    assert item["link"] == "conversation/three-answers.html#maybe-trial", "relative to the root"


def test_text_names_each_items_sources_under_a_title() -> None:
    text = telework.render_text(telework.plan(ANSWERS))
    assert text.startswith("Your remote-work plan\n=====================\n\nAfter their answer")
    trial = text[text.index("[ ] Suggest a short trial") :]
    assert trial.index(
        "Sources: Persuade Your Employer; Negotiate Working from Home."
    ) < trial.index("[ ] Ask what arrangement")


def test_items_link_to_the_books_tools_that_help_with_them() -> None:
    checklist = telework.plan({"situation": "current", "stage": "no"})
    html = telework.render_html(checklist, link_base="../")
    revisit = html[html.index('data-item="no-revisit"') :]
    revisit = revisit[: revisit.index("</li>")]
    assert (
        '<a class="tw-tool" href="../tools/trial.html#trial-tracker">'
        "Keep it in the trial tracker</a>" in revisit
    )
    assert 'href="../tools/rehearse.html#rehearse-what-changed">Rehearse your answer' in revisit
    markdown = telework.render_markdown(checklist)
    assert "  [Keep it in the trial tracker](tools/trial.html#trial-tracker)\n" in markdown
    ask = html[html.index('data-item="no-ask-conditions"') :]
    assert "tw-tool" not in ask[: ask.index("</li>")], "no tool for this item"
