// The full planner's interview: one step of questions at a time, Back and Next, a list of
// the steps to jump to, and "Check your answers" with a Change button for each answer.
// Steps none of whose questions applies are skipped. It needs no Python: before Python is
// ready it follows the questions the page was built with, then those Python says apply.
import { stepFrom, wrapsAround } from "./planner-core.mjs";

const CHECK = "check";
const TEXT = {
  count: (n, of) => `Step ${n} of ${of}`,
  next: "Next",
  toCheck: "Check your answers",
  change: "Change",
  changeLabel: (prompt) => `Change your answer to “${prompt}”`,
};

export class Steps {
  constructor(form) {
    this.form = form;
    this.steps = [...form.querySelectorAll(".tw-step")];
    this.keys = this.steps.map((step) => step.dataset.step);
    this.links = [...form.querySelectorAll(".tw-step-link")];
    this.back = form.querySelector("[data-move=back]");
    this.next = form.querySelector("[data-move=next]");
    this.summary = form.querySelector(".tw-summary");
    this.current = this.keys[0];
    for (const link of this.links) {
      link.addEventListener("click", () => this.show(link.dataset.goto, true));
    }
    this.back.addEventListener("click", () => this.move(-1));
    this.next.addEventListener("click", () => this.move(+1));
    this.summary.addEventListener("click", (event) => {
      const button = event.target.closest("[data-change]");
      if (button) this.change(button.dataset.change);
    });
  }

  /** The steps with a question that applies, and "check". */
  available() {
    return this.keys.filter(
      (key, n) => key === CHECK || this.steps[n].querySelector(".tw-question:not([hidden])"),
    );
  }

  move(direction) {
    const to = stepFrom(this.keys, this.available(), this.current, direction);
    if (to !== null) this.show(to, true);
  }

  /** Show step `key` alone; with `focus`, move the focus to its heading. */
  show(key, focus = false) {
    this.current = key;
    const available = this.available();
    const numbered = available.filter((k) => k !== CHECK);
    this.steps.forEach((step, n) => {
      step.hidden = this.keys[n] !== key;
      const count = step.querySelector(".tw-step-count");
      const position = numbered.indexOf(this.keys[n]);
      count.textContent = position < 0 ? "" : TEXT.count(position + 1, numbered.length);
    });
    for (const link of this.links) {
      link.hidden = !available.includes(link.dataset.goto);
      if (link.dataset.goto === key) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    }
    const after = stepFrom(this.keys, available, key, +1);
    this.back.hidden = stepFrom(this.keys, available, key, -1) === null;
    this.next.hidden = after === null;
    this.next.textContent = after === CHECK ? TEXT.toCheck : TEXT.next;
    if (key === CHECK) this.showSummary();
    if (focus) this.steps[this.keys.indexOf(key)].querySelector(".tw-step-title").focus();
  }

  /** After the questions that apply have changed: skip steps that no longer apply. */
  refresh() {
    const available = this.available();
    const shown = available.includes(this.current)
      ? this.current
      : (stepFrom(this.keys, available, this.current, +1) ?? CHECK);
    this.show(shown);
  }

  /** "Check your answers": each question asked, the answer chosen, and a Change button. */
  showSummary() {
    const rows = [];
    for (const { question, prompt, answer: chosen } of answersShown(this.form)) {
      const term = document.createElement("dt");
      term.textContent = prompt;
      const answer = document.createElement("dd");
      const label = document.createElement("span");
      label.textContent = chosen;
      const change = document.createElement("button");
      change.type = "button";
      change.className = "tw-change";
      change.dataset.change = question;
      change.textContent = TEXT.change;
      change.setAttribute("aria-label", TEXT.changeLabel(prompt));
      answer.append(label, " ", change);
      rows.push(term, answer);
    }
    this.summary.replaceChildren(...rows);
  }

  /** Go back to the step of `question` and put the focus on its chosen option. */
  change(question) {
    const fieldset = this.form.querySelector(`.tw-question[data-question="${CSS.escape(question)}"]`);
    this.show(fieldset.closest(".tw-step").dataset.step);
    (fieldset.querySelector("input:checked") ?? fieldset.querySelector("input")).focus();
  }
}

/**
 * The questions `form` asks now: {question (its id), prompt, answer (the chosen option's
 * label), answered (false for "Not sure yet")}.
 */
export function answersShown(form) {
  return [...form.querySelectorAll(".tw-question:not([hidden])")].map((fieldset) => {
    const chosen = fieldset.querySelector("input:checked");
    return {
      question: fieldset.dataset.question,
      prompt: fieldset.querySelector("legend").textContent,
      answer: chosen?.closest("label").textContent.trim() ?? "",
      answered: Boolean(chosen?.value),
    };
  });
}

/**
 * Arrow keys move between a question's options but stop at either end: a radio group would
 * otherwise wrap round from the last option to "Not sure yet".
 */
export function stopArrowWrap(form) {
  form.addEventListener("keydown", (event) => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || radio.type !== "radio") return;
    const group = [...form.querySelectorAll(`input[name="${CSS.escape(radio.name)}"]`)];
    if (wrapsAround(event.key, group.indexOf(radio), group.length)) event.preventDefault();
  });
}
