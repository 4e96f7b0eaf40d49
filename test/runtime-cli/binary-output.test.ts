/**
 * A binary answer on the command line (the engine run in-process, its client against a 127.0.0.1
 * server): the bytes reach stdout exactly as served, are refused on a terminal before anything is sent
 * unless `--output FILE` is given, and `--output FILE` puts them in the file.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHost, type Host } from "../../src/runtime-cli/host.js";
import type { CliProgram } from "../../src/runtime-cli/program.js";
import { runCli } from "../../src/runtime-cli/run-cli.js";
import { ClientCore, binaryResponse } from "../../src/runtime/index.js";
import type { OperationSpec, RequestOptions } from "../../src/runtime/types.js";
import { startHttpServer, type HttpServer } from "../helpers/http-server.js";

/** Every byte value, twice: any decoding as text would show. */
const AUDIO = Buffer.from([...Array(512).keys()].map((i) => i % 256));
const speech: OperationSpec = {
  id: "getSpeech",
  method: "get",
  path: "/speech",
  accept: "audio/mpeg",
  response: binaryResponse,
};

let server: HttpServer;
let dir: string;
beforeAll(async () => {
  server = await startHttpServer((_req, res) => {
    res.writeHead(200, { "content-type": "audio/mpeg" });
    res.end(AUDIO);
  });
  dir = await mkdtemp(join(tmpdir(), "clientgen-cli-output-"));
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const program = (): CliProgram => ({
  bin: "speak",
  title: "Speak",
  version: "1.0.0",
  baseURL: server.url,
  client: (options) => new ClientCore({ name: "Speak", baseURLEnv: "SPEAK_BASE_URL" }, options),
  options: [],
  operations: [
    {
      command: "getSpeech",
      group: "Audio",
      method: "get",
      path: "/speech",
      call: (client: ClientCore, options?: RequestOptions) => client.request(speech, {}, undefined, options),
      params: [],
      takesParams: false,
      response: "binary",
      example: "",
    },
  ],
});

/** The command line's own file writer, as `--output` uses it. */
const { openFile } = nodeHost();

/** A host whose stdout is or is not a terminal, collecting what is written, with real files. */
function host(args: string[], stdoutIsTTY: boolean) {
  const out: Uint8Array[] = [];
  const err: string[] = [];
  const h: Host = {
    args: [...args, "--base-url", server.url],
    env: {},
    stdoutIsTTY,
    write: async (stream, chunk) => {
      if (stream === "err") err.push(String(chunk));
      else out.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    },
    readStdin: async () => new Uint8Array(),
    readFile: (path) => readFile(path),
    openFile,
    onInterrupt: () => {},
    exit: () => {},
  };
  return { h, out: () => Buffer.concat(out), err: () => err.join("") };
}

describe("command line: binary responses", () => {
  it("writes the bytes to stdout when it is not a terminal, byte for byte", async () => {
    const run = host(["getSpeech"], false);
    expect([await runCli(program(), run.h), run.err()]).toEqual([0, ""]);
    expect(run.out().equals(AUDIO)).toBe(true);
    expect(run.err()).toBe("");
  });

  it("refuses a terminal without --output (exit 2, nothing sent), and with --output FILE writes the file", async () => {
    const sent = server.requests.length;
    const refused = host(["getSpeech"], true);
    expect(await runCli(program(), refused.h)).toBe(2);
    expect(refused.err()).toContain(
      "getSpeech answers with bytes, which are not written to a terminal: give --output FILE",
    );
    expect(refused.out().length).toBe(0);
    expect(server.requests.length).toBe(sent);

    const path = join(dir, "speech.mp3");
    const saved = host(["getSpeech", "--output", path], true);
    expect(await runCli(program(), saved.h)).toBe(0);
    expect((await readFile(path)).equals(AUDIO)).toBe(true);
    expect(saved.out().length).toBe(0);
  });
});
