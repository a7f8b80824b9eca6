// The planner's pure functions: sharing links, stored state and answer merging. No DOM here.
//
// Answers are plain question -> option objects once Python has cleaned them; anything read
// from a link or from storage is untrusted and travels to Python as [key, value] pairs.

export const ANSWERS_KEY = "telework-planner-answers";
export const TICKS_KEY = "telework-planner-ticks";
const FRAGMENT_PARAM = "a";

/** The fragment (without "#") that carries `answers`: a=<URL-encoded key=value&...>. */
export function encodeFragment(answers) {
  const pairs = new URLSearchParams(Object.entries(answers)).toString();
  return `${FRAGMENT_PARAM}=${encodeURIComponent(pairs)}`;
}

/** The [key, value] pairs in a location hash, or null when it carries no answers. */
export function decodeFragment(hash) {
  const fragment = new URLSearchParams(String(hash).replace(/^#/, ""));
  const encoded = fragment.get(FRAGMENT_PARAM);
  if (encoded === null) return null;
  return [...new URLSearchParams(encoded)];
}

/** Untrusted stored or linked state as [key, value] pairs; anything but an object gives none. */
export function toPairs(value) {
  if (Array.isArray(value)) return value.filter((p) => Array.isArray(p) && p.length === 2);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value);
}

/** A copy of `answers` with `changes` applied; an empty value means "not sure", so it is removed. */
export function mergeAnswers(answers, changes) {
  const kept = Object.entries(answers).filter(([question]) => !Object.hasOwn(changes, question));
  const given = Object.entries(changes).filter(([, option]) => option !== "");
  return Object.fromEntries([...kept, ...given]); // data properties only, whatever the keys
}

/** A copy of the ticked items with `item` ticked or not. */
export function setTick(ticks, item, ticked) {
  const others = Object.entries(ticks).filter(([id]) => id !== item);
  return Object.fromEntries(ticked ? [...others, [item, true]] : others);
}

/** Ticks read back from storage: only item ids with a true value count. */
export function cleanTicks(value) {
  return Object.fromEntries(toPairs(value).filter(([, on]) => on === true));
}

/** Parse stored JSON, giving `fallback` for nothing or garbage. */
export function parseStored(text, fallback) {
  if (text === null || text === undefined) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
