// The page's side of the Python worker (worker.mjs): one per page, shared by its widgets.
//
// start() boots Python once, or adopts a worker planner.js already started ({worker, the
// events it sent meanwhile}); call() runs a function of the telework package there and
// resolves with its result, or rejects with the reason Python gave, or when no answer
// comes in time, or at once when the worker has died. onProgress(fn) has fn(loadedBytes,
// totalBytes) called as the runtime's files download, until told to stop.
const WORKER_URL = new URL("./worker.mjs", import.meta.url);
const ANSWER_TIMEOUT_MS = 15000;
const DIED = "Python stopped working; reload the page to start it again";

export const python = {
  worker: null,
  started: null,
  nextId: 0,
  pending: new Map(),
  dead: null,
  progress: null,
  progressListeners: [],

  /** Have fn(loadedBytes, totalBytes) called now (if known) and as the download goes on,
   * until the function returned is called. */
  onProgress(fn) {
    this.progressListeners.push(fn);
    if (this.progress) fn(this.progress.loaded, this.progress.total);
    return () => {
      this.progressListeners = this.progressListeners.filter((listener) => listener !== fn);
    };
  },

  /** Boot Python with the wheel of telework (a file name in this folder). */
  start(wheel, handover = null) {
    this.started ??= new Promise((resolve, reject) => {
      try {
        this.worker = handover?.worker ?? new Worker(WORKER_URL, { type: "module" });
      } catch (error) {
        reject(error); // e.g. a browser without module workers
        return;
      }
      this.worker.onmessage = ({ data }) => {
        if (data.type === "ready") resolve();
        else if (data.type === "failed") reject(new Error(data.reason));
        else if (data.type === "progress") this.reportProgress(data);
        else this.settle(data);
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || "Python's worker failed to start"));
        this.die(); // once booted, an uncaught error there leaves nothing to trust
      };
      if (handover) {
        for (const event of handover.early) {
          if (event.type === "error") this.worker.onerror(event);
          else this.worker.onmessage(event);
        }
      } else {
        this.worker.postMessage({ type: "boot", wheel: new URL(wheel, import.meta.url).href });
      }
    });
    return this.started;
  },

  /** Call `module`.`name`(*args, **kwargs) in the telework package; JSON-like values. */
  call(module, name, args, kwargs = {}) {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error("Python did not answer"));
      }, ANSWER_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "call", id, module, name, args, kwargs });
    });
  },

  /** The worker is gone: every call waiting fails now, and every later one at once. */
  die() {
    this.dead = new Error(DIED);
    this.worker.terminate();
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(this.dead);
    }
    this.pending.clear();
  },

  reportProgress({ loaded, total }) {
    this.progress = { loaded, total };
    for (const fn of this.progressListeners) fn(loaded, total);
  },

  settle({ id, type, result, reason }) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    if (type === "result") waiting.resolve(result);
    else waiting.reject(new Error(reason));
  },
};
