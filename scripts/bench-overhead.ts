/**
 * `npx tsx scripts/bench-overhead.ts [requests]` (also the last part of `npm run bench`): what a
 * generated client adds to each request over `fetch`. A node:http server on 127.0.0.1 answers a small
 * JSON body to every path; after a warm-up, the same number of sequential requests (default 2,000
 * each, at most 20,000) go out, in short interleaved rounds so drift (JIT, GC, CPU frequency, other
 * processes) hits every row alike, through:
 *   fetch         bare `fetch` + `json()`, the same URL and headers as the client's;
 *   fetch+timer   the same with the per-attempt AbortController and timer every timeout needs;
 *   client        `client.organization.invites.retrieve("x")` (generated/openai, logging off);
 *   client+mw     the same client with one no-op middleware (onRequest and onResponse);
 *   openai-node   the `openai` package's `client.models.retrieve("x")`, its own overhead on the same server.
 * Prints median and p95 per request for each row, each median over fetch+timer's (the target,
 * client ≤ 1.10× of fetch with the signal every request must carry) and, as a check on noise, the
 * median of the per-round client / fetch+timer ratios. Stops early after ~20 s of measuring; the
 * server closes at the end.
 *
 * Both clients are bundled with esbuild first and imported as plain JavaScript, as a consumer runs
 * them: tsx's on-the-fly transform wraps every closure in a `__name` helper, which would be measured too.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { OpenAI as Client } from "../generated/openai/src/index.js";
import type { OpenAI as Reference } from "openai";

const TARGET = 1.1;
const ROUNDS = 40;
const WARMUP = 1000;
const BUDGET_MS = 20_000;
const requests = Math.min(Math.max(Number(process.argv[2]) || 2000, ROUNDS), 20_000);
const BODY = JSON.stringify({
  object: "organization.invite",
  id: "x",
  email: "a@example.com",
  role: "reader",
  status: "pending",
  created_at: 1,
});

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () =>
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(BODY) }).end(BODY),
  );
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const OpenAI = await importBundled<typeof Client>(
  resolve(dirname(fileURLToPath(import.meta.url)), "../generated/openai/src/index.ts"),
);
const client = new OpenAI({ baseURL: base, adminApiKey: "sk-bench", logLevel: "off" });
const withMiddleware = client.withOptions({ middleware: [{ onRequest: () => {}, onResponse: () => {} }] });
const OpenAINode = await importBundled<typeof Reference>(fileURLToPath(import.meta.resolve("openai")));
const reference = new OpenAINode({ baseURL: base, apiKey: "sk-bench", logLevel: "off" });
/** The same request by hand: the same URL, auth and accept headers, and the body parsed as JSON. */
const bare = async (signal?: AbortSignal) => {
  const r = await fetch(`${base}/organization/invites/x`, {
    headers: { accept: "application/json", authorization: "Bearer sk-bench" },
    signal,
  });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json();
};
/** Bare fetch plus what a timeout costs: a fresh AbortController and timer per request. */
const bareWithTimer = async () => {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 60_000);
  try {
    return await bare(ctl.signal);
  } finally {
    clearTimeout(timer);
  }
};
const viaClient = () => client.organization.invites.retrieve("x");

/** The default export of `entry`, bundled (ESM, Node) into a temporary file and imported. */
async function importBundled<T>(entry: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "bench-overhead-"));
  try {
    const outfile = join(dir, "client.mjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "silent",
    });
    return ((await import(pathToFileURL(outfile).href)) as { default: T }).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `n` sequential calls, appending each one's duration in ms to `out`. */
async function time(call: () => Promise<unknown>, n: number, out: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    out.push(performance.now() - t0);
  }
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

try {
  const calls = {
    fetch: () => bare(),
    "fetch+timer": bareWithTimer,
    client: viaClient,
    "client+mw": () => withMiddleware.organization.invites.retrieve("x"),
    "openai-node": () => reference.models.retrieve("x"),
  };
  type Name = keyof typeof calls;
  const names = Object.keys(calls) as Name[];
  for (const name of [...names, ...names]) await time(calls[name], WARMUP / 2, []);
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  const roundRatios: number[] = [];
  const perRound = Math.ceil(requests / ROUNDS);
  const started = performance.now();
  for (let round = 0; round < ROUNDS && performance.now() - started < BUDGET_MS; round++) {
    // Rotate the order, so no call always runs first after the others' garbage.
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
    for (const name of order) await time(calls[name], perRound, times[name]);
    for (const name of names) samples[name].push(...times[name]);
    roundRatios.push(quantile(times.client, 0.5) / quantile(times["fetch+timer"], 0.5));
  }
  const row = (name: string, xs: number[]) =>
    console.log(
      `${name.padEnd(12)} n=${String(xs.length).padStart(6)}  median ${quantile(xs, 0.5).toFixed(3)} ms  p95 ${quantile(xs, 0.95).toFixed(3)} ms`,
    );
  for (const name of names) row(name, samples[name]);
  const over = (name: Name, base: Name) => quantile(samples[name], 0.5) / quantile(samples[base], 0.5);
  console.log(
    `fetch+timer / fetch: ${over("fetch+timer", "fetch").toFixed(3)}× (fetch's own cost of a timeout signal)`,
  );
  for (const name of ["client+mw", "openai-node"] as const)
    console.log(`${name} / fetch+timer: ${over(name, "fetch+timer").toFixed(3)}×`);
  console.log(`median of per-round client / fetch+timer ratios: ${quantile(roundRatios, 0.5).toFixed(3)}×`);
  const ratio = over("client", "fetch+timer");
  console.log(
    `ratio of medians client / fetch+timer: ${ratio.toFixed(3)}× (target ≤ ${TARGET.toFixed(2)}×): ${ratio <= TARGET ? "OK" : "OVER"}`,
  );
} finally {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
