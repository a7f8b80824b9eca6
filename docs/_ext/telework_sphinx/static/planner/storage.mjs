// This browser's localStorage as the widgets use it: JSON values, and a page that keeps
// working (forgetting on reload) where storage is disabled or full.
import { parseStored } from "./planner-core.mjs";

export const store = {
  /** The value stored under `key`, or `fallback` when there is none or it is unreadable. */
  read(key, fallback) {
    try {
      return parseStored(localStorage.getItem(key), fallback);
    } catch {
      return fallback; // storage disabled
    }
  },

  /** Store `value` as JSON; null or an empty object removes the key. */
  write(key, value) {
    try {
      if (value === null || Object.keys(value).length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage disabled or full: the page still works, it just forgets on reload
    }
  },
};
