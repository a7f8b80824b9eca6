// The planner widgets' DOM wiring: forms, storage, sharing, and the Python worker.
//
// Each .tw-planner section arrives with its form and a default checklist rendered at build
// time; the form works at once (the full planner's steps included) and answers given
// before Python is ready are applied when it is. This script starts Python in a worker (at
// once on the full planner; chapter widgets when scrolled into view or first used), sends
// every change to telework.web.respond and shows what it returns. If Python cannot start,
// the static checklist stays, with one sentence saying so. Nothing from a link or storage
// is ever inserted as HTML: the only HTML inserted is the library renderer's checklist.
//
// The reader's work is never lost: a shared link that differs from their own answers is
// only shown until the reader keeps it, open tabs follow each other's changes through
// the storage event, a browser that will not store is announced, and Reset has Undo.
import { download, printOnly } from "./page-actions.mjs";
import {
  ANSWERS_KEY,
  TICKS_KEY,
  answersForPython,
  decodeFragment,
  encodeFragment,
  exportMarkdown,
  localDate,
  mergeAnswers,
  readAnswers,
  readTicks,
  sameAnswers,
  setTick,
  undoReset,
} from "./planner-core.mjs";
import { python } from "./python.mjs";
import { Steps, answersShown, stopArrowWrap } from "./steps.mjs";
import { store } from "./storage.mjs";
import { WidgetState } from "./widget-state.mjs";

const TEXT = {
  loading: "Starting the live planner…",
  // A share of the runtime's files, which is true whether they travel compressed or not.
  loadingShare: (loaded, total) =>
    `Starting the live planner… ${Math.floor((100 * loaded) / total)}%`,
  count: (n) => (n === 1 ? "1 item in your checklist." : `${n} items in your checklist.`),
  progress: (done, items) => `${done} of ${items} done`,
  bar: (done, items) => `${items} ${items === 1 ? "step" : "steps"} · ${done} done ·`,
  copied: "Link copied: it holds your answers, not your ticks.",
  copyBelow: "Copy the link below: it holds your answers, not your ticks.",
  reset: "Answers and ticks cleared.",
  undo: "Undo",
  undone: "Your answers and ticks are back.",
  undoneWithLater: "Your answers and ticks are back, with the changes made since the reset.",
  failedUpdate: "Could not update the checklist:",
  setAside: (what, problem) =>
    `Your saved ${what} could not be read (${problem}), so the planner starts without ` +
    "them; this browser keeps them aside.",
  badLink: (problem) => `The link's answers could not be read (${problem}), so it was not used.`,
  storageTrouble:
    "This browser is not keeping your answers and ticks (its storage is blocked or full): " +
    "they will be gone when you leave the page. Copy the link or download your plan to keep them.",
  sharedOffer: "This link holds a plan with answers different from the ones you saved.",
  openShared: "Open the shared plan",
  keepMine: "Keep mine",
  sharedShown:
    "You are looking at the shared plan; your own answers are still saved and nothing " +
    "you change here replaces them until you keep this plan.",
  keepShared: "Keep this plan instead of mine",
  backToMine: "Back to my plan",
  notForYou: "None of this chapter's advice applies to your answers.",
  elsewhere:
    "Here is what applies to you from the whole book; each item links to the chapter " +
    "that explains it.",
  elsewhereLink: "Your whole plan, step by step",
  printAnswers: "Your answers:",
  printNoAnswers: "No answers yet: this plan keeps to what applies to everyone.",
};
// Planner widgets (other widgets share the .tw-planner look but not this script).
const PLANNERS = ".tw-planner[data-questions]";
const MARKDOWN_FILE = "telework-plan.md";
const CALENDAR_FILE = "telework-plan-dates.ics";

// ---- stored state shared by every widget (and every page) -------------------------------

