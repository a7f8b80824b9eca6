// What the planner and proposal widgets share about themselves: their state (data-state)
// and status line, a bounded list of readable notices, and request tickets that tell the
// answer to the latest request from answers to older ones.
import { noticeLines } from "./planner-core.mjs";

export class WidgetState {
  constructor(root) {
    this.root = root;
    this.status = root.querySelector(".tw-status");
    this.notices = root.querySelector(".tw-notices");
    this.latest = 0;
  }

  /** Enter state `name` ("waiting", "loading", "live", "unavailable"), saying `message`. */
  set(name, message = null) {
    this.root.dataset.state = name;
    for (const control of this.root.querySelectorAll("[data-needs-python]")) {
      control.disabled = name !== "live";
    }
    if (message !== null) this.say(message);
  }

  say(message) {
    this.status.textContent = message;
  }

  /** List `notices` as text (never markup): a few, then "…and N more". */
  showNotices(notices) {
    const list = document.createElement("ul");
    for (const line of noticeLines(notices)) {
      const entry = document.createElement("li");
      entry.textContent = line;
      list.append(entry);
    }
    this.notices.replaceChildren(...(notices.length ? [list] : []));
  }

  /** A ticket for a new request: calling it tells whether no newer request was made since. */
  ticket() {
    const number = ++this.latest;
    return () => number === this.latest;
  }
}
