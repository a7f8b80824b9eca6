// The trial tracker's DOM wiring: the trial and entry forms, the stored log, the Python worker.
//
// The page arrives with the summary of a sample log rendered at build time. This script
// keeps the reader's log in localStorage (never in a URL, never sent anywhere), starts the
// planner's Python worker and asks telework.trial.web for the summary, the CSV and the
// calendar. The only HTML inserted is the summary made by the library's renderer, which
// escapes everything the reader typed.
import { download, printOnly } from "./planner/page-actions.mjs";
import { localDate, parseStored, readable } from "./planner/planner-core.mjs";
import { python } from "./planner/python.mjs";
import { store } from "./planner/storage.mjs";
import { ToolState } from "./tool-state.mjs";

export const LOG_KEY = "telework-trial-log";
const WEB = "telework.trial.web";
const MAX_FILE_BYTES = 2_000_000;
const TYPING_DELAY_MS = 300;
const FILES = {
  csv: ["trial-log.csv", "text/csv"],
  summary: ["trial-summary.md", "text/markdown"],
  calendar: ["trial-dates.ics", "text/calendar"],
};
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]; // Date.getDay() order

const TEXT = {
  setAside: (problem) =>
    `Your saved log could not be read (${problem}); it is kept aside, and this page starts afresh.`,
  loading: "Starting the tracker…",
  live: "Your summary is up to date.",
  noTrial: "Enter what you agreed to start your log; until then the summary is a sample.",
  added: (day) => `Added ${day}.`,
  failedUpdate: "Could not update the summary (it will try again on your next change):",
  failedEntry: "Could not add the entry (it is still in the form: try again):",
  stored: "your trial log",
  keep: "Download the log (CSV) to keep it.",
  imported: (n) => `Imported the log: ${n === 1 ? "1 entry" : `${n} entries`}.`,
  importFailed: (reason) => `Could not import the file: ${reason}`,
  tooLarge: "Could not import the file: it is larger than a log can be (2 MB).",
  replace: (n, m) =>
    `Replace the ${n} entries in this browser with the ${m} in the file? ` +
    "Download the CSV first if you want to keep them.",
  forgotten: "Your log is forgotten: nothing of it is left in this browser.",
  restored: "Your log is back.",
  reminder: (n) =>
    `${n === 1 ? "1 entry is" : `${n} entries are`} not in a CSV you downloaded: ` +
    "download the log now and then, as clearing this browser's data would lose them.",
  saved: "Every entry is in the CSV you last downloaded.",
};

// ---- pure helpers ---------------------------------------------------------------------------

/** The stored log in a known shape: {trial: {field: string | string[]}, entries, downloaded}. */
/** Stored text of a log, read: {log} or {log: an empty one, problem}. */
export function readLog(text) {
  const read = parseStored(text);
  if (read.problem) return { log: cleanLog({}), problem: read.problem };
  if (read.value !== undefined && !isRecord(read.value)) {
    return { log: cleanLog({}), problem: "it is not a trial log" };
  }
  return { log: cleanLog(read.value ?? {}) };
}

function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The well-formed parts of a log read from storage: its trial's fields as text, its entries. */
export function cleanLog(value) {
  const log = isRecord(value) ? value : {};
  const fields = isRecord(log.trial) ? Object.entries(log.trial) : [];
  const trial = Object.fromEntries(fields.filter(([, v]) => !isRecord(v)));
  const entries = Array.isArray(log.entries)
    ? log.entries.filter((e) => e !== null && typeof e === "object" && !Array.isArray(e))
    : [];
  const downloaded = Number.isInteger(log.downloaded) ? log.downloaded : 0;
  return { trial, entries, downloaded };
}

// ---- the widget ------------------------------------------------------------------------------

