/**
 * A generated client on every runtime it promises beyond this process's Node: Node 22 and 24, Bun and
 * Deno, pinned in test/other-runtimes/ (npm packages of their binaries, installed by `npm ci`'s
 * prepare step). One package is generated from test/fixtures/specs/runtimes (JSON with a path
 * parameter and a query, an event stream, a multipart upload, a webhooks block), bundled once with
 * esbuild into a script that makes every kind of call against one 127.0.0.1 server here and prints
 * what it got as JSON; each runtime runs that script at once, in parallel. Deno runs it with network
 * access to 127.0.0.1 alone: no environment access, which the client must take as "no variables"
 * (a missing credential is then the usual error). The package's command line runs under Bun and Deno
 * (`--allow-env`: a command line reads its credentials from there; `--allow-read` of the folder with
 * the file it uploads); this process's Node runs it in test/runtime-cli/.
 */
import { execFile } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleModule } from "../helpers/bundle.js";
import { CliBundles } from "../helpers/cli-bundle.js";
import { fixture, generateIntoTemp, projectRoot } from "../helpers/generate.js";
import { reply, startHttpServer, type HttpServer, type RequestHandler } from "../helpers/http-server.js";

const installed = join(projectRoot, "test", "other-runtimes", "node_modules");
/** The pinned packages are Linux x64 binaries; scripts/install-runtimes.mjs installs them nowhere else. */
const linuxX64 = process.platform === "linux" && process.arch === "x64";

interface Runtime {
  bin: string;
  /** What `navigator.userAgent` says there (Node 20 has no `navigator`). */
  userAgent: string | null;
  /** The arguments that run a script with the network access it needs (and, for a command line, the environment). */
  args(script: string, cli: boolean): string[];
}

const plain = (script: string) => [script];
const RUNTIMES: Record<string, Runtime> = {
  "node (this process)": { bin: process.execPath, userAgent: null, args: plain },
  "node 22": { bin: join(installed, "node22", "bin", "node"), userAgent: "Node.js/22", args: plain },
  "node 24": { bin: join(installed, "node24", "bin", "node"), userAgent: "Node.js/24", args: plain },
  bun: { bin: join(installed, "@oven", "bun-linux-x64", "bin", "bun"), userAgent: "Bun/1.4.5", args: plain },
  deno: {
    bin: join(installed, "@deno", "linux-x64-glibc", "deno"),
    userAgent: "Deno/2.9.6",
    args: (script, cli) => [
      "run",
      "--no-prompt",
      // The loopback host, any port: the test server's and the closed one.
      "--allow-net=127.0.0.1",
      ...(cli ? ["--allow-env", `--allow-read=${work}`] : []),
      script,
    ],
  },
};
const CLI_RUNTIMES = ["bun", "deno"];

/** A Standard Webhooks delivery signed here with node:crypto, for each runtime to verify with Web Crypto. */
const key = randomBytes(32);
const event = { type: "item.updated", data: { id: "i1", detail: "naïve ✓" } };
const at = Math.floor(Date.now() / 1000);
const delivery = {
  secret: `whsec_${key.toString("base64")}`,
  body: JSON.stringify(event),
  headers: {
    "webhook-id": "msg_1",
    "webhook-timestamp": String(at),
    "webhook-signature": `v1,${createHmac("sha256", key)
      .update(`msg_1.${at}.${JSON.stringify(event)}`)
      .digest("base64")}`,
  },
};

/** The script every runtime runs: each kind of call, its outcome printed as one JSON line. */
const app = (baseURL: string, closedURL: string) => `import Relay, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InvalidWebhookSignatureError,
  NotFoundError,
} from "./src/index.ts";

const delivery = ${JSON.stringify(delivery)};
const client = new Relay({ baseURL: ${JSON.stringify(baseURL)}, apiKey: "k-test", maxRetries: 0 });
const out = { userAgent: globalThis.navigator?.userAgent ?? null };
const caught = (e) => ({ name: e.name, apiError: e instanceof APIError, status: e.status });
const failure = (promise, type) => promise.then(() => "resolved", (e) => ({ name: e.name, typed: e instanceof type }));
try {
  out.item = await client.items.retrieve("a b/ü", { expand: "detail" });
  out.events = [];
  for await (const e of await client.events.list({ topic: "t1" })) out.events.push(e);
  out.notFound = await client.items.retrieve("missing").then(
    () => "resolved",
    (e) => ({ ...caught(e), notFound: e instanceof NotFoundError }),
  );
  out.retried = await client.items.retrieve("flaky-" + crypto.randomUUID(), {}, { maxRetries: 1 }).then((r) => r.detail);
  const file = new File(["hello ✓"], "note.txt", { type: "text/plain" });
  out.upload = await client.files.create({ file, purpose: "test" });
  // Each runtime's fetch fails in its own way: the client must still tell the three apart.
  const slow = (options) => client.items.retrieve("slow", {}, options);
  [out.timedOut, out.aborted, out.refused] = await Promise.all([
    failure(slow({ timeout: 100 }), APIConnectionTimeoutError),
    failure(slow({ signal: AbortSignal.timeout(50) }), APIUserAbortError),
    failure(new Relay({ baseURL: ${JSON.stringify(closedURL)}, apiKey: "k", maxRetries: 0 }).items.retrieve("x"), APIConnectionError),
  ]);
  out.webhook = await client.webhooks.unwrap(delivery.body, delivery.headers, delivery.secret);
  out.tampered = await failure(
    client.webhooks.unwrap(delivery.body.replace("i1", "i2"), delivery.headers, delivery.secret),
    InvalidWebhookSignatureError,
  );
  try {
    new Relay({ baseURL: ${JSON.stringify(baseURL)} });
    out.noKey = "built";
  } catch (e) {
    out.noKey = e.message.includes("RELAY_API_KEY") ? "refused, naming RELAY_API_KEY" : e.message;
  }
} catch (e) {
  out.failed = String(e?.stack ?? e);
}
console.log(JSON.stringify(out));
`;

