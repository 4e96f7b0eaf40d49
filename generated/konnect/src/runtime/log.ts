/** Logging, set up once per client: every line prefixed with the client's name and redacted. */
import type { ClientOptions, ClientSpec } from "./types.js";
import { readEnv } from "./util.js";

const LEVELS = ["off", "error", "warn", "info", "debug"];

/** Logs `message()` at `level` (1 error … 4 debug); the message is only built when the level is enabled. */
export type Log = (level: number, message: () => string) => void;

/**
 * The client's log and header formatting. The level comes from `logLevel` or `<PREFIX>_LOG`, the
 * prefix of the client's other variables (`KONNECT_BASE_URL`, so `KONNECT_LOG`; default `warn`). Every line goes through `redact` (auth's, when the client has credentials); header values
 * of the `hidden` headers are replaced by `***`.
 */
export function createLog(
  { name, baseURLEnv }: ClientSpec,
  options: ClientOptions,
  hidden: Set<string>,
  redact = (text: string) => text,
) {
  // `<PREFIX>_BASE_URL` less `BASE_URL`.
  const found = LEVELS.indexOf(options.logLevel ?? readEnv(baseURLEnv.slice(0, -8) + "LOG") ?? "warn");
  const level = found < 0 ? 2 : found;
  const logger = options.logger ?? console;
  const log: Log = (l, message) => {
    if (l <= level) logger[LEVELS[l] as "error"](redact(`[${name}] ${message()}`));
  };
  // Headers.forEach, not iteration, and no DOM-only type names: the runtime compiles with Node's types alone or DOM's.
  const headers = (h: Headers | Record<string, string>): string => {
    const shown: Record<string, string> = {};
    new Headers(h).forEach((v, k) => (shown[k] = hidden.has(k) ? "***" : v));
    return JSON.stringify(shown);
  };
  return [log, headers] as const;
}