class TrialWidget {
  constructor(root) {
    this.root = root;
    this.setup = root.querySelector(".tw-trial-form");
    this.entryForm = root.querySelector(".tw-entry-form");
    this.entryFields = root.querySelector(".tw-entry-fields");
    this.preview = root.querySelector(".tw-trial-preview");
    this.reminder = root.querySelector(".tw-trial-reminder");
    this.file = root.querySelector(".tw-trial-file");
    this.sample = this.preview.innerHTML;
    this.fields = root.dataset.fields.split(" "); // the trial's, as the library names them
    this.view = new ToolState(root, { stored: TEXT.stored, keep: TEXT.keep });
    const stored = store.load(LOG_KEY, readLog);
    this.log = stored.log;
    if (stored.problem) this.view.keepNotice(TEXT.setAside(stored.problem));
    this.forgotten = null;
    this.result = null;
    this.timer = null;
  }

  save() {
    const empty = !Object.keys(this.log.trial).length && !this.log.entries.length;
    store.write(LOG_KEY, empty ? null : this.log);
  }

  // -- the forms

  /** The boxes of field `name` when it is a list (the days at home, the measures), else null. */
  boxes(name) {
    const boxes = this.setup.querySelectorAll(`input[type=checkbox][name="${name}"]`);
    return boxes.length ? [...boxes] : null;
  }

  readTrial() {
    const trial = {};
    for (const name of this.fields) {
      const boxes = this.boxes(name);
      const value = boxes
        ? boxes.filter((box) => box.checked).map((box) => box.value)
        : this.setup.elements[name].value.trim();
      if (value.length) trial[name] = value;
    }
    return trial;
  }

  showTrial(trial) {
    for (const name of this.fields) {
      const boxes = this.boxes(name);
      if (boxes) {
        const chosen = Array.isArray(trial[name]) ? trial[name] : [];
        for (const box of boxes) box.checked = chosen.includes(box.value);
      } else {
        this.setup.elements[name].value = typeof trial[name] === "string" ? trial[name] : "";
      }
    }
  }

  readEntry() {
    const entry = {};
    for (const control of this.entryForm.querySelectorAll("input, textarea")) {
      if (control.type === "radio" && !control.checked) continue;
      if (control.closest(".tw-field")?.hidden) continue; // a measure not agreed
      const value = control.value.trim();
      if (value) entry[control.name] = value;
    }
    return entry;
  }

  /** A fresh entry form: today, where today's weekday says, measures the trial agreed. */
  resetEntry(trial) {
    this.entryForm.reset();
    const today = new Date();
    this.entryForm.elements.date.value = localDate(today);
    const homeDays = Array.isArray(trial?.home_days) ? trial.home_days : [];
    const place = homeDays.includes(WEEKDAYS[today.getDay()]) ? "home" : "office";
    this.entryForm.querySelector(`input[name="place"][value="${place}"]`).checked = true;
    this.showMeasures(trial);
  }

  /** Only the measures the trial agreed have a field in the entry form. */
  showMeasures(trial) {
    const agreed = Array.isArray(trial?.measures) ? trial.measures : [];
    for (const field of this.entryForm.querySelectorAll(".tw-field")) {
      const name = field.dataset.field;
      if (this.entryForm.elements[name]?.type === "number") field.hidden = !agreed.includes(name);
    }
  }

