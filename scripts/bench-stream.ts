/**
 * `node --expose-gc --import tsx scripts/bench-stream.ts [--events N] [--runs N] [--mb N]`: the runtime's
 * streaming read path on one 127.0.0.1 connection (the server runs in a child process, so it does not
 * share the event loop it is measured against). Prints figures; asserts nothing.
 *   events/s   the same event stream (OpenAI-sized chat chunks) read three ways, runs interleaved:
 *              a bare fetch reader counting bytes (the ceiling), a hand-written decode-split-JSON.parse
 *              loop (what one would write without a client), and `Stream` through ClientCore + sseResponse
 *   memory     RSS and heap while `Stream` reads --mb MB of events, and while a binaryResponse body of
 *              the same size is read chunk by chunk: flat means neither holds what it has passed on
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { ClientCore } from "../src/runtime/core.js";
import { binaryResponse } from "../src/runtime/responses.js";
import { sseResponse } from "../src/runtime/responses-sse.js";
import type { Stream } from "../src/runtime/stream.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "200000" },
    runs: { type: "string", default: "3" },
    mb: { type: "string", default: "100" },
  },
});
const EVENTS = Number(values.events);
const RUNS = Math.max(1, Number(values.runs));
const MB = Number(values.mb);

/** The server: `/sse?n=N` sends N events, `/bytes?mb=M` M MiB of bytes, each as fast as the socket takes them. */
const SERVER = `
const http = require("node:http");
const chunk = JSON.stringify({ id: "chatcmpl-abc123", object: "chat.completion.chunk", created: 1730000000, model: "gpt-4o-mini", choices: [{ index: 0, delta: { content: " token" }, finish_reason: null }] });
const event = Buffer.from("data: " + chunk + "\\n\\n");
const PER = 400;
const block = Buffer.concat(Array(PER).fill(event));
const zeros = Buffer.alloc(1 << 16, 97);
http.createServer((req, res) => {
  const u = new URL(req.url, "http://x");
  if (u.pathname === "/sse") {
    const n = Number(u.searchParams.get("n"));
    res.writeHead(200, { "content-type": "text/event-stream" });
    let left = Math.floor(n / PER), rest = n % PER;
    const go = () => {
      while (left > 0) { left--; if (!res.write(block)) return res.once("drain", go); }
      if (rest) res.write(Buffer.concat(Array(rest).fill(event)));
      res.end("data: [DONE]\\n\\n");
    };
    go();
  } else {
    let left = Number(u.searchParams.get("mb")) * 16;
    res.writeHead(200, { "content-type": "application/octet-stream" });
    const go = () => { while (left > 0) { left--; if (!res.write(zeros)) return res.once("drain", go); } res.end(); };
    go();
  }
}).listen(0, "127.0.0.1", function () { process.stdout.write(String(this.address().port) + "\\n"); });
`;

const EVENT_BYTES =
  `data: ${JSON.stringify({ id: "chatcmpl-abc123", object: "chat.completion.chunk", created: 1730000000, model: "gpt-4o-mini", choices: [{ index: 0, delta: { content: " token" }, finish_reason: null }] })}\n\n`
    .length;

const server = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
process.on("exit", () => server.kill());
const port = await new Promise<string>((resolve) =>
  server.stdout.once("data", (d: Buffer) => resolve(d.toString().trim())),
);
const base = `http://127.0.0.1:${port}`;
const core = new ClientCore(
  { name: "Bench", baseURLEnv: "BENCH_BASE_URL" },
  { baseURL: base, maxRetries: 0, logLevel: "off" },
);
const sseOp = { id: "sse", method: "get" as const, path: "/sse", query: { n: "n" }, response: sseResponse };
const binOp = { id: "bytes", method: "get" as const, path: "/bytes", query: { mb: "mb" }, response: binaryResponse };
const { collectParams } = await import("../src/runtime/collect-params.js");