const state = {
  // Untrusted (from storage or a link) until Python has cleaned it; then what it returned.
  answers: {},
  ticks: {},
  // What this page found wrong with storage or the link, shown before Python's notices.
  notices: [],
  // A shared link's answers while the reader decides: {answers, shown, mine} (shown: on
  // screen instead of `mine`, the reader's own, which stay saved), else null.
  shared: null,
};

/** Read what is stored under `key`; what cannot be read is set aside, with a notice. */
function readStored(key, read, what) {
  const result = read(store.text(key));
  if (result.problem) {
    store.setAside(key);
    state.notices.push(TEXT.setAside(what, result.problem));
  }
  return result;
}

function savedAnswers() {
  return Object.fromEntries(readAnswers(store.text(ANSWERS_KEY)).pairs);
}

/** Save the answers shown, unless they are a shared plan the reader has not kept. */
function saveAnswers() {
  if (!state.shared?.shown) store.write(ANSWERS_KEY, state.answers);
}

/** The reader's own answers: those in use, or those a shared plan on view stands in for. */
function ownAnswers() {
  return state.shared?.shown ? state.shared.mine : state.answers;
}

/** Move the focus to `element` (made focusable by script if it was not). With `center`, it
 * is scrolled to the middle of the screen first (else only as far as needed). */
function focusOn(element, { center = false } = {}) {
  if (!element) return;
  if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
  if (center) element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: center });
}

// ---- one widget -------------------------------------------------------------------------

