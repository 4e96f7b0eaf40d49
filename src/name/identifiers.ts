/** Casing and identifier rules shared by every naming decision. */
import { isReservedWord } from "../ts-syntax.js";

/**
 * Splits on separators and case changes: `user'-s-invites` → [user, s, invites]; `getHTTPStatus` →
 * [get, HTTP, Status]. One capital that starts a word before a capitalised one stays with it, as in
 * `OAuth2` and `ETag` (so `oauth2`, not `oAuth2`); inside a word it is a word of its own (`getAUser`).
 */
export function words(input: string): string[] {
  return input
    .replace(/([A-Z]+)([A-Z][a-z])/g, (match, run: string, next: string, at: number) =>
      run.length === 1 && (at === 0 || /[^A-Za-z0-9]/.test(input[at - 1]!)) ? match : `${run} ${next}`,
    )
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** camelCase; all-caps words are folded (`HTTPStatus` → `httpStatus`). */
export function camel(input: string): string {
  const ws = words(input.replace(/'/g, ""));
  if (ws.length === 0) return "";
  return safeStart(ws[0]!.toLowerCase() + ws.slice(1).map(cap).join(""));
}

export function pascal(input: string): string {
  const ws = words(input.replace(/'/g, ""));
  return safeStart(ws.map(cap).join(""));
}

/**
 * PascalCase that keeps a word's own casing (`OpenAI`, `GitHub`, `EPA`), for names people wrote:
 * only a first lowercase letter is raised, and a shouted word of five letters or more is folded.
 */
export function pascalKeepingCase(input: string): string {
  const ws = input
    .replace(/'/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const word = (w: string): string =>
    /^[A-Z0-9]{5,}$/.test(w) && /[A-Z]/.test(w) ? cap(w) : w.charAt(0).toUpperCase() + w.slice(1);
  return safeStart(ws.map(word).join(""));
}

const safeStart = (s: string): string => (/^[0-9]/.test(s) ? `_${s}` : s);

/** An identifier usable as a variable or function name. */
export function safeIdentifier(candidate: string, fallback: string): string {
  const name = candidate || fallback;
  return isReservedWord(name) ? `${name}_` : name;
}

/** Adds `2`, `3`… until `taken` does not have the name. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
