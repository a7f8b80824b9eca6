// What the tool widgets (proposal, rehearsal, trial) add to the planner's WidgetState: asking
// Python for what the widget's result shows, notices that stay above each answer's own (what
// storage could not give back, or will not keep), one line for a call that failed, and the
// page's message for a Python that cannot start.
//
// One failed call leaves the widget as it was and usable: the reader's next change asks
// again. Only a Python that cannot start makes the widget unavailable. (On pages opened
// from disk these modules never run: tool.js speaks for the widgets there.)
import { readable } from "./planner/planner-core.mjs";
import { store } from "./planner/storage.mjs";
import { WidgetState } from "./planner/widget-state.mjs";

/** What the reader is told, once, when this browser will not keep `what`; `keep` says how
 * to keep it all the same. */
export function storageTrouble(what, keep) {
  return (
    `This browser is not keeping ${what} (its storage is blocked or full): what you type ` +
    `here will be gone when you leave the page. ${keep}`
  );
}

export class ToolState extends WidgetState {
  /** The widget `root`; `stored` is what the reader types there that this browser keeps,
   * and `keep` how to keep it when the browser will not (see storageTrouble). */
  constructor(root, { stored, keep }) {
    super(root);
    this.result = root.querySelector(".tw-result");
    this.lasting = [];
    this.shown = [];
    store.onTrouble(() => this.keepNotice(storageTrouble(stored, keep)));
  }

  /**
   * Python's answer to `call()` (a call through python.call), for the widget's result, which
   * is marked busy meanwhile. Null when a newer request was made since, or when the call
   * failed: then `failure` and the reason are said in one line, and what is shown stays.
   */
  async ask(call, failure) {
    const latest = this.ticket();
    this.result.setAttribute("aria-busy", "true");
    let answer = null;
    try {
      answer = await call();
    } catch (error) {
      if (latest()) this.failed(failure, error);
    }
    if (!latest()) return null; // a newer request is on its way
    this.result.removeAttribute("aria-busy");
    return answer;
  }

  /** List `notice` from now on, above the others. */
  keepNotice(notice) {
    this.lasting.push(notice);
    this.showNotices(this.shown);
  }

  /** List the lasting notices, then `notices` (the latest answer's), as WidgetState does. */
  showNotices(notices) {
    this.shown = notices;
    super.showNotices([...this.lasting, ...notices]);
  }

  /** One call failed: say so, with its reason, on one line; the widget stays usable. */
  failed(what, error) {
    if (this.root.dataset.state === "unavailable") return; // that message says more
    this.say(`${what} ${readable(error?.message ?? error)}`);
  }

  /** Python cannot start: the widget keeps what the build rendered, and says so in the
   * page's words (its data-unavailable), written for readers. */
  unavailable() {
    this.set("unavailable", this.root.dataset.unavailable);
  }
}