/** Three readers of the same N events; each returns the number of events it saw. */
const readers: Record<string, (n: number) => Promise<number>> = {
  "bare fetch reader (bytes only)": async (n) => {
    const reader = (await fetch(`${base}/sse?n=${n}`)).body!.getReader();
    let bytes = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
    return Math.round(bytes / EVENT_BYTES);
  },
  "hand-written decode + split + JSON.parse": async (n) => {
    const reader = (await fetch(`${base}/sse?n=${n}`)).body!.getReader();
    const text = new TextDecoder();
    let rest = "";
    let count = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      const blocks = (rest + text.decode(r.value, { stream: true })).split("\n\n");
      rest = blocks.pop()!;
      for (const b of blocks) if (b.startsWith("data: {")) count += JSON.parse(b.slice(6)) ? 1 : 0;
    }
    return count;
  },
  "Stream (ClientCore + sseResponse)": async (n) => {
    const stream = await core.request<Stream<unknown>>({ ...sseOp, collect: collectParams }, {}, { n });
    let count = 0;
    for await (const _ of stream) count++;
    return count;
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

process.stdout.write(
  `bench-stream: ${fmt(EVENTS)} events of ${EVENT_BYTES} B on one 127.0.0.1 stream, ${RUNS} run(s) each after a warm-up, interleaved\n`,
);
for (const read of Object.values(readers)) await read(20_000);
const times: Record<string, number[]> = Object.fromEntries(Object.keys(readers).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, read] of Object.entries(readers)) {
    const t0 = performance.now();
    const seen = await read(EVENTS);
    const ms = performance.now() - t0;
    if (Math.abs(seen - EVENTS) > 1) throw new Error(`${name} saw ${seen} events, not ${EVENTS}`);
    times[name]!.push(ms);
  }
}
const ceiling = EVENTS / (median(Object.values(times)[0]!) / 1000);
for (const [name, ms] of Object.entries(times)) {
  const rate = EVENTS / (median(ms) / 1000);
  process.stdout.write(
    `  ${name.padEnd(42)} ${fmt(rate).padStart(12)} events/s  ${((rate * EVENT_BYTES) / 2 ** 20).toFixed(0).padStart(5)} MiB/s  ${((rate / ceiling) * 100).toFixed(0).padStart(4)}% of bare\n`,
  );
}

/** RSS and heap samples (MiB, each after a GC when --expose-gc is given): before, during and after. */
function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  const samples: Array<{ rss: number; heap: number }> = [];
  return {
    sample() {
      gc?.();
      const m = process.memoryUsage();
      samples.push({ rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 });
    },
    report(label: string) {
      const first = samples[0]!;
      const last = samples[samples.length - 1]!;
      const peak = (k: "rss" | "heap") => Math.max(...samples.map((s) => s[k])).toFixed(1);
      process.stdout.write(
        `  ${label.padEnd(42)} rss ${first.rss.toFixed(1)} → peak ${peak("rss")} → end ${last.rss.toFixed(1)} MiB;` +
          ` heap ${first.heap.toFixed(1)} → peak ${peak("heap")} → end ${last.heap.toFixed(1)} MiB` +
          `${gc ? "" : " (no --expose-gc: samples without a GC first)"}\n`,
      );
    },
  };
}
process.stdout.write(`memory while ${MB} MiB stream through, sampled every ~${Math.max(1, MB / 20)} MiB\n`);
{
  const n = Math.round((MB * 2 ** 20) / EVENT_BYTES);
  const every = Math.round(n / 20);
  const m = memory();
  m.sample();
  const stream = await core.request<Stream<unknown>>({ ...sseOp, collect: collectParams }, {}, { n });
  let count = 0;
  for await (const _ of stream) if (++count % every === 0) m.sample();
  m.sample();
  m.report(`Stream: ${fmt(count)} events`);
}
{
  const m = memory();
  m.sample();
  const r = await core.request<Response>({ ...binOp, collect: collectParams }, {}, { mb: MB });
  const reader = r.body!.getReader();
  let bytes = 0;
  let next = 0;
  for (let c = await reader.read(); !c.done; c = await reader.read()) {
    bytes += c.value.length;
    if (bytes >= next) {
      m.sample();
      next += (MB * 2 ** 20) / 20;
    }
  }
  m.sample();
  m.report(`binaryResponse body: ${fmt(bytes / 2 ** 20)} MiB`);
}
server.kill();
