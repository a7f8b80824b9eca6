// This browser's localStorage as the widgets use it: JSON text under a key, and a page that
// keeps working (forgetting on reload) where storage is blocked or full. The first failure
// is reported once, to the listener given to onTrouble.

const SET_ASIDE = ":set-aside";

export const store = {
  troubled: false,
  listener: null,

  /** Call `listener()` on the first failure to read or write (at once if there was one). */
  onTrouble(listener) {
    this.listener = listener;
    if (this.troubled) listener();
  },

  /** The text stored under `key`, or null (nothing stored, or storage blocked). */
  text(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      this.trouble();
      return null;
    }
  },

  /**
   * The text under `key`, read by `read(text)`, which returns {problem} when it cannot make
   * sense of it: then the text is set aside (kept, not erased) and the problem passed on.
   */
  load(key, read) {
    const result = read(this.text(key));
    if (result.problem) this.setAside(key);
    return result;
  },

  /** Store `value` as JSON; null or an empty object removes the key. */
  write(key, value) {
    try {
      if (value === null || Object.keys(value).length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      this.trouble();
    }
  },

  /** Keep unreadable text under `key` aside (key + ":set-aside") instead of erasing it. */
  setAside(key) {
    try {
      const text = localStorage.getItem(key);
      if (text === null) return;
      localStorage.setItem(key + SET_ASIDE, text);
      localStorage.removeItem(key);
    } catch {
      this.trouble();
    }
  },

  trouble() {
    if (this.troubled) return;
    this.troubled = true;
    this.listener?.();
  },
};
