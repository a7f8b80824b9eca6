// The planner widgets' DOM wiring: forms, storage, sharing, and the Python worker.
//
// Each .tw-planner section arrives with its form and a default checklist rendered at build
// time. This script starts Python in a worker (at once on the full planner; chapter widgets
// when scrolled into view or first used), sends every change to telework.web.respond and
// shows what it returns. If Python cannot start, the static checklist stays, with one
// sentence saying so. Nothing from a link or storage is ever inserted as HTML: the only
// HTML inserted is the checklist produced by the library's renderer.
import { download, printOnly } from "./page-actions.mjs";
import {
  ANSWERS_KEY,
  TICKS_KEY,
  answersForPython,
  decodeFragment,
  encodeFragment,
  mergeAnswers,
  readAnswers,
  readTicks,
  setTick,
} from "./planner-core.mjs";
import { python } from "./python.mjs";
import { store } from "./storage.mjs";
import { WidgetState } from "./widget-state.mjs";

const TEXT = {
  loading: "Starting the live planner…",
  count: (n) => (n === 1 ? "1 item in your checklist." : `${n} items in your checklist.`),
  copied: "Link copied: it holds your answers, not your ticks.",
  copyBelow: "Copy the link below: it holds your answers, not your ticks.",
  reset: "Answers and ticks cleared.",
  failedUpdate: "Could not update the checklist:",
  setAside: (what, problem) =>
    `Your saved ${what} could not be read (${problem}), so the planner starts without ` +
    "them; this browser keeps them aside.",
  badLink: (problem) => `The link's answers could not be read (${problem}), so it was not used.`,
  storageTrouble:
    "This browser is not keeping your answers and ticks (its storage is blocked or full): " +
    "they will be gone when you leave the page. Copy the link or download your plan to keep them.",
};
// Planner widgets (other widgets share the .tw-planner look but not this script).
const PLANNERS = ".tw-planner[data-questions]";
const MARKDOWN_FILE = "telework-plan.md";

// ---- stored state shared by every widget (and every page) -------------------------------

const state = {
  // Untrusted (from storage or a link) until Python has cleaned it; then what it returned.
  answers: {},
  ticks: {},
  // What this page found wrong with storage or the link, shown before Python's notices.
  notices: [],
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

// ---- one widget -------------------------------------------------------------------------

class Planner {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".tw-form");
    this.result = root.querySelector(".tw-result");
    this.view = new WidgetState(root);
    this.share = root.querySelector(".tw-share");
    this.sections = (root.dataset.sections || "").split(/\s+/).filter(Boolean);
    this.linkBase = root.dataset.linkBase || "";
    this.headingLevel = Number(root.dataset.headingLevel) || 3;
    this.staticChecklist = this.result.innerHTML;
    this.markdown = "";
  }

  showAnswers(answers) {
    for (const input of this.form.querySelectorAll("input[type=radio]")) {
      const question = input.closest(".tw-question").dataset.question;
      input.checked = input.value === (Object.hasOwn(answers, question) ? answers[question] : "");
    }
  }

  showTicks() {
    for (const box of this.result.querySelectorAll("input.tw-tick")) {
      box.checked = Object.hasOwn(state.ticks, box.dataset.item);
    }
  }

  async update(answers) {
    const latest = this.view.ticket();
    this.result.setAttribute("aria-busy", "true");
    let result;
    try {
      const view = { link_base: this.linkBase, heading_level: this.headingLevel };
      if (this.sections.length) view.sections = this.sections; // else all of them
      result = await python.call("telework.web", "respond", [answersForPython(answers)], view);
    } catch (error) {
      result = null;
      this.view.say(`${TEXT.failedUpdate} ${error.message}`);
    }
    if (!latest()) return result; // a newer request is on its way
    this.result.removeAttribute("aria-busy");
    if (result === null) return null;
    this.result.innerHTML = result.html; // the library's renderer escapes everything
    this.markdown = result.markdown;
    const applicable = new Set(result.applicable);
    for (const fieldset of this.form.querySelectorAll(".tw-question")) {
      fieldset.hidden = !applicable.has(fieldset.dataset.question);
    }
    this.showAnswers(result.answers);
    this.showTicks();
    this.view.showNotices([...state.notices, ...result.notices]);
    this.view.set("live", TEXT.count(result.items.length));
    return result;
  }

  fail() {
    this.result.innerHTML = this.staticChecklist;
    this.showTicks();
    this.view.set("unavailable", "");
    this.root.querySelector(".tw-unavailable").hidden = false;
  }

  resetView() {
    this.showAnswers({});
    this.view.showNotices(state.notices);
    this.share.hidden = true;
    if (this.root.dataset.state !== "live") {
      this.result.innerHTML = this.staticChecklist;
      this.showTicks();
    }
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
    store.write(ANSWERS_KEY, state.answers);
  }
}

