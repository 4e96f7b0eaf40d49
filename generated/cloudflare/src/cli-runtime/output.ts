import { APIConnectionError, APIError, APIUserAbortError, SDKError } from "../runtime/errors.js";
import type { Page } from "../runtime/pagination.js";
import { Stream } from "../runtime/stream.js";
import type { Host } from "./host.js";
import type { CliOperation, CliProgram } from "./program.js";
import { UsageError } from "./usage-error.js";

/** Exit codes, as `--help` and docs/CLI.md document them. */
export const EXIT = { ok: 0, api: 1, usage: 2, connection: 3, interrupted: 130 } as const;

/** JSON for people on a terminal (indented), one line for pipes. */
export const json = (host: Host, value: unknown): string =>
  `${JSON.stringify(value, null, host.stdoutIsTTY ? 2 : undefined)}\n`;

/** `HTTP 200 OK` and the headers, as `--raw` shows them before the body. */
export async function writeHead(host: Host, response: Response): Promise<void> {
  const lines = [`HTTP ${response.status} ${response.statusText}`.trim()];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  await host.write("out", `${lines.join("\n")}\n\n`);
}

/** One operation's result: JSON, text as it came, bytes as they came, events one JSON line each, nothing for `void`. */
export async function writeResult(host: Host, op: CliOperation, data: unknown): Promise<void> {
  if (op.response === "void" || data === undefined) return;
  // Streamed on request (`stream=true`) as well as declared so: each event is written as it arrives.
  if (data instanceof Stream) {
    for await (const event of data) await host.write("out", `${JSON.stringify(event)}\n`);
    return;
  }
  if (data instanceof Response) return writeBytes(host, data, op);
  if (data instanceof Blob) return host.write("out", new Uint8Array(await data.arrayBuffer()));
  if (typeof data === "string" && op.response === "text")
    return host.write("out", data.endsWith("\n") ? data : `${data}\n`);
  await host.write("out", json(host, data));
}

/** A binary answer (the runtime's binaryResponse gives the Response unread), written as its bytes arrive; never to a terminal. */
async function writeBytes(host: Host, response: Response, op: CliOperation): Promise<void> {
  if (host.stdoutIsTTY) {
    await response.body?.cancel();
    throw bytesOnTerminal(op);
  }
  const reader = response.body?.getReader();
  if (reader) for (let r = await reader.read(); !r.done; r = await reader.read()) await host.write("out", r.value);
}

/** Bytes would garble a terminal, and a terminal would garble them. */
export const bytesOnTerminal = (op: CliOperation): UsageError =>
  new UsageError(
    `${op.command} answers with bytes, which are not written to a terminal: give --output FILE, or redirect stdout (> FILE)`,
    op.command,
  );

/**
 * Runs `write` with the body going to stdout, or, with `--output FILE`, to that file instead (created only
 * once the answer is in, so a failed call leaves an existing file as it was); stderr stays stderr.
 */
export async function toOutput(host: Host, output: string | undefined, write: (out: Host) => Promise<void>) {
  if (output === undefined) return write(host);
  const file = await host.openFile(output);
  const { columns: _columns, ...rest } = host;
  try {
    await write({
      ...rest,
      stdoutIsTTY: false,
      write: (s, chunk) => (s === "out" ? file.write(chunk) : host.write(s, chunk)),
    });
  } finally {
    await file.close();
  }
}

/** `--all`: every item of every page, one JSON line each, written as each page arrives. */
export async function writeAllItems(host: Host, first: Page<unknown>): Promise<void> {
  for await (const page of first.iterPages())
    for (const item of page.items) await host.write("out", `${JSON.stringify(item)}\n`);
}

/** How a run went before its error: `--verbose` was given; a request was sent. */
export interface ErrorContext {
  verbose: boolean;
  sent: boolean;
}

/** Reports an error on stderr and gives the exit code: 1 the API answered with an error, 2 usage, 3 no answer. */
export async function reportError(
  host: Host,
  program: CliProgram,
  err: unknown,
  { verbose, sent }: ErrorContext,
): Promise<number> {
  const say = (text: string) => host.write("err", `${program.bin}: ${text}\n`);
  if (err instanceof UsageError) {
    await say(`error: ${err.message}`);
    await host.write("err", `Run '${program.bin} ${err.command ? `${err.command} ` : ""}--help' for usage.\n`);
    return EXIT.usage;
  }
  if (err instanceof APIUserAbortError) {
    await say("interrupted");
    return EXIT.interrupted;
  }
  if (err instanceof APIConnectionError) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message}${causeCode(err.cause)})` : "";
    await say(`${err.name}: ${err.message}${cause}`);
    return EXIT.connection;
  }
  if (err instanceof APIError) {
    const lines = [`${err.name}: ${err.message}`, `  status: ${err.status}`];
    if (err.requestID) lines.push(`  request id: ${err.requestID}`);
    if (verbose && err.body !== undefined) lines.push(`  body: ${JSON.stringify(err.body)}`);
    await say(lines.join("\n"));
    return EXIT.api;
  }
  if (err instanceof SDKError && sent) {
    // The client refused what the server answered (a redirect carrying a credential to another origin).
    await say(`${err.name}: ${err.message}`);
    return EXIT.api;
  }
  if (err instanceof SDKError) {
    // Raised before sending: missing credentials, client parameters or base URL, a header value with CR/LF.
    if (/missing credentials/.test(err.message)) {
      await say(`error: ${onCommandLine(err.message, program)}`);
      return EXIT.usage;
    }
    const flags = program.options
      .filter((o) => o.kind === "client parameter")
      .map((o) => `--${o.flag}${o.env ? ` (${o.env})` : ""}`);
    const given = /`baseURL`/.test(err.message) ? ["--base-url URL"] : /client option/.test(err.message) ? flags : [];
    await say(`error: ${err.message}${given.length ? `\n  on the command line: ${given.join(", ")}` : ""}`);
    return EXIT.usage;
  }
  await say(`error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT.api;
}

/** The client's "Pass `apiKey` to the client or set X" as a command line says it: "Pass --api-key or set X". */
function onCommandLine(message: string, program: CliProgram): string {
  const flags = new Map(program.options.map((o) => [o.option, `--${o.flag}`]));
  return message.replace(/`([^`]+)`/g, (all, option: string) => flags.get(option) ?? all).replace(" to the client", "");
}

/** fetch's connection errors keep the system's code on their cause: `ECONNREFUSED`. */
function causeCode(cause: Error): string {
  const code = (cause as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === "string" ? `: ${code}` : "";
}
