import type { Page } from "../runtime/pagination.js";
import type { APIPromise } from "../runtime/api-promise.js";
import { DEFAULT_REQUEST_ID_HEADER } from "../runtime/defaults.js";
import type { ClientOptions, Fetch, Logger, RequestOptions } from "../runtime/types.js";
import { buildCall } from "./build-call.js";
import { completionScript } from "./completion.js";
import { generalHelp, operationHelp } from "./help.js";
import { nodeHost, type Host } from "./host.js";
import { bytesOnTerminal, EXIT, reportError, toOutput, writeAllItems, writeHead, writeResult } from "./output.js";
import { parseArgs } from "./parse-args.js";
import type { ParsedArgs } from "./parsed-args.js";
import type { CliOperation, CliProgram } from "./program.js";
import { suggestion, UsageError } from "./usage-error.js";
import { WEBHOOKS_COMMAND } from "./reserved.js";

/** The entry of a generated `src/cli.ts`: runs the command line of this process and sets its exit code. */
export async function main(program: CliProgram): Promise<void> {
  const host = nodeHost();
  host.exit(await runCli(program, host));
}

/** Runs one command line; resolves to its exit code (0 success, 1 API error, 2 usage error, 3 no answer). */
export async function runCli(program: CliProgram, host: Host): Promise<number> {
  let verbose = false;
  const state: RunState = { sent: false };
  try {
    const parsed = parseArgs(program, host.args);
    verbose = parsed.verbose;
    if (parsed.version) return write(host, `${program.bin} ${program.version}\n`);
    if (parsed.command === undefined || parsed.command === "help") {
      if (parsed.command === undefined && !parsed.help) throw new UsageError("no operation given");
      const op = parsed.positionals[0] === undefined ? undefined : findOperation(program, parsed.positionals[0]);
      return write(host, op ? operationHelp(program, op, host.columns) : generalHelp(program, host.columns));
    }
    if (parsed.command === "completion") return write(host, completionScript(program, parsed.positionals[0]));
    const { webhooks } = program;
    if (parsed.command === WEBHOOKS_COMMAND && webhooks)
      return await webhooks.run({ ...program, webhooks }, parsed, host);
    const op = findOperation(program, parsed.command);
    if (parsed.help) return write(host, operationHelp(program, op, host.columns));
    if (parsed.positionals.length)
      throw new UsageError(`unexpected argument '${parsed.positionals[0]}': give parameters as name=value`, op.command);
    await execute(program, op, parsed, host, state);
    return EXIT.ok;
  } catch (err) {
    return reportError(host, program, err, { verbose, sent: state.sent });
  }
}

/** Whether a request went out: the client's own errors before one are usage errors, after one they are the answer's. */
interface RunState {
  sent: boolean;
}

async function write(host: Host, text: string): Promise<number> {
  await host.write("out", text);
  return EXIT.ok;
}

function findOperation(program: CliProgram, name: string): CliOperation {
  const op = program.operations.find((o) => o.command === name || o.alias === name);
  if (op) return op;
  const known = program.operations.flatMap((o) => [o.command, ...(o.alias ? [o.alias] : [])]);
  throw new UsageError(`unknown operation '${name}'${suggestion(name, known)}`);
}

async function execute(
  program: CliProgram,
  op: CliOperation,
  parsed: ParsedArgs,
  host: Host,
  state: RunState,
): Promise<void> {
  if (parsed.all && !op.list)
    throw new UsageError(`--all applies to list operations; ${op.command} is not one`, op.command);
  if (parsed.all && parsed.raw)
    throw new UsageError("--all prints items one per line, so it does not combine with --raw", op.command);
  if (op.response === "binary" && host.stdoutIsTTY && parsed.output === undefined) throw bytesOnTerminal(op);
  const args = await buildCall(program, op, parsed, host).catch((err: unknown) => {
    // A value's mistake (`limit=abc`) is about this operation: point at its --help, which lists its parameters.
    throw err instanceof UsageError && !err.command ? new UsageError(err.message, op.command) : err;
  });
  const client = program.client(clientOptions(parsed, host, state));
  const abort = new AbortController();
  host.onInterrupt(() => abort.abort());
  const options: RequestOptions = { signal: abort.signal };
  if (parsed.headers.length) options.headers = Object.fromEntries(parsed.headers);
  const call = op.call as (...a: unknown[]) => APIPromise<unknown>;
  const promise = call(client, ...args, options);
  // --verbose says which request answered (the request-id header the client reads, as its errors do).
  const said = async (r: Response) => {
    const id = r.headers.get(client.spec.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER);
    if (parsed.verbose && id) await host.write("err", `request id: ${id}\n`);
  };
  if (op.list) {
    const page = (await promise) as Page<unknown>;
    await said(page.response);
    if (parsed.raw) await writeHead(host, page.response);
    return toOutput(host, parsed.output, (out) =>
      parsed.all ? writeAllItems(out, page) : writeResult(out, { ...op, response: "json" }, page.body),
    );
  }
  if (!parsed.raw && !parsed.verbose) {
    const data = await promise;
    return toOutput(host, parsed.output, (out) => writeResult(out, op, data));
  }
  const { data, response } = await promise.withResponse();
  await said(response);
  if (parsed.raw) await writeHead(host, response);
  await toOutput(host, parsed.output, (out) => writeResult(out, op, data));
}

/** The client's options from the command line; what is not given comes from the environment, as in the clients. */
function clientOptions(parsed: ParsedArgs, host: Host, state: RunState): ClientOptions & Record<string, unknown> {
  const options: ClientOptions & Record<string, unknown> = { ...parsed.clientOptions };
  const send: Fetch = (input, init) => {
    state.sent = true;
    return fetch(input, init);
  };
  options.fetch = send;
  if (parsed.baseURL !== undefined) options.baseURL = parsed.baseURL;
  if (parsed.timeout !== undefined) options.timeout = parsed.timeout;
  if (parsed.maxRetries !== undefined) options.maxRetries = parsed.maxRetries;
  const line = (message: string) => void host.write("err", `${message}\n`);
  const logger: Logger = { error: line, warn: line, info: line, debug: line };
  options.logger = logger;
  // The final error is reported once, by reportError; retries and requests are logged with --verbose.
  options.logLevel = parsed.verbose ? "debug" : "error";
  return options;
}
