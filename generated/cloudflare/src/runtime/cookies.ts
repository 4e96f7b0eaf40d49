/**
 * The Cookie header, for operations with cookie parameters and credentials sent as cookies (both
 * import this, other bundles leave it out): one header among the lowest-precedence ones.
 */
import { serialize } from "./serialize.js";
import type { RequestDraft } from "./types.js";

/**
 * Adds cookies to the request, by name: a later value replaces an earlier one of the same name where
 * it stood. Values are sent as given (no encoding); the core refuses CR and LF in any header.
 */
export function setCookies(draft: RequestDraft, cookies: Record<string, unknown>): void {
  const jar = Object.assign((draft.cookies ??= {}), cookies);
  draft.header.cookie = serialize(jar, "; ", String) || undefined;
}
