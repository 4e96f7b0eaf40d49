/** Casing and identifier rules shared by every naming decision. */
import { isReservedWord } from "../ts-syntax.js";

/** Splits on separators and case changes: `user'-s-invites` → [user, s, invites]; `getHTTPStatus` → [get, HTTP, Status]. */
export function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
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
