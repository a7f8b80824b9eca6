import json
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser

import pytest

import telework
from telework.conditions import ALWAYS
from telework.errors import ArgumentError
from telework.model import (
    Checklist,
    ChecklistPhase,
    ChecklistSection,
    Guide,
    Item,
    Option,
    Question,
    Source,
)
from telework.proposal.model import Bullet, BulletList, Paragraph, ProposalSection
from telework.render.markdown import escape_markdown
from telework.render.proposal import (
    render_proposal_html,
    render_proposal_markdown,
    render_proposal_text,
)

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


# --- every renderer's whole output for a small plan built by hand ---------------------

ARTICLE_A = Source("a", "Article A", "A first article", "article")
ARTICLE_B = Source("b", "Article B", "A second article", "article")
WHEN = Question("when", "When would you start?", "", (Option("soon", "Soon"),), ALWAYS)
WHERE = Question("where", "Where would you work?", "", (Option("home", "At home"),), ALWAYS)
AGREE = Item(
    "agree",
    "after-yes",
    "Agree the details & *dates*",
    "So both <sides> remember.",
    (ARTICLE_A, ARTICLE_B),
    "conversation/answers#yes",
    ALWAYS,
)
WRITE = Item(
    "write",
    "after-yes",
    "Write it down",
    "Memories fade.",
    (ARTICLE_A,),
    "conversation/answers#write",
    ALWAYS,
)
RESULTS = Item(
    "results",
    "pitch",
    "1. Lead with results",
    "Managers weigh output.",
    (),
    "conversation/pitch#results",
    ALWAYS,
)
SMALL_GUIDE = Guide((WHERE, WHEN), (), (), (AGREE, WRITE, RESULTS), (ARTICLE_A, ARTICLE_B))
AFTER_YES = ChecklistSection("after-yes", "After a yes", "after", (AGREE, WRITE))
PITCH = ChecklistSection("pitch", "How to put it", "ask", (RESULTS,))
TWO_PHASES = Checklist(
    {"where": "home"},
    (WHEN,),
    (
        ChecklistPhase("after", "After their answer", (AFTER_YES,)),
        ChecklistPhase("ask", "When you ask", (PITCH,)),
    ),
    ("when",),
    SMALL_GUIDE,
)
ONE_PHASE = replace(TWO_PHASES, phases=(ChecklistPhase("ask", "When you ask", (PITCH,)),))
NOTHING = replace(TWO_PHASES, phases=(), refine=())
EMPTY_TEXT = "Nothing here yet: answer the questions above to see your advice."


def test_text_of_a_small_plan_in_full() -> None:
    assert telework.render_text(TWO_PHASES) == (
        "Your remote-work plan\n"
        "=====================\n"
        "\n"
        "After their answer — your next steps\n"
        "====================================\n"
        "\n"
        "After a yes\n"
        "-----------\n"
        "[ ] Agree the details & *dates*\n"
        "    Why: So both <sides> remember.\n"
        "    Sources: Article A; Article B.\n"
        "    Book: conversation/answers.html#yes\n"
        "[ ] Write it down\n"
        "    Why: Memories fade.\n"
        "    Sources: Article A.\n"
        "    Book: conversation/answers.html#write\n"
        "\n"
        "When you ask\n"
        "============\n"
        "\n"
        "How to put it\n"
        "-------------\n"
        "[ ] 1. Lead with results\n"
        "    Why: Managers weigh output.\n"
        "    Sources: the book's own suggestion.\n"
        "    Book: conversation/pitch.html#results\n"
        "\n"
        "Answer these to refine your plan:\n"
        "  - When would you start?\n"
    )
    assert telework.render_text(NOTHING) == (
        f"Your remote-work plan\n=====================\n\n{EMPTY_TEXT}\n"
    )


