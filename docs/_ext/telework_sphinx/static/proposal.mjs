// The proposal widget's DOM wiring: the details form, its storage, and the Python worker.
//
// The page arrives with a sample draft rendered at build time. This script fills the form
// from this browser's storage, starts the planner's Python worker and asks
// telework.proposal.respond for the draft on every change. The reader's details are kept
// in localStorage only: never in a URL, never sent anywhere. The only HTML inserted is the
// draft produced by the library's renderer, which escapes everything the reader typed.
import { download, printOnly } from "./planner/page-actions.mjs";
import { ANSWERS_KEY, toPairs } from "./planner/planner-core.mjs";
import { python } from "./planner/python.mjs";
import { store } from "./planner/storage.mjs";

export const DETAILS_KEY = "telework-proposal-details";
const FIELDS = ["name", "role", "manager", "days", "trial_weeks", "review_date", "notes"];
const TYPING_DELAY_MS = 200;
const MARKDOWN_FILE = "proposal.md";

const TEXT = {
  loading: "Starting the live draft…",
  live: "Your draft is up to date.",
  nameMissing: "Add your name to sign the proposal.",
  unavailable:
    "The live draft is unavailable here, so this is a sample: serve the book over http (for " +
    "example with make serve) or use the telework command line (telework proposal).",
  copied: "Copied the proposal as plain text.",
  copyFailed: "Could not copy: select the draft and copy it instead.",
  forgotten: "Your details are forgotten: nothing of them is left in this browser.",
  answersNone: "none yet, so it keeps to what applies to everyone.",
  answers: (n) => (n === 1 ? "1 answer." : `${n} answers.`),
};

// ---- pure helpers ---------------------------------------------------------------------------

/** The details worth keeping: the known fields, as strings, empty ones left out. */
export function cleanDetails(value) {
  const details = {};
  for (const [key, raw] of toPairs(value)) {
    if (FIELDS.includes(key) && typeof raw === "string" && raw !== "") details[key] = raw;
  }
  return details;
}

// ---- the widget ------------------------------------------------------------------------------

class ProposalWidget {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".tw-proposal-form");
    this.preview = root.querySelector(".tw-proposal-preview");
    this.status = root.querySelector(".tw-status");
    this.notices = root.querySelector(".tw-notices");
    this.summary = root.querySelector(".tw-answers-summary");
    this.sample = this.preview.innerHTML;
    this.markdown = "";
    this.text = "";
    this.request = 0;
    this.timer = null;
    this.answers = Object.fromEntries(toPairs(store.read(ANSWERS_KEY, {})));
  }

  setState(name, message = null) {
    this.root.dataset.state = name;
    if (message !== null) this.status.textContent = message;
  }

  details() {
    const values = {};
    for (const name of FIELDS) values[name] = this.form.elements[name].value;
    return cleanDetails(values);
  }

  showDetails(details) {
    for (const name of FIELDS) this.form.elements[name].value = details[name] ?? "";
  }

  showErrors(errors) {
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    for (const field of this.form.querySelectorAll(".tw-field")) {
      const message = byField.get(field.dataset.field);
      const control = this.form.elements[field.dataset.field];
      const note = field.querySelector(".tw-field-error");
      note.textContent = message ?? "";
      note.hidden = !message;
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }

  showNotices(notices) {
    const list = document.createElement("ul");
    for (const notice of notices) {
      const entry = document.createElement("li");
      entry.textContent = notice;
      list.append(entry);
    }
    this.notices.replaceChildren(...(notices.length ? [list] : []));
  }

  async update() {
    const ticket = ++this.request;
    this.preview.setAttribute("aria-busy", "true");
    let result = null;
    try {
      result = await python.call("telework.proposal", "respond", [this.answers, this.details()]);
    } catch (error) {
      if (ticket === this.request) this.fail();
      return;
    }
    if (ticket !== this.request) return; // a newer request is on its way
    this.preview.removeAttribute("aria-busy");
    this.preview.innerHTML = result.html; // the library's renderer escapes everything
    this.markdown = result.markdown;
    this.text = result.text;
    const count = Object.keys(result.answers).length;
    this.summary.textContent = count ? TEXT.answers(count) : TEXT.answersNone;
    this.showErrors(result.errors);
    this.showNotices(result.notices);
    this.setState("live", result.missing.includes("name") ? TEXT.nameMissing : TEXT.live);
  }

  changed() {
    store.write(DETAILS_KEY, this.details());
    if (this.root.dataset.state !== "live") return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), TYPING_DELAY_MS);
  }

  fail() {
    this.preview.removeAttribute("aria-busy");
    this.preview.innerHTML = this.sample;
    this.root.querySelector('[data-action="copy"]').hidden = true; // nothing of theirs to copy
    this.setState("unavailable", TEXT.unavailable);
  }

  async act(action) {
    if (action === "copy") {
      try {
        await navigator.clipboard.writeText(this.text);
        this.status.textContent = TEXT.copied;
      } catch {
        this.status.textContent = TEXT.copyFailed;
      }
    } else if (action === "download") {
      download(this.markdown, MARKDOWN_FILE);
    } else if (action === "print") {
      printOnly(this.preview);
    } else if (action === "forget") {
      store.write(DETAILS_KEY, null);
      this.showDetails({});
      await this.update();
      this.status.textContent = TEXT.forgotten;
    }
  }

  init() {
    this.showDetails(cleanDetails(store.read(DETAILS_KEY, {})));
    this.form.addEventListener("input", () => this.changed());
    this.form.addEventListener("change", () => this.changed());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    for (const button of this.root.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    if (location.protocol === "file:") {
      this.fail(); // module workers need http(s)
      return;
    }
    this.setState("loading", TEXT.loading);
    python.start(this.root.dataset.wheel).then(
      () => this.update(),
      () => this.fail(),
    );
  }
}

const root = document.querySelector(".tw-proposal-widget");
if (root) new ProposalWidget(root).init();