class Planner {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".tw-form");
    this.result = root.querySelector(".tw-result");
    this.view = new WidgetState(root);
    this.share = root.querySelector(".tw-share");
    this.feedback = root.querySelector(".tw-feedback");
    this.progress = root.querySelector(".tw-progress");
    this.bar = root.querySelector(".tw-plan-bar-count");
    this.sections = (root.dataset.sections || "").split(/\s+/).filter(Boolean);
    this.linkBase = root.dataset.linkBase || "";
    this.headingLevel = Number(root.dataset.headingLevel) || 3;
    this.steps = this.form.classList.contains("tw-steps") ? new Steps(this.form) : null;
    this.staticChecklist = this.result.innerHTML;
    this.markdown = "";
    this.answered = null; // the answers in use, as Python words them, once it has answered
    this.calendar = "";
    this.calendarButton = root.querySelector("[data-action=calendar]");
  }

  /** What Python needs besides the answers: this widget's view, today's date and the
   * book's root (absolute, for the calendar's links). */
  viewFor(sections) {
    const view = {
      link_base: this.linkBase,
      heading_level: this.headingLevel,
      today: localDate(),
      book_url: new URL(this.linkBase || "./", this.root.dataset.pageUrl || location.href).href,
    };
    if (sections.length) view.sections = sections; // else all of them
    return view;
  }

  /** The plan's .ics file ("" when it has no dates), and its button shown only then. */
  setCalendar(calendar) {
    this.calendar = calendar;
    if (this.calendarButton) this.calendarButton.hidden = !calendar;
  }

  showAnswers(answers) {
    for (const input of this.form.querySelectorAll("input[type=radio]")) {
      const question = input.closest(".tw-question").dataset.question;
      input.checked = input.value === (Object.hasOwn(answers, question) ? answers[question] : "");
    }
  }

  showTicks() {
    const boxes = [...this.result.querySelectorAll("input.tw-tick")];
    for (const box of boxes) box.checked = Object.hasOwn(state.ticks, box.dataset.item);
    const done = boxes.filter((box) => box.checked).length;
    this.progress.querySelector(".tw-progress-text").textContent = TEXT.progress(
      done,
      boxes.length,
    );
    const bar = this.progress.querySelector("progress");
    bar.max = boxes.length;
    bar.value = done;
    if (this.bar) this.bar.textContent = TEXT.bar(done, boxes.length);
  }

  /** Feedback beside the buttons, optionally with one button (e.g. Undo) of its own. */
  tell(message, button = null) {
    this.feedback.replaceChildren(message, ...(button ? [" ", button] : []));
  }

  async update(answers) {
    const latest = this.view.ticket();
    this.result.setAttribute("aria-busy", "true");
    let result;
    try {
      const view = this.viewFor(this.sections);
      result = await python.call("telework.web", "respond", [answersForPython(answers)], view);
    } catch (error) {
      result = null;
      this.view.say(`${TEXT.failedUpdate} ${error.message}`);
    }
    // A chapter with nothing for the reader's answers is no dead end: the advice of the
    // chapter that fits their situation (its note says whom this one is for), else (none
    // fits, or it has nothing either) their whole plan.
    const answered = result && Object.keys(result.answers).length > 0;
    const elsewhere = answered && result.items.length === 0 && this.sections.length > 0;
    let fits = elsewhere ? this.fitsFor(result.answers) : null;
    let other = fits ? await this.planOf(answers, fits.dataset.sections) : null;
    if (other === null) fits = null;
    if (elsewhere && other === null) other = await this.planOf(answers, "");
    if (!latest()) return result; // a newer request is on its way
    this.result.removeAttribute("aria-busy");
    if (result === null) return null;
    const before = new Set(this.itemIds());
    const shown = other ?? result;
    this.result.innerHTML = shown.html; // the library's renderer escapes everything
    for (const note of this.root.querySelectorAll(".tw-fits")) note.hidden = note !== fits;
    if (other && !fits) this.result.prepend(this.elsewhereNote());
    if (this.root.dataset.state === "live") this.markAdded(before);
    this.markdown = shown.markdown;
    this.answered = result.answered;
    this.setCalendar(shown.calendar);
    const applicable = new Set(result.applicable);
    for (const fieldset of this.form.querySelectorAll(".tw-question")) {
      fieldset.hidden = !applicable.has(fieldset.dataset.question);
    }
    this.showAnswers(result.answers);
    this.steps?.refresh();
    this.showTicks();
    this.view.showNotices([...state.notices, ...result.notices]);
    this.view.set("live", TEXT.count(shown.items.length));
    return result;
  }

  /** The build's note on the chapter that fits a reader in the answers' situation, if
   * this chapter is not for them. */
  fitsFor(answers) {
    const situation = CSS.escape(answers.situation ?? "");
    return this.root.querySelector(`.tw-fits[data-situation="${situation}"]`);
  }

  /** Python's plan for `sections` (ids separated by spaces; "": every chapter's), or null
   * when it holds no item either. */
  async planOf(answers, sections) {
    try {
      const view = this.viewFor(sections.split(/\s+/).filter(Boolean));
      const plan = await python.call("telework.web", "respond", [answersForPython(answers)], view);
      return plan.items.length ? plan : null;
    } catch {
      return null; // this chapter's own (empty) checklist says so
    }
  }

  elsewhereNote() {
    const note = document.createElement("p");
    note.className = "tw-elsewhere";
    const link = document.createElement("a");
    link.href = this.root.dataset.plannerPage;
    link.textContent = TEXT.elsewhereLink;
    // Whom the chapter is for, when it is for readers in other situations (the build says).
    const whom = this.root.querySelector(".tw-for-readers")?.textContent ?? TEXT.notForYou;
    note.append(`${whom} ${TEXT.elsewhere} `, link);
    return note;
  }

  itemIds() {
    return [...this.result.querySelectorAll(".tw-item")].map((item) => item.dataset.item);
  }

  /** Mark the items a change has added (the stylesheet highlights them for a moment). */
  markAdded(before) {
    for (const item of this.result.querySelectorAll(".tw-item")) {
      item.classList.toggle("tw-added", !before.has(item.dataset.item));
    }
  }

  fail() {
    this.result.innerHTML = this.staticChecklist;
    this.setCalendar("");
    for (const note of this.root.querySelectorAll(".tw-fits")) note.hidden = true;
    this.showTicks();
    this.view.set("unavailable", "");
    if (location.protocol !== "file:") this.root.querySelector(".tw-from-disk").remove();
    this.root.querySelector(".tw-unavailable").hidden = false;
  }

  /** The answers the reader chose in the build's form before the script wired it (a
   * radio checked that the build did not check). */
  clickedEarly() {
    const chosen = [...this.form.querySelectorAll("input[type=radio]:checked")].filter(
      (input) => !input.defaultChecked,
    );
    return Object.fromEntries(
      chosen.map((input) => [input.closest(".tw-question").dataset.question, input.value]),
    );
  }

  /** The answers in use as [question, answer] text: every question asked, including those
   * this widget does not ask itself, as Python words them once it has answered; until then
   * this widget's own. */
  answerTexts() {
    return (
      this.answered ??
      answersShown(this.form)
        .filter(({ answered }) => answered)
        .map(({ prompt, answer }) => [prompt, answer])
    );
  }

  /** Show the state's answers and ticks before (or without) Python's answer. */
  showState() {
    this.showAnswers(state.answers);
    this.showTicks();
    this.view.showNotices(state.notices);
  }
}

