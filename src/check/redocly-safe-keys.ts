/**
 * Redocly's resolver and `struct` rule look keys up in plain objects, so a key that is also an
 * Object.prototype member (a property named `constructor`, `toString`, `hasOwnProperty`…) finds the
 * inherited function and is misjudged, or throws. Such keys are handed to Redocly with a mark
 * appended, and the mark is taken off again in what it reports.
 */
const MARK = "\u0000";

const unsafe = (key: string): boolean => key in Object.prototype;

export function hasUnsafeKeys(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasUnsafeKeys);
  if (node === null || typeof node !== "object") return false;
  for (const key of Object.keys(node)) {
    if (unsafe(key)) return true;
    const value = (node as Record<string, unknown>)[key];
    if (value !== null && typeof value === "object" && hasUnsafeKeys(value)) return true;
  }
  return false;
}

/** A copy of `node` with every unsafe key marked. */
export function markUnsafeKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(markUnsafeKeys);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[unsafe(key) ? `${key}${MARK}` : key] = markUnsafeKeys(value);
  return out;
}

/** Takes the marks off a pointer segment or a message. */
export const unmark = (text: string): string => text.split(MARK).join("");
