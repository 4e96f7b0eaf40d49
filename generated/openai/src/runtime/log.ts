/** Logging, set up once per client: every line prefixed with the client's name and redacted. */
import type { ClientOptions } from "./types.js";
import { readEnv } from "./util.js";

const LEVELS = ["off", "error", "warn", "info", "debug"];

/** Logs `message()` at `level` (1 error … 4 debug); the message is only built when the level is enabled. */
export type Log = (level: number, message: () => string) => void;

/**
 * The client's log, redaction and header formatting. The level comes from `logLevel` or `<NAME>_LOG`
 * (default `warn`). `secrets` are replaced by `***` wherever they appear; so are the values of the
 * `hidden` headers, which auth may still add to after this call.
 */
export function createLog(name: string, options: ClientOptions, secrets: string[], hidden: Set<string>) {
  const found = LEVELS.indexOf(options.logLevel ?? readEnv(`${name.toUpperCase().replace(/\W/g, "_")}_LOG`) ?? "warn");
  const level = found < 0 ? 2 : found;
  const logger = options.logger ?? console;
  // Longest first, so a secret containing another is not left half-redacted.
  secrets.sort((a, b) => b.length - a.length);
  const redact = (text: string): string => secrets.reduce((t, s) => t.split(s).join("***"), text);
  const log: Log = (l, message) => {
    if (l <= level) logger[LEVELS[l] as "error"](redact(`[${name}] ${message()}`));
  };
  const headers = (h: HeadersInit): string => JSON.stringify(Object.fromEntries(Array.from(new Headers(h), ([k, v]) => [k, hidden.has(k) ? "***" : v])));
  return [log, redact, headers] as const;
}