/** One API: the item's id and raw request target echoed, a first 429 for `flaky-` ids, events in pieces, uploads read back. */
const attempts = new Map<string, number>();
let server: HttpServer;

const handle: RequestHandler = async (req, res) => {
  if (req.headers.authorization !== "Bearer k-test") return reply(res, 401, { error: { message: "no key" } });
  if (req.path.startsWith("/items/")) {
    const id = decodeURIComponent(req.path.slice("/items/".length));
    if (id === "missing") return reply(res, 404, { error: { message: "no such item" } });
    // Longer than any client here waits; the server's close ends the connection.
    if (id === "slow") return void setTimeout(() => reply(res, 200, { id }), 2000).unref();
    if (id.startsWith("flaky-")) {
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      if (n === 1) return reply(res, 429, { error: { message: "slow down" } }, { "retry-after-ms": "10" });
      return reply(res, 200, { id, detail: `attempt ${n}` });
    }
    return reply(res, 200, { id, detail: req.url });
  }
  if (req.path === "/events") {
    res.writeHead(200, { "content-type": "text/event-stream" });
    // An event split across two writes and a comment: the decoder must join the one and skip the other.
    res.write(`data: {"type":"${req.query.get("topic")}","at":1}\n\n: keep-alive\n\ndata: {"type":`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return void res.end(`"end","at":2}\n\n`);
  }
  if (req.path === "/files") {
    const form = await new Response(new Uint8Array(req.body), {
      headers: { "content-type": req.headers["content-type"]! },
    }).formData();
    const file = form.get("file") as File;
    return reply(res, 200, { id: file.name, detail: `${form.get("purpose")} ${file.type} ${await file.text()}` });
  }
  reply(res, 404, { error: { message: `no route ${req.path}` } });
};

/** A 127.0.0.1 address nothing listens on: a server's, once closed. */
async function closedURL(): Promise<string> {
  const closed = await startHttpServer(() => {});
  await closed.close();
  return closed.url;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work = "";
let script = "";
const cli = new CliBundles();

/** Runs a runtime's binary with only PATH and `env` in its environment; Deno's cache lives in the temp folder and it checks for no update. */
function run(runtime: Runtime, args: string[], env: Record<string, string> = {}, stdin = ""): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      runtime.bin,
      args,
      {
        cwd: work,
        timeout: 30_000,
        env: {
          PATH: process.env.PATH ?? "",
          DENO_DIR: join(work, "deno"),
          DENO_NO_UPDATE_CHECK: "1",
          DO_NOT_TRACK: "1",
          NO_COLOR: "1",
          ...env,
        },
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err.code as number | undefined) ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

let pkgDir = "";
const outcomes = new Map<string, Promise<Run>>();
const cliOutcomes = new Map<string, Promise<Record<"found" | "missing" | "events" | "upload" | "webhook", Run>>>();

/** The package's command line, several commands at once, with the key (and the webhook secret) in its environment. */
async function runCli(runtime: Runtime) {
  const env = { RELAY_API_KEY: "k-test", RELAY_WEBHOOK_SECRET: delivery.secret };
  const relay = (args: string[], stdin?: string) =>
    run(runtime, [...runtime.args(join(cli.dir, "relay.mjs"), true), ...args, "--base-url", server.url], env, stdin);
  const signed = Object.entries(delivery.headers).flatMap(([k, v]) => ["--header", `${k}: ${v}`]);
  const [found, missing, events, upload, webhook] = await Promise.all([
    relay(["getItem", "item_id=cli", "expand=x"]),
    relay(["getItem", "item_id=missing", "--max-retries", "0"]),
    relay(["tailEvents", "topic=cli"]),
    relay(["uploadFile", "file=@note.txt", "purpose=cli"]),
    relay(["webhooks", "verify", "--data", "-", ...signed], delivery.body),
  ]);
  return { found, missing, events, upload, webhook };
}

beforeAll(async () => {
  if (!linuxX64) return;
  [pkgDir, server, work] = await Promise.all([
    generateIntoTemp(fixture("specs", "runtimes", "openapi.yaml"), "relay"),
    startHttpServer(handle),
    mkdtemp(join(tmpdir(), "clientgen-runtimes-")),
  ]);
  script = join(work, "app.mjs");
  const [bundle] = await Promise.all([
    bundleModule(app(server.url, await closedURL()), pkgDir, { minify: false }),
    cli.buildPackage("relay", pkgDir),
  ]);
  await writeFile(script, bundle);
  await writeFile(join(work, "note.txt"), "hello ✓\n");
  // Every runtime at once: each test below awaits its own.
  for (const [name, runtime] of Object.entries(RUNTIMES)) outcomes.set(name, run(runtime, runtime.args(script, false)));
  for (const name of CLI_RUNTIMES) cliOutcomes.set(name, runCli(RUNTIMES[name]!));
}, 60_000);

afterAll(async () => {
  await server?.close();
  cli.remove();
  await Promise.all([pkgDir, work].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

describe.skipIf(!linuxX64).each(Object.keys(RUNTIMES))("a generated client on %s", (name) => {
  it("makes JSON, event-stream and multipart calls, retries a 429, throws typed errors and verifies webhooks", async () => {
    const { bin } = RUNTIMES[name]!;
    expect(existsSync(bin), `${bin} is missing: npm ci (its prepare step) installs test/other-runtimes`).toBe(true);
    const { code, stdout, stderr } = await outcomes.get(name)!;
    // What the client logs (through \`console\`), whatever words log.ts settles on: the retry and the two
    // connection failures; not the caller's own abort.
    expect(code).toBe(0);
    const logged = stderr.trimEnd().split("\n");
    expect(logged).toHaveLength(3);
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[Relay\] GET http:\S+\/items\/flaky-\S+ failed\b.*\b429\b.*, retry 1\/1 in 10ms$/),
        expect.stringMatching(/^\[Relay\] GET http:\S+\/items\/x failed\b/),
        expect.stringMatching(/^\[Relay\] GET http:\S+\/items\/slow failed\b.*timed out/),
      ]),
    );
    const out = JSON.parse(stdout);
    expect(out).toEqual({
      userAgent: RUNTIMES[name]!.userAgent === null ? null : expect.stringContaining(RUNTIMES[name]!.userAgent!),
      item: { id: "a b/ü", detail: "/items/a%20b%2F%C3%BC?expand=detail" },
      events: [
        { type: "t1", at: 1 },
        { type: "end", at: 2 },
      ],
      notFound: { name: "NotFoundError", apiError: true, notFound: true, status: 404 },
      retried: "attempt 2",
      // Bun's File adds the charset to a text type itself (\`new File([], "n", { type: "text/plain" }).type\`).
      upload: { id: "note.txt", detail: expect.stringMatching(/^test text\/plain(;charset=utf-8)? hello ✓$/) },
      webhook: event,
      tampered: { name: "InvalidWebhookSignatureError", typed: true },
      timedOut: { name: "APIConnectionTimeoutError", typed: true },
      aborted: { name: "APIUserAbortError", typed: true },
      refused: { name: "APIConnectionError", typed: true },
      noKey: "refused, naming RELAY_API_KEY",
    });
  });
});

describe.skipIf(!linuxX64).each(CLI_RUNTIMES)("the generated command line on %s", (name) => {
  it("prints an item, streams events, uploads a file, exits 1 on a 404 and verifies a webhook from stdin", async () => {
    const { found, missing, events, upload, webhook } = await cliOutcomes.get(name)!;
    expect({ ...found, stdout: JSON.parse(found.stdout) }).toEqual({
      code: 0,
      stdout: { id: "cli", detail: "/items/cli?expand=x" },
      stderr: "",
    });
    expect(missing).toEqual({ code: 1, stdout: "", stderr: expect.stringContaining("404") });
    // Each event as it arrives, one JSON value a line (stdout is a pipe).
    expect(events).toEqual({ code: 0, stdout: '{"type":"cli","at":1}\n{"type":"end","at":2}\n', stderr: "" });
    expect({ ...upload, stdout: JSON.parse(upload.stdout) }).toEqual({
      code: 0,
      stdout: { id: "note.txt", detail: expect.stringMatching(/^cli text\/plain(;charset=utf-8)? hello ✓\n$/) },
      stderr: "",
    });
    expect({ ...webhook, stdout: JSON.parse(webhook.stdout) }).toEqual({ code: 0, stdout: event, stderr: "" });
  });
});
