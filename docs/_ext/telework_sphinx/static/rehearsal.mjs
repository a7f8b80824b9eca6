// The rehearsal widget's DOM wiring: one question card at a time, practice mode, the sheet.
//
// The page arrives with the sheet of every question rendered at build time. This script
// reads the planner answers and the reader's replies from this browser's storage, starts
// the planner's Python worker and asks telework.rehearse.respond for this reader's
// questions (as card data) and their prep sheet. Cards are built with DOM calls, so the
// reader's text is only ever set as text; the one HTML inserted is the sheet from the
// library's renderer, which escapes everything. Replies are kept in localStorage only:
// never in a URL, never sent anywhere.
import { download, printOnly } from "./planner/page-actions.mjs";
import { ANSWERS_KEY, parseStored, readAnswers } from "./planner/planner-core.mjs";
import { python } from "./planner/python.mjs";
import { store } from "./planner/storage.mjs";
import { ToolState } from "./tool-state.mjs";

export const REPLIES_KEY = "telework-rehearsal-replies";
const TYPING_DELAY_MS = 300;
const PRACTICE_SECONDS = 60;
const MARKDOWN_FILE = "rehearsal.md";

const TEXT = {
  setAside: (problem) =>
    `Your saved answers or replies could not be read (${problem}); they are kept aside, and this page starts afresh.`,
  loading: "Starting the rehearsal…",
  live: "Your questions are ready.",
  failedUpdate: "Could not update your sheet (it will try again on your next change):",
  stored: "your replies",
  keep: "Download the sheet to keep them.",
  forgotten: "Your replies are forgotten: nothing of them is left in this browser.",
  answersNone: "none yet, so only the questions everyone faces are asked.",
  answers: (n) => (n === 1 ? "1 answer." : `${n} answers.`),
  count: (i, n) => `Question ${i} of ${n}`,
  concern: "Their concern:",
  replyLabel: "Your reply",
  elements: "A strong reply… (tick what yours covers)",
  hint: "Hint",
  readMore: "Read more in the book",
  sources: "Sources:",
  previous: "Previous question",
  next: "Next question",
  timeLeft: (s) => `${s} seconds left`,
  timeUp: "Time is up: move on to the next question.",
};

// ---- pure helpers ---------------------------------------------------------------------------

/** The replies worth keeping: {question: {reply, covered}}, with text and element ids only. */
/** Stored text of replies, read: {replies} or {replies: {}, problem}. */
export function readReplies(text) {
  const read = parseStored(text);
  if (read.problem) return { replies: {}, problem: read.problem };
  const value = read.value ?? {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { replies: {}, problem: "it is not a set of replies" };
  }
  return { replies: cleanReplies(value) };
}

/** The well-formed replies of an object read from storage (keys stay data, whatever they are). */
export function cleanReplies(value) {
  const replies = Object.create(null);
  for (const [id, raw] of Object.entries(value)) {
    if (raw === null || typeof raw !== "object") continue;
    const reply = typeof raw.reply === "string" ? raw.reply : "";
    const covered = Array.isArray(raw.covered)
      ? raw.covered.filter((c) => typeof c === "string")
      : [];
    if (reply || covered.length) replies[id] = { reply, covered };
  }
  return replies;
}