def test_text_wraps_under_its_marks_at_88_columns_and_never_inside_a_hyphenated_word() -> None:
    why = "x" * 79  # with "    Why: " in front, 88 columns
    item = replace(RESULTS, text="Try an all-round day", why=why)
    checklist = replace(
        ONE_PHASE,
        phases=(ChecklistPhase("ask", "When you ask", (replace(PITCH, items=(item,)),)),),
        refine=(),
    )
    assert f"\n    Why: {why}\n" in telework.render_text(checklist), "88 columns fit"
    longer = replace(
        checklist,
        phases=(
            ChecklistPhase(
                "ask", "When you ask", (replace(PITCH, items=(replace(item, why=why + "x"),)),)
            ),
        ),
    )
    assert f"\n    Why:\n    {why}x\n" in telework.render_text(longer), "89 do not"
    lines = telework.render_text(checklist, width=15).splitlines()
    start = lines.index("[ ] Try an")
    assert lines[start : start + 3] == ["[ ] Try an", "    all-round", "    day"]
    prompts = telework.render_text(TWO_PHASES, width=16).splitlines()
    assert prompts[-3:] == ["Answer these to refine your plan:", "  - When would", "    you start?"]


def test_markdown_of_a_small_plan_in_full() -> None:
    sources = (
        "[Article A](../reference/sources.html#src-a), [Article B](../reference/sources.html#src-b)"
    )
    assert telework.render_markdown(TWO_PHASES, link_base="../") == (
        "# Your remote-work plan\n"
        "\n"
        "## After their answer — your next steps\n"
        "\n"
        "### After a yes\n"
        "\n"
        "- [ ] Agree the details & \\*dates\\*\n"
        "  *Why:* So both \\<sides\\> remember.\n"
        f"  Sources: {sources} · [Read more in the book](../conversation/answers.html#yes)\n"
        "- [ ] Write it down\n"
        "  *Why:* Memories fade.\n"
        "  Sources: [Article A](../reference/sources.html#src-a)"
        " · [Read more in the book](../conversation/answers.html#write)\n"
        "\n"
        "## When you ask\n"
        "\n"
        "### How to put it\n"
        "\n"
        "- [ ] 1. Lead with results\n"
        "  *Why:* Managers weigh output.\n"
        "  Sources: the book's own suggestion"
        " · [Read more in the book](../conversation/pitch.html#results)\n"
        "\n"
        "Answer these to refine your plan:\n"
        "\n"
        "- When would you start?\n"
    )
    assert telework.render_markdown(replace(ONE_PHASE, refine=()), link_base="../") == (
        "# Your remote-work plan\n"
        "\n"
        "## How to put it\n"
        "\n"
        "- [ ] 1. Lead with results\n"
        "  *Why:* Managers weigh output.\n"
        "  Sources: the book's own suggestion"
        " · [Read more in the book](../conversation/pitch.html#results)\n"
    )
    assert telework.render_markdown(NOTHING) == f"# Your remote-work plan\n\n{EMPTY_TEXT}\n"


