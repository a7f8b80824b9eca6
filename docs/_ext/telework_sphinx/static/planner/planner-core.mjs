// The planner's pure functions: sharing links, stored state and answer merging. No DOM here.
//
// Answers are plain question -> option objects once Python has cleaned them. Anything read
// from a link or from storage is untrusted: it is read only when short (MAX_INPUT_CHARS) and
// flat (question -> text), then travels to Python as a Map, which arrives as a dict whatever
// its keys ("constructor" and "__proto__" included). What cannot be read is set aside whole,
// with one problem named, so that the planner starts clean instead of failing.

export const ANSWERS_KEY = "telework-planner-answers";
export const TICKS_KEY = "telework-planner-ticks";
export const MAX_INPUT_CHARS = 16 * 1024;
/** How many notices a widget lists before "…and N more". */
export const MAX_NOTICES = 5;
const MAX_NOTICE_CHARS = 300;
const FRAGMENT_PARAM = "a";
const BADLY_ENCODED = "it is not validly URL-encoded: it may have been cut short";

/** A date as YYYY-MM-DD in the reader's own time zone (toISOString would give UTC's day). */
export function localDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The fragment (without "#") that carries `answers`: a=<URL-encoded key=value&...>. */
export function encodeFragment(answers) {
  const pairs = new URLSearchParams(Object.entries(answers)).toString();
  return `${FRAGMENT_PARAM}=${encodeURIComponent(pairs)}`;
}

/**
 * What a location hash carries: null when no answers, else {pairs} ([key, value] strings),
 * or {pairs: [], problem} when the link is too long or too garbled to read.
 */
export function decodeFragment(hash) {
  const text = String(hash);
  if (text.length > MAX_INPUT_CHARS) {
    return text.includes(`${FRAGMENT_PARAM}=`) ? { pairs: [], problem: tooLong(text) } : null;
  }
  const encoded = new URLSearchParams(text.replace(/^#/, "")).get(FRAGMENT_PARAM);
  if (encoded === null) return null;
  // URLSearchParams reads a broken escape ("%E0%A4%A") as text; such a link is refused.
  if (!wellEncoded(text) || !wellEncoded(encoded)) return { pairs: [], problem: BADLY_ENCODED };
  return { pairs: [...new URLSearchParams(encoded)] };
}

function wellEncoded(text) {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Stored text read as JSON: {value} (undefined when nothing is stored) or {problem}. */
export function parseStored(text) {
  if (text === null || text === undefined) return { value: undefined };
  if (text.length > MAX_INPUT_CHARS) return { problem: tooLong(text) };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: "it is not in the format this page writes" };
  }
}

/**
 * Untrusted answers as [key, text] pairs: {pairs}, or {pairs: [], problem} unless `value` is
 * a flat object (nothing, too, gives no pairs). Numbers, true/false and null become text, so
 * Python can name them in its notices; nested values make the whole object unreadable.
 */
export function toPairs(value) {
  if (value === undefined) return { pairs: [] };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { pairs: [], problem: "it is not a list of answers" };
  }
  const pairs = [];
  for (const [key, raw] of Object.entries(value)) {
    if (raw !== null && typeof raw === "object") {
      return { pairs: [], problem: "it holds nested data, which this page never writes" };
    }
    pairs.push([key, String(raw)]);
  }
  return { pairs };
}

/** Stored text of answers, read: {pairs} or {pairs: [], problem}. */
export function readAnswers(text) {
  const read = parseStored(text);
  return read.problem ? { pairs: [], problem: read.problem } : toPairs(read.value);
}

/** Stored text of ticks, read: {ticks} (the ids stored as ticked) or {ticks: {}, problem}. */
export function readTicks(text) {
  const { pairs, problem } = readAnswers(text);
  const ticked = pairs.filter(([, on]) => on === "true").map(([id]) => [id, true]);
  return problem ? { ticks: {}, problem } : { ticks: Object.fromEntries(ticked) };
}

/** Answers (an object or [key, value] pairs) as Python is sent them: a Map, whose keys stay data whatever they are. */
export function answersForPython(answers) {
  return new Map(Array.isArray(answers) ? answers : Object.entries(answers));
}