// ---- the page ---------------------------------------------------------------------------

let planners = [];
let config = { start: "visible", wheel: "" };
let live = false;
let starting = false;

async function refreshAll() {
  const sent = state.answers;
  const results = await Promise.all(planners.map((p) => p.update(sent)));
  const first = results.find(Boolean);
  if (first && state.answers === sent) {
    // Keep what Python accepted; what it dropped is explained in the notices.
    state.answers = first.answers;
    saveAnswers();
  }
}

/** Show the state everywhere, and ask Python for the checklists when it is live. */
function showAll() {
  for (const planner of planners) planner.showState();
  if (live) refreshAll();
}

function start() {
  if (starting) return;
  starting = true;
  for (const planner of planners) planner.view.set("loading", TEXT.loading);
  const stopProgress = python.onProgress((loaded, total) => {
    if (!total) return;
    for (const planner of planners) planner.view.say(TEXT.loadingShare(loaded, total));
  });
  python.start(config.wheel).then(
    () => {
      stopProgress();
      live = true;
      // Answers given while Python was starting are in the forms: the latest one counts.
      return refreshAll();
    },
    () => {
      stopProgress(); // the runtime's files may still be arriving: nothing more is said
      planners.forEach((planner) => planner.fail());
    },
  );
}

function onAnswer(planner, event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
  const question = input.closest(".tw-question").dataset.question;
  state.answers = mergeAnswers(state.answers, { [question]: input.value });
  saveAnswers();
  for (const other of planners) if (other !== planner) other.showAnswers(state.answers);
  if (live) refreshAll();
  else start();
}

function onTick(event) {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains("tw-tick")) return;
  // Ticks made in other tabs are in state.ticks too (see onStorage): they are kept.
  state.ticks = setTick(state.ticks, box.dataset.item, box.checked);
  store.write(TICKS_KEY, state.ticks);
  for (const planner of planners) planner.showTicks();
}

function button(label, action) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "tw-button";
  element.textContent = label;
  element.addEventListener("click", action, { once: true });
  return element;
}

async function onAction(planner, action) {
  if (action === "copy-link") {
    const url = new URL(location.href);
    url.hash = encodeFragment(state.answers);
    const field = planner.share.querySelector("input");
    field.value = url.href;
    planner.share.hidden = false;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url.href);
      copied = true;
    } catch {
      field.select();
    }
    planner.tell(copied ? TEXT.copied : TEXT.copyBelow);
  } else if (action === "download") {
    const markdown = exportMarkdown(planner.markdown, {
      items: planner.itemIds(),
      ticks: state.ticks,
      answers: planner.answerTexts(),
      pageUrl: planner.root.dataset.pageUrl,
    });
    download(markdown, MARKDOWN_FILE);
  } else if (action === "calendar") {
    download(planner.calendar, CALENDAR_FILE, "text/calendar");
  } else if (action === "print") {
    printOnly(planner.root);
  } else if (action === "reset") {
    const removed = { answers: state.answers, ticks: state.ticks };
    setAll({}, {});
    planner.tell(
      TEXT.reset,
      button(TEXT.undo, () => {
        // What was answered or ticked since, here or in another tab, is kept.
        const later = Object.keys(state.answers).length + Object.keys(state.ticks).length > 0;
        const back = undoReset(removed, state);
        setAll(back.answers, back.ticks);
        planner.tell(later ? TEXT.undoneWithLater : TEXT.undone);
        focusOn(planner.feedback);
      }),
    );
  }
}

