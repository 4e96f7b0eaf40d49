/**
 * Webhooks end to end, generated once from test/fixtures/specs/webhooks (payloads modelled on the
 * OpenAI spec's, and `webhooks: { signature: standard-webhooks, secretEnv: HOOKS_WEBHOOK_SECRET }`):
 * the typed union under --strict, `client.webhooks` and the builder's `WebhooksApi` against
 * signatures made here with node:crypto, and openai-node's `client.webhooks.unwrap` giving the same
 * verdict as ours on the same secret, body and headers.
 */
import { execFile } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import OpenAI from "openai";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundleModule } from "../helpers/bundle.js";
import { projectRoot } from "../helpers/generate.js";
import { useFixturePackage } from "../helpers/fixture-package.js";
import { codeBlocks } from "../helpers/markdown-blocks.js";

const CHECKS = `import Hooks, { type PingWebhookEvent, type WebhookBatchCancelled, type WebhookEvent } from "./index.js";
import { WebhooksApi } from "./builder.js";

const client = new Hooks({ webhookSecret: "whsec_AAAA" });

export async function checks(body: string, headers: Headers): Promise<unknown[]> {
  const event: WebhookEvent = await client.webhooks.unwrap(body, headers);
  if (event.type === "batch.cancelled") {
    const cancelled: WebhookBatchCancelled = event;
    cancelled.data.id.toUpperCase();
  }
  if (event.type === "ping") {
    const ping: PingWebhookEvent = event;
    ping.sent_at.toFixed();
  }
  // @ts-expect-error no event of the union has this type
  if (event.type === "batch.exploded") return [];
  // @ts-expect-error a batch event has no sent_at
  if (event.type === "batch.completed") event.sent_at;
  const checked: void = await client.webhooks.verifySignature(new TextEncoder().encode(body), { "webhook-id": "x" });
  const fromBuilder: WebhookEvent = await new WebhooksApi(client).unwrap(body, headers, "whsec_BBBB");
  // @ts-expect-error the secret is a string
  new Hooks({ webhookSecret: 1 });
  return [checked, fromBuilder];
}
`;

const KEY = randomBytes(32);
const SECRET = `whsec_${KEY.toString("base64")}`;
const OTHER = `whsec_${randomBytes(32).toString("base64")}`;
const BODY = JSON.stringify({
  id: "evt_1",
  type: "batch.cancelled",
  created_at: 1719168000,
  data: { id: "batch_1" },
  note: "naïve ✓",
});
const now = () => Math.floor(Date.now() / 1000);
const sign = (id: string, ts: number, body: string, key: Buffer = KEY) =>
  createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
const headersFor = (ts = now(), body = BODY, key?: Buffer): Record<string, string> => ({
  "webhook-id": "msg_1",
  "webhook-timestamp": String(ts),
  "webhook-signature": `v1,${sign("msg_1", ts, body, key)}`,
});

// No test here sends a request: the helper's server only answers 404.
const pkg = useFixturePackage(
  "webhooks/openapi.yaml",
  "webhooks",
  (_req, res) => void res.writeHead(404).end(),
  CHECKS,
);
let dir: string;
let flat: any;
let builder: any;

beforeAll(async () => {
  ({ dir, flat, builder } = pkg);
  const packageName = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name;
  // Every example of the webhooks page, compiled with the package as it would be installed.
  const page = readFileSync(join(dir, "docs", "webhooks.md"), "utf8");
  const examples = codeBlocks(page).filter((b) => b.language === "ts");
  for (const [i, b] of examples.entries()) {
    const code = b.code
      .replaceAll(`"${packageName}/builder"`, '"./builder.js"')
      .replaceAll(`"${packageName}"`, '"./index.js"');
    await writeFile(join(dir, "src", `doc-example-${i}.ts`), code);
  }
});

afterEach(() => {
  delete process.env.HOOKS_WEBHOOK_SECRET;
});

async function verdict(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "accepted";
  } catch (err) {
    return (err as Error).name;
  }
}