function start() {
  if (starting) return;
  starting = true;
  for (const planner of planners) planner.view.set("loading", TEXT.loading);
  python.start(config.wheel).then(
    () => {
      live = true;
      return refreshAll();
    },
    () => planners.forEach((planner) => planner.fail()),
  );
}

function onAnswer(planner, event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
  const question = input.closest(".tw-question").dataset.question;
  state.answers = mergeAnswers(state.answers, { [question]: input.value });
  store.write(ANSWERS_KEY, state.answers);
  for (const other of planners) if (other !== planner) other.showAnswers(state.answers);
  if (live) refreshAll();
  else start();
}

function onTick(event) {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains("tw-tick")) return;
  state.ticks = setTick(state.ticks, box.dataset.item, box.checked);
  store.write(TICKS_KEY, state.ticks);
  for (const planner of planners) planner.showTicks();
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
    planner.view.say(copied ? TEXT.copied : TEXT.copyBelow);
  } else if (action === "download") {
    download(planner.markdown, MARKDOWN_FILE);
  } else if (action === "print") {
    printOnly(planner.root);
  } else if (action === "reset") {
    state.answers = {};
    state.ticks = {};
    store.write(ANSWERS_KEY, state.answers);
    store.write(TICKS_KEY, state.ticks);
    for (const other of planners) other.resetView();
    if (live) await refreshAll();
    planner.view.say(TEXT.reset);
  }
}

function wire(planner) {
  planner.form.addEventListener("change", (event) => onAnswer(planner, event));
  planner.form.addEventListener("submit", (event) => event.preventDefault());
  planner.result.addEventListener("change", onTick);
  for (const button of planner.root.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => onAction(planner, button.dataset.action));
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

// Printed checklists show each item's reasons, so their <details> open for printing.
function openReasonsForPrint() {
  const closed = [...document.querySelectorAll(`${PLANNERS} details.tw-why:not([open])`)];
  closed.forEach((details) => (details.open = true));
  window.addEventListener("afterprint", () => closed.forEach((d) => (d.open = false)), {
    once: true,
  });
}

function init() {
  planners = [...document.querySelectorAll(PLANNERS)].map((root) => new Planner(root));
  window.addEventListener("beforeprint", openReasonsForPrint);
  state.answers = Object.fromEntries(readStored(ANSWERS_KEY, readAnswers, "answers").pairs);
  state.ticks = readStored(TICKS_KEY, readTicks, "ticks").ticks;
  // A shared link's answers replace the stored ones; the fragment is then dropped so a
  // reload shows the reader's later changes, not the link again.
  const linked = decodeFragment(location.hash);
  if (linked !== null) {
    if (linked.problem) state.notices.push(TEXT.badLink(linked.problem));
    else state.answers = Object.fromEntries(linked.pairs);
    history.replaceState(null, "", location.pathname + location.search);
  }
  store.onTrouble(() => {
    state.notices.push(TEXT.storageTrouble);
    for (const planner of planners) planner.view.showNotices(state.notices);
  });
  for (const planner of planners) {
    planner.showAnswers(state.answers);
    planner.showTicks();
    planner.view.showNotices(state.notices);
    wire(planner);
    planner.view.set("waiting");
  }
  if (planners.some((p) => p.root.dataset.start === "now") || linked !== null) start();
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