function setAll(answers, ticks) {
  state.answers = answers;
  state.ticks = ticks;
  saveAnswers();
  store.write(TICKS_KEY, state.ticks);
  for (const planner of planners) planner.share.hidden = true;
  showAll();
}

// ---- shared links -----------------------------------------------------------------------

/**
 * A link's answers: used at once when the reader has none of their own (or the same),
 * else offered beside theirs. The fragment is then dropped, so that a reload shows the
 * reader's own later changes, not the link again.
 */
function openLink() {
  const linked = decodeFragment(location.hash);
  if (linked === null) return false;
  history.replaceState(null, "", location.pathname + location.search);
  if (linked.problem) {
    state.notices.push(TEXT.badLink(linked.problem));
    return true;
  }
  const answers = Object.fromEntries(linked.pairs);
  // Compared with the answers in use, not storage's, which may be blocked or stale.
  state.answers = ownAnswers();
  if (Object.keys(state.answers).length === 0 || sameAnswers(state.answers, answers)) {
    state.shared = null;
    state.answers = answers;
  } else {
    state.shared = { answers, shown: false, mine: null };
  }
  showChoice();
  return true;
}

/** The shared link's choice, shown at the top of each planner (or removed). */
function showChoice() {
  for (const planner of planners) {
    planner.root.querySelector(".tw-choice")?.remove();
    if (!state.shared) continue;
    const choice = document.createElement("div");
    choice.className = "tw-choice";
    choice.setAttribute("role", "group");
    const message = document.createElement("p");
    message.setAttribute("role", "status");
    const option = (label, action) => button(label, () => action(planner));
    const [text, options] = state.shared.shown
      ? [TEXT.sharedShown, [option(TEXT.keepShared, keepShared), option(TEXT.backToMine, keepMine)]]
      : [TEXT.sharedOffer, [option(TEXT.openShared, openShared), option(TEXT.keepMine, keepMine)]];
    message.textContent = text;
    choice.append(message, ...options);
    planner.root.querySelector(".tw-status").after(choice);
  }
}

/** The shared link's message in `planner`, if it is showing one. */
function choiceMessage(planner) {
  return planner?.root.querySelector(".tw-choice [role=status]") ?? null;
}

// Each choice moves the focus to what it changed: the new message, or the widget's title.
function openShared(planner) {
  state.shared.shown = true;
  state.shared.mine = state.answers;
  state.answers = state.shared.answers;
  showChoice();
  showAll();
  start();
  focusOn(choiceMessage(planner));
}

function keepShared(planner) {
  state.shared = null;
  saveAnswers();
  showChoice();
  focusOn(planner.root.querySelector(".tw-planner-title"));
}

function keepMine(planner) {
  state.answers = ownAnswers();
  state.shared = null;
  showChoice();
  showAll();
  focusOn(planner.root.querySelector(".tw-planner-title"));
}

// ---- other tabs -------------------------------------------------------------------------

/** Another tab saved answers or ticks: show them here too (a shared plan on view stays,
 * and "Back to my plan" brings the new ones). */
