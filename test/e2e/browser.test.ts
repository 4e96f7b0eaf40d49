/**
 * A generated client in a real browser: Debian's chromium (headless, driven by playwright-core, which
 * downloads nothing), loading a page and an esbuild bundle of the package from the same 127.0.0.1
 * server that answers the API, so no CORS is involved. The page makes a JSON call, reads a
 * server-sent event stream, catches an API error and verifies a Standard Webhooks signature with Web
 * Crypto (a tampered body refused): the runtime must work on web APIs alone (no
 * `process`, no Node modules), as it promises. `.ci/run` installs chromium.
 */
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleModule } from "../helpers/bundle.js";
import { useFixturePackage } from "../helpers/fixture-package.js";

const CHROMIUM = "/usr/bin/chromium";

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>`;

/** A Standard Webhooks delivery signed here with node:crypto, for the page to verify with Web Crypto. */
const key = randomBytes(32);
const event = { type: "batch.completed", data: { id: "b1" } };
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

/** What the page runs: the flat client against its own origin; the outcome lands on `window.outcome`. */
const APP = `import Streaming, { APIError } from "./src/index.ts";
import { unwrapWebhook } from "./src/runtime/index.ts";

const delivery = ${JSON.stringify(delivery)};

const client = new Streaming({ baseURL: location.origin, maxRetries: 0 });
const messages = [{ role: "user", content: "hi" }];
const outcome = { node: typeof process !== "undefined" };
try {
  outcome.completion = await client.chat.completions.create({ model: "m", messages });
  outcome.chunks = [];
  for await (const chunk of await client.chat.completions.create({ model: "m", messages, stream: true }))
    outcome.chunks.push(chunk);
  try {
    await client.chat.completions.create({ model: "refuse", messages });
  } catch (e) {
    outcome.error = { isAPIError: e instanceof APIError, status: e.status, name: e.name };
  }
  outcome.webhook = await unwrapWebhook(delivery.body, delivery.headers, delivery.secret);
  outcome.tampered = await unwrapWebhook(delivery.body.replace("b1", "b2"), delivery.headers, delivery.secret).then(
    () => "accepted",
    (e) => e.name,
  );
} catch (e) {
  outcome.failed = String(e?.stack ?? e);
}
window.outcome = outcome;
`;

let bundle = "";

const pkg = useFixturePackage("streaming.yaml", "streaming", (req, res) => {
  if (req.path === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    return void res.end(PAGE);
  }
  if (req.path === "/app.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    return void res.end(bundle);
  }
  const body = JSON.parse(req.text || "{}") as { model?: string; stream?: boolean };
  if (body.model === "refuse") {
    res.writeHead(429, { "content-type": "application/json" });
    return void res.end(JSON.stringify({ error: { message: "slow down" } }));
  }
  if (body.stream) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write('data: {"id":"c1","delta":"Hel"}\n\n');
    res.write('data: {"id":"c1","delta":"lo"}\n\ndata: [DONE]\n\n');
    return void res.end();
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "c1", content: "Hello" }));
});

let browser: Browser | undefined;

beforeAll(async () => {
  bundle = await bundleModule(APP, pkg.dir, { minify: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("a generated client in headless chromium", () => {
  it("is there to test with (.ci/run installs Debian's chromium)", () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it("makes a JSON call, reads an event stream, throws a typed APIError and verifies webhooks, on web APIs alone", async () => {
    const page = await browser!.newPage();
    const logged: string[] = [];
    page.on("pageerror", (e) => logged.push(String(e)));
    await page.goto(`${pkg.server.url}/`);
    await page.waitForFunction(() => (globalThis as { outcome?: unknown }).outcome, null, { timeout: 20_000 });
    const outcome = await page.evaluate(() => (globalThis as { outcome?: unknown }).outcome);
    expect(logged).toEqual([]);
    expect(outcome).toEqual({
      node: false,
      completion: { id: "c1", content: "Hello" },
      chunks: [
        { id: "c1", delta: "Hel" },
        { id: "c1", delta: "lo" },
      ],
      error: { isAPIError: true, status: 429, name: "RateLimitError" },
      webhook: event,
      tampered: "InvalidWebhookSignatureError",
    });
    const sent = pkg.server.requests.filter((r) => r.path === "/chat/completions");
    expect(sent.map((r) => r.headers.accept)).toEqual([
      "application/json, text/event-stream",
      "application/json, text/event-stream",
      "application/json, text/event-stream",
    ]);
  });
});