/** A copy of `answers` with `changes` applied; an empty value means "not sure", so it is removed. */
export function mergeAnswers(answers, changes) {
  const kept = Object.entries(answers).filter(([question]) => !Object.hasOwn(changes, question));
  const given = Object.entries(changes).filter(([, option]) => option !== "");
  return Object.fromEntries([...kept, ...given]); // data properties only, whatever the keys
}

/**
 * What Undo puts back after a Reset: the answers and ticks the Reset `removed`, under those
 * given `since` (in this tab or another), whose answers win where both answer a question.
 */
export function undoReset(removed, since) {
  return {
    answers: mergeAnswers(removed.answers, since.answers),
    ticks: { ...removed.ticks, ...since.ticks }, // data properties only, whatever the ids
  };
}

/** A copy of the ticked items with `item` ticked or not. */
export function setTick(ticks, item, ticked) {
  const others = Object.entries(ticks).filter(([id]) => id !== item);
  return Object.fromEntries(ticked ? [...others, [item, true]] : others);
}

/**
 * Notices as a widget lists them: readable one-line text (control and bidirectional
 * characters shown as "?", each cut short), at most MAX_NOTICES, then "…and N more.".
 */
export function noticeLines(notices) {
  const shown = notices.length > MAX_NOTICES ? MAX_NOTICES - 1 : notices.length;
  const lines = notices.slice(0, shown).map(readable);
  const more = notices.length - shown;
  if (more > 0) lines.push(`…and ${more} more ${more === 1 ? "notice" : "notices"}.`);
  return lines;
}

/** `text` with control and format characters as "?", cut to a line's length. */
export function readable(text) {
  const line = String(text).replace(/\p{C}/gu, "?");
  return line.length > MAX_NOTICE_CHARS ? `${line.slice(0, MAX_NOTICE_CHARS - 1)}…` : line;
}

function tooLong(text) {
  const kb = Math.round(text.length / 1024);
  return `it is ${kb} KB long, more than the ${MAX_INPUT_CHARS / 1024} KB a plan needs`;
}


/**
 * The step `direction` (+1 next, -1 back) away from `current` among `keys` (in order),
 * skipping those not `available`; null at either end.
 */
export function stepFrom(keys, available, current, direction) {
  for (let i = keys.indexOf(current) + direction; i >= 0 && i < keys.length; i += direction) {
    if (available.includes(keys[i])) return keys[i];
  }
  return null;
}

/** Whether arrow `key` on option `index` of `count` would wrap round to the other end. */
export function wrapsAround(key, index, count) {
  if (key === "ArrowDown" || key === "ArrowRight") return index === count - 1;
  if (key === "ArrowUp" || key === "ArrowLeft") return index === 0;
  return false;
}

/** Whether two answer objects hold the same answers. */
export function sameAnswers(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * The plan as a Markdown file that stands on its own: `answers` ([question, answer] text)
 * listed under the title, the `ticks` among `items` (the plan's item ids, in order) marked
 * [x], and links made absolute from `pageUrl`, the page's address on the published book;
 * without one, a note says that the links are relative.
 */
export function exportMarkdown(markdown, { items, ticks, answers, pageUrl }) {
  let item = 0;
  const lines = markdown.split("\n").map((line) => {
    if (!line.startsWith("- [ ] ")) return line;
    return Object.hasOwn(ticks, items[item++]) ? `- [x] ${line.slice(6)}` : line;
  });
  const head = ["## Your answers", ""];
  if (answers.length === 0) head.push("None yet: the plan keeps to what applies to everyone.");
  for (const [question, answer] of answers) {
    head.push(`- ${escapeMarkdown(question)} ${escapeMarkdown(answer)}`);
  }
  head.push("");
  if (!pageUrl) {
    head.push("*The links below are relative: they work from the book's own pages.*", "");
  }
  lines.splice(2, 0, ...head); // after the title and its blank line
  const text = lines.join("\n");
  if (!pageUrl) return text;
  return text.replace(/\]\(([^()\s]+)\)/g, (_, href) => `](${new URL(href, pageUrl).href})`);
}

function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>#|]/g, "\\$&");
}