function onStorage(event) {
  if (event.key === TICKS_KEY || event.key === null) {
    state.ticks = readTicks(event.newValue ?? store.text(TICKS_KEY)).ticks;
    for (const planner of planners) planner.showTicks();
  }
  if (event.key === ANSWERS_KEY || event.key === null) {
    if (state.shared?.shown) state.shared.mine = savedAnswers();
    else {
      state.answers = savedAnswers();
      showAll();
    }
  }
}

// ---- wiring -----------------------------------------------------------------------------

function wire(planner) {
  planner.form.addEventListener("change", (event) => onAnswer(planner, event));
  planner.form.addEventListener("submit", (event) => event.preventDefault());
  stopArrowWrap(planner.form);
  planner.result.addEventListener("change", onTick);
  for (const element of planner.root.querySelectorAll("[data-action]")) {
    element.addEventListener("click", () => onAction(planner, element.dataset.action));
  }
  if (planner.root.dataset.start === "now") return;
  // Chapter widgets start Python when first used or scrolled into view.
  planner.root.addEventListener("focusin", start, { once: true });
  planner.root.addEventListener("pointerdown", start, { once: true });
  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        start();
      }
    });
    observer.observe(planner.root);
  }
}

// Printed checklists stand on their own: each item's reasons open, the reader's answers
// above the plan, and each link's address after it.
function prepareForPrint() {
  const closed = [...document.querySelectorAll(`${PLANNERS} details.tw-why:not([open])`)];
  closed.forEach((details) => (details.open = true));
  const added = planners.map((planner) => {
    for (const link of planner.result.querySelectorAll("a[href]")) link.dataset.url = link.href;
    const answers = planner.answerTexts();
    const block = document.createElement("div");
    block.className = "tw-print-answers";
    const title = document.createElement("p");
    title.textContent = answers.length ? TEXT.printAnswers : TEXT.printNoAnswers;
    const list = document.createElement("ul");
    for (const [prompt, answer] of answers) {
      const entry = document.createElement("li");
      entry.textContent = `${prompt} ${answer}`;
      list.append(entry);
    }
    block.append(title, list);
    planner.result.before(block);
    return block;
  });
  const restore = () => {
    closed.forEach((details) => (details.open = false));
    added.forEach((block) => block.remove());
  };
  window.addEventListener("afterprint", restore, { once: true });
}

function init() {
  planners = [...document.querySelectorAll(PLANNERS)].map((root) => new Planner(root));
  window.addEventListener("beforeprint", prepareForPrint);
  window.addEventListener("storage", onStorage);
  state.answers = Object.fromEntries(readStored(ANSWERS_KEY, readAnswers, "answers").pairs);
  state.ticks = readStored(TICKS_KEY, readTicks, "ticks").ticks;
  // Answers clicked before this module ran are newer than the stored ones: they count.
  const early = Object.assign({}, ...planners.map((planner) => planner.clickedEarly()));
  if (Object.keys(early).length) {
    state.answers = mergeAnswers(state.answers, early);
    saveAnswers();
  }
  const linked = openLink();
  window.addEventListener("hashchange", () => {
    if (!openLink()) return;
    // A link pasted into this open tab: as a new visit, its offer brought into view.
    showAll();
    start();
    focusOn(choiceMessage(planners[0]), { center: true });
  });
  store.onTrouble(() => {
    state.notices.push(TEXT.storageTrouble);
    for (const planner of planners) planner.view.showNotices(state.notices);
  });
  for (const planner of planners) {
    planner.showState();
    planner.steps?.show(planner.steps.current);
    wire(planner);
    planner.view.set("waiting");
  }
  const now = planners.some((p) => p.root.dataset.start === "now");
  if (now || linked || Object.keys(early).length) start();
}

/**
 * Called by planner.js with its script's data- attributes: `wheel` (the package's file
 * name) and `start` ("now" on the full planner's page, whose Python planner.js starts
 * before the page has even finished loading: `handover` is that worker, see python.start).
 */
export function run(options, handover = null) {
  config = { ...config, ...options };
  if (config.start === "now") python.start(config.wheel, handover);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