describe("webhooks (generated from test/fixtures/specs/webhooks)", () => {
  it("the package, its typed union and @ts-expect-error checks, and the webhooks page's examples type-check under --strict", async () => {
    const examples = readdirSync(join(dir, "src")).filter((f) => f.startsWith("doc-example-"));
    expect(examples.length).toBe(2);
    expect(await pkg.typeErrors()).toBe("");
  }, 60_000);

  it("flat: unwrap returns the event, verifySignature resolves, with the client's webhookSecret", async () => {
    const client = new flat.default({ webhookSecret: SECRET });
    expect(await client.webhooks.unwrap(BODY, headersFor())).toEqual(JSON.parse(BODY));
    await expect(client.webhooks.verifySignature(BODY, new Headers(headersFor()))).resolves.toBeUndefined();
    // A secret, like a credential, stays out of what printing the options shows.
    expect(JSON.stringify(client.options)).not.toContain(KEY.toString("base64"));
  });

  it.each<[string, () => [string, Record<string, string | string[]>]]>([
    ["a tampered body", () => [BODY.replace("batch_1", "batch_2"), headersFor()]],
    ["a timestamp 301 s old", () => [BODY, headersFor(now() - 301)]],
    ["a timestamp 301 s ahead", () => [BODY, headersFor(now() + 301)]],
    ["a signature made with another secret", () => [BODY, headersFor(now(), BODY, randomBytes(32))]],
    ["no webhook-id", () => [BODY, { ...headersFor(), "webhook-id": "" }]],
    [
      "no webhook-timestamp",
      () => [BODY, { "webhook-id": "msg_1", "webhook-signature": headersFor()["webhook-signature"]! }],
    ],
    ["no webhook-signature", () => [BODY, { "webhook-id": "msg_1", "webhook-timestamp": String(now()) }]],
    ["only wrong signatures in the list", () => [BODY, { ...headersFor(), "webhook-signature": "v1,AAAA v1,BBBB" }]],
  ])("flat and builder: %s throws the exported InvalidWebhookSignatureError", async (_name, input) => {
    const [body, headers] = input();
    const client = new flat.default({ webhookSecret: SECRET });
    for (const call of [
      () => client.webhooks.unwrap(body, headers),
      () => client.webhooks.verifySignature(body, headers),
      () => new builder.WebhooksApi({ webhookSecret: SECRET }).unwrap(body, headers),
    ]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(flat.InvalidWebhookSignatureError);
      expect(err).toBeInstanceOf(flat.HooksError);
    }
  });

  it("several signatures in the header: one that matches is enough, wherever it is", async () => {
    const good = headersFor()["webhook-signature"]!;
    const client = new flat.default({ webhookSecret: SECRET });
    for (const list of [`v1,AAAA ${good}`, `${good} v1,AAAA`, `v1a,xyz ${good}`])
      expect(await client.webhooks.unwrap(BODY, { ...headersFor(), "webhook-signature": list })).toEqual(
        JSON.parse(BODY),
      );
  });

  it("the secret: the call's, else the option, else the secretEnv variable, read when the call is made", async () => {
    const fromEnv = new flat.default();
    // No secret is the client's own error (SDKError, exported as HooksError), not a bad signature.
    const missing = await fromEnv.webhooks.unwrap(BODY, headersFor()).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(flat.HooksError);
    expect(missing).not.toBeInstanceOf(flat.InvalidWebhookSignatureError);
    process.env.HOOKS_WEBHOOK_SECRET = SECRET;
    expect(await fromEnv.webhooks.unwrap(BODY, headersFor())).toEqual(JSON.parse(BODY));
    expect(await new builder.WebhooksApi().unwrap(BODY, headersFor())).toEqual(JSON.parse(BODY));
    process.env.HOOKS_WEBHOOK_SECRET = OTHER;
    expect(await verdict(fromEnv.webhooks.unwrap(BODY, headersFor()))).toBe("InvalidWebhookSignatureError");
    expect(await new flat.default({ webhookSecret: SECRET }).webhooks.unwrap(BODY, headersFor())).toEqual(
      JSON.parse(BODY),
    );
    expect(await fromEnv.webhooks.unwrap(BODY, headersFor(), SECRET)).toEqual(JSON.parse(BODY));
  });

  it("without a secret anywhere, the error says where to give one", async () => {
    const err = await new flat.default().webhooks.unwrap(BODY, headersFor()).catch((e: Error) => e);
    expect(err.message).toBe(
      "No webhook secret: pass it to this call, give the client's `webhookSecret` option or set HOOKS_WEBHOOK_SECRET.",
    );
  });

  it("a one-operation bundle of this very client holds no webhook code", async () => {
    const code = await bundleModule(
      `import { HooksCore } from "./src/core.ts";\nimport { retrieveBatch } from "./src/operations/index.ts";\nconsole.log(await retrieveBatch(new HooksCore(), "b"));`,
      dir,
    );
    expect(code).toContain("/batches/");
    expect(code).not.toContain("whsec_");
    expect(code).not.toContain("webhook-signature");
  });
});