/** A shuffled copy of `items` (Fisher–Yates), using `random` in [0, 1). */
export function shuffled(items, random = Math.random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function element(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// ---- the widget ------------------------------------------------------------------------------

class RehearsalWidget {
  constructor(root) {
    this.root = root;
    this.deck = root.querySelector(".tw-rehearsal-deck");
    this.preview = root.querySelector(".tw-rehearsal-preview");
    this.options = root.querySelector(".tw-rehearsal-options");
    this.view = new ToolState(root, { stored: TEXT.stored, keep: TEXT.keep });
    this.summary = root.querySelector(".tw-answers-summary");
    this.sample = this.preview.innerHTML;
    this.linkBase = root.dataset.linkBase ?? "";
    this.replyLimit = Number(root.dataset.replyLimit);
    this.anchorPrefix = root.dataset.anchorPrefix;
    const answers = store.load(ANSWERS_KEY, readAnswers);
    const replies = store.load(REPLIES_KEY, readReplies);
    this.answers = Object.fromEntries(answers.pairs);
    this.replies = replies.replies;
    for (const problem of [answers.problem, replies.problem].filter(Boolean)) {
      this.view.keepNotice(TEXT.setAside(problem));
    }
    this.cards = [];
    this.wanted = null; // the card a link to the page asked for
    this.order = [];
    this.index = 0;
    this.markdown = "";
    this.typing = null;
    this.ticker = null;
  }

  /** Ask Python for this reader's questions and sheet; the first answer deals the cards. */
  async update() {
    const args = [this.answers, this.replies];
    const result = await this.view.ask(
      () => python.call("telework.rehearse", "respond", args, { link_base: this.linkBase }),
      TEXT.failedUpdate,
    );
    if (!result) return; // the sheet and the card shown stay: the next change asks again
    this.preview.innerHTML = result.html; // the library's renderer escapes everything
    this.markdown = result.markdown;
    const count = Object.keys(result.answers).length;
    this.summary.textContent = count ? TEXT.answers(count) : TEXT.answersNone;
    this.view.showNotices(result.notices);
    this.view.set("live", TEXT.live);
    if (!this.cards.length) {
      this.cards = result.questions;
      this.deal(this.wanted);
    }
  }

  /** Put the questions in order (shuffled in practice mode) and show the first one. */
  deal(startAt = null) {
    this.order = this.options.elements.practice.checked ? shuffled(this.cards) : this.cards;
    const start = this.order.findIndex((card) => card.anchor === startAt);
    this.show(Math.max(start, 0), startAt !== null);
  }

  show(index, focus = true) {
    this.index = index;
    const card = this.order[index];
    if (!card) {
      this.deck.replaceChildren();
      return;
    }
    const reply = this.replies[card.id] ?? { reply: "", covered: [] };
    const heading = `${card.anchor}-prompt`;
    const text = element("textarea", {
      id: `${card.anchor}-reply`,
      name: "reply",
      rows: "5",
      maxlength: String(this.replyLimit),
    });
    text.value = reply.reply;
    text.addEventListener("input", () => this.record(card.id));
    const ticks = card.elements.map((part) => {
      const box = element("input", { type: "checkbox", name: "covered", value: part.id });
      box.checked = reply.covered.includes(part.id);
      box.addEventListener("change", () => this.record(card.id));
      return element("label", { class: "tw-option" }, box, " ", element("span", {}, part.text));
    });
    const sources = card.sources.flatMap((source, i) => [
      i ? ", " : " ",
      element("a", { href: source.href }, source.short),
    ]);
    const hint = element(
      "details",
      { class: "tw-card-hint" },
      element("summary", {}, TEXT.hint),
      element(
        "p",
        {},
        `${card.hint} `,
        element("a", { href: card.href }, TEXT.readMore),
        ` · ${TEXT.sources}`,
        ...sources,
      ),
    );
    const nav = element(
      "div",
      { class: "tw-card-nav" },
      this.button("previous", TEXT.previous, index === 0),
      this.button("next", TEXT.next, index === this.order.length - 1),
    );
    const timer = element("p", { class: "tw-card-timer", "aria-live": "polite" });
    const position = TEXT.count(index + 1, this.order.length);
    const legend = element("legend", {}, TEXT.elements);
    const article = element(
      "article",
      { class: "tw-card", id: card.anchor, tabindex: "-1", "aria-labelledby": heading },
      element("p", { class: "tw-card-count" }, `${position} · ${card.moment}`),
      element("h3", { id: heading }, card.prompt),
      element("p", { class: "tw-card-concern" }, `${TEXT.concern} ${card.concern}`),
      element("label", { for: text.id }, TEXT.replyLabel),
      text,
      element("fieldset", { class: "tw-card-elements" }, legend, ...ticks),
      hint,
      timer,
      nav,
    );
    this.deck.replaceChildren(article);
    this.startTimer(timer);
    if (focus) article.focus();
  }

  button(direction, label, disabled) {
    const attrs = { type: "button", class: "tw-button", "data-nav": direction };
    const button = element("button", attrs, label);
    button.disabled = disabled;
    const step = direction === "next" ? 1 : -1;
    button.addEventListener("click", () => this.show(this.index + step));
    return button;
  }

  startTimer(display) {
    clearInterval(this.ticker);
    if (!this.options.elements.timer.checked) return;
    let left = PRACTICE_SECONDS;
    display.textContent = TEXT.timeLeft(left);
    this.ticker = setInterval(() => {
      left -= 1;
      if (left > 0 && left % 10 === 0) display.textContent = TEXT.timeLeft(left);
      if (left <= 0) {
        clearInterval(this.ticker);
        display.textContent = TEXT.timeUp;
        display.classList.add("tw-time-up");
      }
    }, 1000);
  }

  /** Keep the current card's reply and ticks, in this browser only, and refresh the sheet. */
  record(id) {
    const card = this.deck.querySelector(".tw-card");
    const reply = card.querySelector("textarea").value;
    const covered = [...card.querySelectorAll("input[name=covered]:checked")].map((b) => b.value);
    if (reply || covered.length) this.replies[id] = { reply, covered };
    else delete this.replies[id];
    store.write(REPLIES_KEY, this.replies);
    clearTimeout(this.typing);
    this.typing = setTimeout(() => this.update(), TYPING_DELAY_MS);
  }

  /** Python cannot start here: the sheet of every question stays, and a message says so. */
  unavailable() {
    clearInterval(this.ticker);
    this.preview.removeAttribute("aria-busy");
    this.preview.innerHTML = this.sample;
    this.deck.replaceChildren();
    this.view.unavailable();
  }

  async act(action) {
    if (action === "download") {
      download(this.markdown, MARKDOWN_FILE);
    } else if (action === "print") {
      printOnly(this.preview);
    } else if (action === "forget") {
      this.replies = {};
      store.write(REPLIES_KEY, null);
      this.show(this.index, false);
      await this.update();
      this.view.say(TEXT.forgotten);
    }
  }

  init() {
    for (const button of this.root.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    this.options.addEventListener("submit", (event) => event.preventDefault());
    // Without cards yet (Python's first answer failed), a change asks again.
    this.options.addEventListener("change", () => {
      if (this.cards.length) this.deal();
      else this.update();
    });
    const hash = location.hash.slice(1);
    this.wanted = hash.startsWith(this.anchorPrefix) ? hash : null;
    this.view.set("loading", TEXT.loading);
    python.start(this.root.dataset.wheel).then(
      () => this.update(),
      () => this.unavailable(),
    );
  }
}

const root = document.querySelector(".tw-rehearsal-widget");
if (root) new RehearsalWidget(root).init();