def test_html_of_a_small_plan_in_full() -> None:
    def item(id_: str, text: str, why: str, sources: str, link: str) -> str:
        return (
            f'<li class="tw-item" data-item="{id_}"><label>'
            f'<input type="checkbox" class="tw-tick" data-item="{id_}"> '
            f'<span class="tw-text">{text}</span></label>'
            f'<details class="tw-why"><summary>Why?</summary><p>{why}</p>'
            f'<p class="tw-sources">Sources: {sources}</p>'
            f'<p><a class="tw-link" href="../{link}">Read more in the book</a></p>'
            "</details></li>"
        )

    a = '<a href="../reference/sources.html#src-a">Article A</a>'
    b = '<a href="../reference/sources.html#src-b">Article B</a>'
    results = item(
        "results",
        "1. Lead with results",
        "Managers weigh output.",
        "the book&#x27;s own suggestion",
        "conversation/pitch.html#results",
    )
    assert telework.render_html(TWO_PHASES, link_base="../") == (
        '<div class="tw-checklist">'
        '<section class="tw-phase" data-phase="after">'
        "<h3>After their answer — your next steps</h3>"
        '<section class="tw-section" data-section="after-yes" data-phase="after">'
        '<h4>After a yes</h4><ul class="tw-items">'
        + item(
            "agree",
            "Agree the details &amp; *dates*",
            "So both &lt;sides&gt; remember.",
            f"{a}, {b}",
            "conversation/answers.html#yes",
        )
        + item("write", "Write it down", "Memories fade.", a, "conversation/answers.html#write")
        + "</ul></section></section>"
        '<section class="tw-phase" data-phase="ask"><h3>When you ask</h3>'
        '<section class="tw-section" data-section="pitch" data-phase="ask">'
        f'<h4>How to put it</h4><ul class="tw-items">{results}</ul></section></section>'
        '<div class="tw-refine"><p>Answer these to refine your plan:</p>'
        "<ul><li>When would you start?</li></ul></div>"
        "</div>"
    )
    assert telework.render_html(replace(ONE_PHASE, refine=()), link_base="../") == (
        '<div class="tw-checklist">'
        '<section class="tw-section" data-section="pitch" data-phase="ask">'
        f'<h3>How to put it</h3><ul class="tw-items">{results}</ul></section>'
        "</div>"
    )
    assert telework.render_html(NOTHING) == (
        f'<div class="tw-checklist"><p class="tw-empty">{EMPTY_TEXT}</p></div>'
    )
    assert telework.render_html(replace(NOTHING, refine=("when", "where"))).endswith(
        "<ul><li>When would you start?</li><li>Where would you work?</li></ul></div></div>"
    )
    assert '<a class="tw-link" href="conversation/pitch.html#results">' in telework.render_html(
        ONE_PHASE
    ), "links are relative to the root unless told otherwise"


def test_html_headings_stay_between_h1_and_h6() -> None:
    assert "<h1>How to put it</h1>" in telework.render_html(ONE_PHASE, heading_level=1)
    deep = telework.render_html(TWO_PHASES, heading_level=6)
    assert "<h6>When you ask</h6>" in deep and "<h6>How to put it</h6>" in deep
    assert "<h4>How to put it</h4>" in telework.render_html(TWO_PHASES)


def test_json_of_a_small_plan() -> None:
    text = telework.render_json(TWO_PHASES, link_base="../")
    assert text.startswith(
        '{\n  "answers": {\n    "where": "home"\n  },\n  "asked": [\n    "when"\n  ],\n'
    )
    assert (
        '\n  "phases": [\n    {\n      "id": "after",\n      "title": "After their answer",\n'
        '      "heading": "After their answer — your next steps",\n'
        '      "sections": [\n        "after-yes"\n      ]\n    },\n'
    ) in text
    assert text.endswith('\n  "refine": [\n    "when"\n  ]\n}\n')
    data = json.loads(text)
    assert [item["link"] for section in data["sections"] for item in section["items"]] == [
        "../conversation/answers.html#yes",
        "../conversation/answers.html#write",
        "../conversation/pitch.html#results",
    ]
    assert data["sections"][0]["items"][0]["sources"] == ["a", "b"]
    plain = telework.checklist_to_dict(TWO_PHASES)
    assert plain["sections"][1]["items"][0]["link"] == "conversation/pitch.html#results"


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


# --- the proposal's renderers -------------------------------------------------------------

PROPOSAL = replace(
    telework.draft_proposal({}, {"name": "Sam"}),
    title="A trial of home days",
    sections=(
        ProposalSection("greeting", "", (Paragraph("Dear Alex,"),)),
        ProposalSection(
            "plan",
            "What I propose",
            (
                Paragraph("Two days a week at home, from 1 March."),
                BulletList((Bullet("Mondays and Thursdays", "Days"), Bullet("Same hours as now"))),
            ),
        ),
        ProposalSection("closing", "", (Paragraph("Thanks, Sam"),)),
    ),
)


