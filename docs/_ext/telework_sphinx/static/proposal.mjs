// The proposal widget's DOM wiring: the details form, its storage, and the Python worker.
//
// The page arrives with a sample draft rendered at build time. This script fills the form
// from this browser's storage, starts the planner's Python worker and asks
// telework.proposal.web.respond for the draft on every change. The reader's details are kept
// in localStorage only: never in a URL, never sent anywhere. The only HTML inserted is the
// draft produced by the library's renderer, which escapes everything the reader typed.
import { download, printOnly } from "./planner/page-actions.mjs";
import { ANSWERS_KEY, answersForPython, readAnswers } from "./planner/planner-core.mjs";
import { python } from "./planner/python.mjs";
import { store } from "./planner/storage.mjs";
import { ToolState } from "./tool-state.mjs";

export const DETAILS_KEY = "telework-proposal-details";
const TYPING_DELAY_MS = 200;
const MARKDOWN_FILE = "proposal.md";

const TEXT = {
  loading: "Starting the live draft…",
  live: "Your draft is up to date.",
  nameMissing: "Add your name to sign the proposal.",
  stored: "your details",
  keep: "Copy or download the draft to keep them.",
  copied: "Copied the proposal as plain text.",
  copyFailed: "Could not copy: select the draft and copy it instead.",
  forgotten: "Your details are forgotten: nothing of them is left in this browser.",
  answersNone: "none yet, so it keeps to what applies to everyone.",
  answers: (n) => (n === 1 ? "1 answer." : `${n} answers.`),
  failedUpdate: "Could not update the draft (it will try again on your next change):",
  setAside: (what, problem) =>
    `Your saved ${what} could not be read (${problem}), so the draft starts without ` +
    "them; this browser keeps them aside.",
};

// ---- pure helpers ---------------------------------------------------------------------------

/** The details worth keeping: `fields` only, empty ones left out. */
export function cleanDetails(pairs, fields) {
  return Object.fromEntries(pairs.filter(([key, raw]) => fields.includes(key) && raw !== ""));
}

// ---- the widget ------------------------------------------------------------------------------

class ProposalWidget {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector(".tw-proposal-form");
    this.preview = root.querySelector(".tw-proposal-preview");
    this.view = new ToolState(root, { stored: TEXT.stored, keep: TEXT.keep });
    this.fields = root.dataset.fields.split(" ");
    this.summary = root.querySelector(".tw-answers-summary");
    this.sample = this.preview.innerHTML;
    this.markdown = "";
    this.text = "";
    this.timer = null;
    this.pythonReady = false;
    this.answers = this.readStored(ANSWERS_KEY, "planner answers");
  }

  /** Stored pairs under `key`; what cannot be read is set aside, with a lasting notice. */
  readStored(key, what) {
    const { pairs, problem } = store.load(key, readAnswers);
    if (problem) this.view.keepNotice(TEXT.setAside(what, problem));
    return pairs;
  }

  details() {
    const values = {};
    for (const name of this.fields) values[name] = this.form.elements[name].value;
    return cleanDetails(Object.entries(values), this.fields);
  }

  showDetails(details) {
    for (const name of this.fields) this.form.elements[name].value = details[name] ?? "";
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

  async update() {
    const args = [answersForPython(this.answers), this.details()];
    const result = await this.view.ask(
      () => python.call("telework.proposal.web", "respond", args),
      TEXT.failedUpdate,
    );
    if (!result) return; // the draft shown stays: the next change asks again
    this.preview.innerHTML = result.html; // the library's renderer escapes everything
    this.markdown = result.markdown;
    this.text = result.text;
    const count = Object.keys(result.answers).length;
    this.summary.textContent = count ? TEXT.answers(count) : TEXT.answersNone;
    this.showErrors(result.errors);
    this.view.showNotices(result.notices);
    this.view.set("live", result.missing.includes("name") ? TEXT.nameMissing : TEXT.live);
  }

  changed() {
    store.write(DETAILS_KEY, this.details());
    if (!this.pythonReady) return; // its first draft will read the form
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), TYPING_DELAY_MS);
  }

  /** Python cannot start here: the sample draft stays, and a message says so. */
  unavailable() {
    this.preview.removeAttribute("aria-busy");
    this.preview.innerHTML = this.sample;
    this.root.querySelector('[data-action="copy"]').hidden = true; // nothing of theirs to copy
    this.view.unavailable();
  }

  async act(action) {
    if (action === "copy") {
      try {
        await navigator.clipboard.writeText(this.text);
        this.view.say(TEXT.copied);
      } catch {
        this.view.say(TEXT.copyFailed);
      }
    } else if (action === "download") {
      download(this.markdown, MARKDOWN_FILE);
    } else if (action === "print") {
      printOnly(this.preview);
    } else if (action === "forget") {
      store.write(DETAILS_KEY, null);
      this.showDetails({});
      await this.update();
      this.view.say(TEXT.forgotten);
    }
  }

  init() {
    this.showDetails(cleanDetails(this.readStored(DETAILS_KEY, "details"), this.fields));
    this.form.addEventListener("input", () => this.changed());
    this.form.addEventListener("change", () => this.changed());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    for (const button of this.root.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    this.view.set("loading", TEXT.loading);
    python.start(this.root.dataset.wheel).then(
      () => {
        this.pythonReady = true;
        return this.update();
      },
      () => this.unavailable(),
    );
  }
}

const root = document.querySelector(".tw-proposal-widget");
if (root) new ProposalWidget(root).init();