  showErrors(form, errors) {
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    for (const note of form.querySelectorAll(".tw-field-error")) {
      const field = note.closest("[data-field]")?.dataset.field ?? note.dataset.field;
      const message = byField.get(field) ?? (field === "entry" ? byField.get("trial") : null);
      note.textContent = message ?? "";
      note.hidden = !message;
      for (const control of form.querySelectorAll(`[name="${field}"]`)) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
  }

  showReminder() {
    const unsaved = this.log.entries.length - this.log.downloaded;
    this.reminder.textContent = !this.log.entries.length
      ? ""
      : unsaved > 0
        ? TEXT.reminder(unsaved)
        : TEXT.saved;
  }

  // -- talking to Python

  async update(message = TEXT.live) {
    const args = [this.log.trial, this.log.entries, localDate(), Number(this.root.dataset.level)];
    const result = await this.view.ask(() => python.call(WEB, "respond", args), TEXT.failedUpdate);
    if (!result) return; // the summary shown stays: the next change asks again
    const hasTrial = result.errors.length === 0;
    this.result = hasTrial ? result : null;
    this.root.dataset.trial = hasTrial ? "set" : "none";
    this.preview.innerHTML = hasTrial ? result.html : this.sample; // escaped by the library
    this.entryFields.disabled = !hasTrial;
    const started = Object.keys(this.log.trial).length > 0;
    this.showErrors(this.setup, started ? result.errors : []);
    this.view.showNotices(result.notices);
    this.showReminder();
    this.view.set("live", hasTrial ? message : TEXT.noTrial);
  }

  trialChanged() {
    this.log.trial = this.readTrial();
    this.save();
    this.showMeasures(this.log.trial);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), TYPING_DELAY_MS);
  }

  async addEntry() {
    let result;
    try {
      result = await python.call(WEB, "add_entry", [
        this.log.trial,
        this.log.entries,
        this.readEntry(),
      ]);
    } catch (error) {
      this.view.failed(TEXT.failedEntry, error); // the entry stays in the form
      return;
    }
    this.showErrors(this.entryForm, result.error ? [result.error] : []);
    if (result.error) return;
    this.log.entries.push(result.entry);
    this.save();
    this.resetEntry(this.log.trial);
    await this.update(TEXT.added(result.entry.date));
  }

  async importFile(file) {
    this.file.value = "";
    if (file.size > MAX_FILE_BYTES) {
      this.view.say(TEXT.tooLarge);
      return;
    }
    let result;
    try {
      result = await python.call(WEB, "read_csv", [await file.text()]);
    } catch (error) {
      result = { error: error.message };
    }
    if (result.error) {
      this.view.say(TEXT.importFailed(readable(result.error)));
      return;
    }
    const count = this.log.entries.length;
    if (count && !window.confirm(TEXT.replace(count, result.entries.length))) return;
    this.log = { trial: result.trial, entries: result.entries, downloaded: result.entries.length };
    this.save();
    this.showTrial(this.log.trial);
    this.resetEntry(this.log.trial);
    await this.update(TEXT.imported(result.entries.length));
  }

  /** Python cannot start here: the sample summary stays, and a message says so. */
  unavailable() {
    this.preview.removeAttribute("aria-busy");
    this.preview.innerHTML = this.sample;
    this.view.unavailable();
  }

  async act(action) {
    if (action === "import") {
      this.file.click();
    } else if (action === "print") {
      printOnly(this.preview);
    } else if (action === "forget") {
      this.forgotten = this.log;
      this.log = cleanLog({});
      store.write(LOG_KEY, null);
      this.showTrial({});
      this.resetEntry({});
      this.root.dataset.forgotten = "true";
      await this.update();
      this.view.say(TEXT.forgotten);
    } else if (action === "undo" && this.forgotten) {
      this.log = this.forgotten;
      this.forgotten = null;
      delete this.root.dataset.forgotten;
      this.save();
      this.showTrial(this.log.trial);
      this.resetEntry(this.log.trial);
      await this.update(TEXT.restored);
    } else if (action.startsWith("download-") && this.result) {
      const kind = action.slice("download-".length);
      const [name, type] = FILES[kind];
      const { csv, markdown, ics } = this.result;
      download({ csv, summary: markdown, calendar: ics }[kind], name, type);
      if (kind === "csv") {
        this.log.downloaded = this.result.entries;
        this.save();
        this.showReminder();
      }
    }
  }

  init() {
    this.showTrial(this.log.trial);
    this.resetEntry(this.log.trial);
    this.setup.addEventListener("change", () => this.trialChanged());
    this.setup.addEventListener("input", () => this.trialChanged());
    this.setup.addEventListener("submit", (event) => event.preventDefault());
    this.entryForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.addEntry();
    });
    this.file.addEventListener("change", () => {
      if (this.file.files.length) this.importFile(this.file.files[0]);
    });
    for (const button of this.root.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    this.view.set("loading", TEXT.loading);
    python.start(this.root.dataset.wheel).then(
      () => this.update(),
      () => this.unavailable(),
    );
  }
}

const root = document.querySelector(".tw-trial-widget");
if (root) new TrialWidget(root).init();