def test_proposal_as_html_in_full() -> None:
    assert render_proposal_html(PROPOSAL) == (
        '<article class="tw-proposal"><h2 class="tw-proposal-title">A trial of home days</h2>'
        '<section class="tw-proposal-part" data-section="greeting"><p>Dear Alex,</p></section>'
        '<section class="tw-proposal-part" data-section="plan"><h3>What I propose</h3>'
        "<p>Two days a week at home, from 1 March.</p>"
        "<ul><li><strong>Days:</strong> Mondays and Thursdays</li><li>Same hours as now</li></ul>"
        "</section>"
        '<section class="tw-proposal-part" data-section="closing"><p>Thanks, Sam</p></section>'
        "</article>"
    )
    top = render_proposal_html(PROPOSAL, heading_level=1)
    assert '<h1 class="tw-proposal-title">' in top and "<h2>What I propose</h2>" in top
    deep = render_proposal_html(PROPOSAL, heading_level=6)
    assert '<h5 class="tw-proposal-title">' in deep and "<h6>What I propose</h6>" in deep


def test_proposal_as_markdown_in_full() -> None:
    assert render_proposal_markdown(PROPOSAL) == (
        "# A trial of home days\n"
        "\n"
        "Dear Alex,\n"
        "\n"
        "## What I propose\n"
        "\n"
        "Two days a week at home, from 1 March.\n"
        "\n"
        "- **Days:** Mondays and Thursdays\n"
        "- Same hours as now\n"
        "\n"
        "Thanks, Sam\n"
    )


def test_proposal_as_text_in_full_and_wrapped() -> None:
    assert render_proposal_text(PROPOSAL) == (
        "A trial of home days\n"
        "====================\n"
        "\n"
        "Dear Alex,\n"
        "\n"
        "What I propose\n"
        "--------------\n"
        "Two days a week at home, from 1 March.\n"
        "\n"
        "- Days: Mondays and Thursdays\n"
        "- Same hours as now\n"
        "\n"
        "Thanks, Sam\n"
    )
    blocks = (
        Paragraph("y" * 79),
        Paragraph("an all-round day"),
        BulletList((Bullet(""), Bullet("a very long bullet", "Lead"))),
    )
    odd = replace(PROPOSAL, sections=(ProposalSection("plan", "", blocks),))
    assert render_proposal_text(odd).splitlines()[3:6] == ["y" * 78, "y", ""], "78 columns"
    narrow = render_proposal_text(odd, width=10).splitlines()
    assert narrow[narrow.index("an") - 1 :] == [
        "",
        "an",
        "all-round",
        "day",
        "",
        "-",
        "- Lead: a",
        "  very",
        "  long",
        "  bullet",
    ]


@pytest.mark.parametrize(
    ("render", "arguments", "named"),
    [
        (telework.render_text, {"checklist": "plan", "width": 88}, "checklist"),
        (telework.render_text, {"checklist": TWO_PHASES, "width": "wide"}, "width"),
        (telework.render_markdown, {"checklist": TWO_PHASES, "link_base": 3}, "link_base"),
        (telework.render_markdown, {"checklist": TWO_PHASES, "title": None}, "title"),
        (telework.render_html, {"checklist": TWO_PHASES, "link_base": 3}, "link_base"),
        (telework.render_html, {"checklist": TWO_PHASES, "heading_level": 0}, "heading_level"),
        (telework.render_html, {"checklist": "plan", "link_base": ""}, "checklist"),
        (telework.render_json, {"checklist": TWO_PHASES, "link_base": 3}, "link_base"),
        (telework.checklist_to_dict, {"checklist": TWO_PHASES, "link_base": 3}, "link_base"),
        (telework.checklist_to_dict, {"checklist": {}}, "checklist"),
        (render_proposal_text, {"proposal": "plan"}, "proposal"),
        (render_proposal_text, {"proposal": PROPOSAL, "width": 0}, "width"),
        (render_proposal_markdown, {"proposal": TWO_PHASES}, "proposal"),
        (render_proposal_html, {"proposal": PROPOSAL, "heading_level": "2"}, "heading_level"),
    ],
)
def test_each_renderer_names_the_argument_it_cannot_use(
    render: Callable[..., object], arguments: dict[str, object], named: str
) -> None:
    with pytest.raises(ArgumentError, match=f"^{named} must be "):
        render(**arguments)
