/** Small helpers shared by the runtime files. No platform APIs beyond ES2022 + fetch-era globals. */
import { SDKError } from "./errors.js";

type EnvHolder = { process?: { env?: Record<string, string | undefined> } };

/** Reads an environment variable where one exists (Node, Bun, Deno's `process`); undefined elsewhere. */
export function readEnv(name: string): string | undefined {
  try {
    return (globalThis as EnvHolder).process?.env?.[name]?.trim() || undefined;
  } catch {
    // Deno without --allow-env throws on access.
    return undefined;
  }
}

/** A credential or client parameter: the client option, else its environment variable; empty counts as unset. */
export function optionValue(options: Record<string, unknown>, option: string, env?: string): string | undefined {
  return String(options[option] ?? (env && readEnv(env)) ?? "") || undefined;
}

/**
 * The only way a value enters a URL path. encodeURIComponent keeps `/` out, so `../admin` stays one
 * segment. A value of exactly `.` or `..` is refused: WHATWG URL parsing (which fetch applies)
 * resolves them even when spelled `%2E`/`%2E%2E`, so no encoding keeps them from changing the path.
 */
export function encodePathSegment(value: unknown): string {
  const s = String(value);
  if (s === "." || s === "..") throw new SDKError(`Path parameter value \`${s}\` is not allowed`);
  return encodeURIComponent(s);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a dotted path such as `result_info.total_count`. */
export function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const key of path.split(".")) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}