describe("the command line: webhooks verify", () => {
  /** The package's src/cli.ts as a process (through tsx), the body on stdin, the secret from its variable. */
  function verify(
    body: string,
    headers: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    const tsx = join(projectRoot, "node_modules", "tsx", "dist", "esm", "index.mjs");
    const args = ["--import", tsx, join(dir, "src", "cli.ts"), "webhooks", "verify", "--data", "-"];
    for (const [name, value] of Object.entries(headers)) args.push("--header", `${name}: ${value}`);
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        args,
        { env: { ...process.env, HOOKS_WEBHOOK_SECRET: SECRET } },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
      );
      child.stdin!.end(body);
    });
  }

  it("is carried only by packages whose clientgen.yaml has a webhooks block: this one, none of the seeds", () => {
    expect(readFileSync(join(dir, "src", "cli.ts"), "utf8")).toContain("./cli-runtime/verify-webhook.js");
    for (const name of readdirSync(join(projectRoot, "generated"))) {
      const config = join(projectRoot, "specs", name, "clientgen.yaml");
      const verifies = existsSync(config) && /^webhooks:/m.test(readFileSync(config, "utf8"));
      const carried = existsSync(join(projectRoot, "generated", name, "src", "cli-runtime", "verify-webhook.ts"));
      expect([name, carried]).toEqual([name, verifies]);
    }
  });

  it("prints a valid delivery's event and exits 0; a tampered one exits 1 naming the error, printing nothing", async () => {
    const [valid, tampered] = await Promise.all([verify(BODY, headersFor()), verify(`${BODY} `, headersFor())]);
    expect(valid).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(valid.stdout)).toEqual(JSON.parse(BODY));
    expect(tampered).toMatchObject({ code: 1, stdout: "" });
    expect(tampered.stderr).toBe("webhooks-client: InvalidWebhookSignatureError: No webhook signature matches.\n");
  }, 30_000);
});

describe("the same verdicts as openai-node's client.webhooks.unwrap", () => {
  const cases: [string, () => [string, Record<string, string>, string]][] = [
    ["a valid delivery", () => [BODY, headersFor(), SECRET]],
    ["a tampered body", () => [`${BODY} `, headersFor(), SECRET]],
    ["a stale timestamp", () => [BODY, headersFor(now() - 400), SECRET]],
    ["a timestamp ahead", () => [BODY, headersFor(now() + 400), SECRET]],
    ["the wrong secret", () => [BODY, headersFor(), OTHER]],
    [
      "two signatures, the second right",
      () => [BODY, { ...headersFor(), "webhook-signature": `v1,AAAA ${headersFor()["webhook-signature"]}` }, SECRET],
    ],
    ["two wrong signatures", () => [BODY, { ...headersFor(), "webhook-signature": "v1,AAAA v1,BBBB" }, SECRET]],
    [
      "a v2 signature of the right bytes",
      () => [
        BODY,
        { ...headersFor(), "webhook-signature": headersFor()["webhook-signature"]!.replace("v1,", "v2,") },
        SECRET,
      ],
    ],
    [
      "no webhook-id",
      () => [
        BODY,
        { "webhook-timestamp": String(now()), "webhook-signature": headersFor()["webhook-signature"]! },
        SECRET,
      ],
    ],
    ["no webhook-signature", () => [BODY, { "webhook-id": "msg_1", "webhook-timestamp": String(now()) }, SECRET]],
  ];

  it.each(cases)("%s", async (_name, input) => {
    const [body, headers, secret] = input();
    const theirs = new OpenAI({ apiKey: "sk-test", webhookSecret: secret }).webhooks.unwrap(body, headers);
    const ours = new flat.default({ webhookSecret: secret }).webhooks.unwrap(body, headers);
    const [a, b] = await Promise.all([verdict(theirs), verdict(ours)]);
    expect(b === "accepted", `openai-node: ${a}, ours: ${b}`).toBe(a === "accepted");
    if (a === "accepted") expect(await ours).toEqual(await theirs);
  });

  it("a secret without `whsec_` is where they differ: openai-node keys the HMAC with its text, we base64-decode it as Standard Webhooks does", async () => {
    const text = "MySecretKeyText1";
    const ts = now();
    const signed = (key: Buffer) => ({ ...headersFor(ts), "webhook-signature": `v1,${sign("msg_1", ts, BODY, key)}` });
    const theirs = (key: Buffer) =>
      new OpenAI({ apiKey: "sk-test", webhookSecret: text }).webhooks.unwrap(BODY, signed(key));
    const ours = (key: Buffer) => new flat.default({ webhookSecret: text }).webhooks.unwrap(BODY, signed(key));
    expect(await verdict(theirs(Buffer.from(text)))).toBe("accepted");
    expect(await verdict(theirs(Buffer.from(text, "base64")))).not.toBe("accepted");
    expect(await verdict(ours(Buffer.from(text, "base64")))).toBe("accepted");
    expect(await verdict(ours(Buffer.from(text)))).toBe("InvalidWebhookSignatureError");
  });
});
