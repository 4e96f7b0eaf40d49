/** Standard Webhooks verification, against signatures computed here with node:crypto. */
import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  InvalidWebhookSignatureError,
  SDKError,
  Webhooks,
  unwrapWebhook,
  verifyWebhookSignature,
  type WebhookHeaders,
} from "../../src/runtime/index.js";

const KEY = randomBytes(24);
const SECRET = `whsec_${KEY.toString("base64")}`;
const BODY = JSON.stringify({ type: "response.completed", data: { id: "resp_1", text: "héllo" } });
const now = () => Math.floor(Date.now() / 1000);

const sign = (id: string, ts: number | string, body: string | Buffer, key: Buffer = KEY) =>
  createHmac("sha256", key).update(`${id}.${ts}.`).update(body).digest("base64");

const headersFor = (body: string | Buffer = BODY, ts: number | string = now(), key?: Buffer) => ({
  "webhook-id": "msg_1",
  "webhook-timestamp": String(ts),
  "webhook-signature": `v1,${sign("msg_1", ts, body, key)}`,
});

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}

describe("verifyWebhookSignature / unwrapWebhook", () => {
  it("accepts a valid signature and returns the parsed event", async () => {
    await expect(verifyWebhookSignature(BODY, headersFor(), SECRET)).resolves.toBeUndefined();
    expect(await unwrapWebhook(BODY, headersFor(), SECRET)).toEqual(JSON.parse(BODY));
  });

  it.each<[string, () => WebhookHeaders]>([
    ["a Headers object", () => new Headers(headersFor())],
    ["mixed-case names", () => Object.fromEntries(Object.entries(headersFor()).map(([k, v]) => [k.toUpperCase(), v]))],
    ["name/value pairs", () => Object.entries(headersFor()) as Array<[string, string]>],
    [
      "repeated signature headers (Node's string[])",
      () => ({ ...headersFor(), "webhook-signature": ["v1,AAAA", headersFor()["webhook-signature"]] }),
    ],
  ])("reads headers given as %s", async (_name, headers) => {
    expect(await unwrapWebhook(BODY, headers(), SECRET)).toEqual(JSON.parse(BODY));
  });

  it("takes the body as bytes too, and a secret without its whsec_ prefix", async () => {
    const bytes = new TextEncoder().encode(BODY);
    expect(await unwrapWebhook(bytes, headersFor(), SECRET)).toEqual(JSON.parse(BODY));
    expect(await unwrapWebhook(bytes.buffer, headersFor(), KEY.toString("base64"))).toEqual(JSON.parse(BODY));
  });

  it("accepts when any of several space-separated signatures matches, ignoring other versions", async () => {
    const good = sign("msg_1", now(), BODY);
    const other = sign("msg_1", now(), BODY, randomBytes(24));
    for (const list of [`v1,${other} v1,${good}`, `v1a,${other} v1,${good} v2,zzz`, `v1,not*base64 v1,${good}`]) {
      await expect(
        verifyWebhookSignature(BODY, { ...headersFor(), "webhook-signature": list }, SECRET),
      ).resolves.toBeUndefined();
    }
  });

  it.each<[string, () => [string, WebhookHeaders, string], RegExp]>([
    ["a tampered body", () => [BODY.replace("héllo", "hello"), headersFor(), SECRET], /No webhook signature matches/],
    [
      "a wrong secret",
      () => [BODY, headersFor(), `whsec_${randomBytes(24).toString("base64")}`],
      /No webhook signature matches/,
    ],
    [
      "a signature over another id",
      () => [BODY, { ...headersFor(), "webhook-id": "msg_2" }, SECRET],
      /No webhook signature matches/,
    ],
    [
      "a signature made with v2",
      () => [
        BODY,
        { ...headersFor(), "webhook-signature": headersFor()["webhook-signature"].replace("v1,", "v2,") },
        SECRET,
      ],
      /No webhook signature matches/,
    ],
    [
      "a truncated signature",
      () => [BODY, { ...headersFor(), "webhook-signature": headersFor()["webhook-signature"].slice(0, 20) }, SECRET],
      /No webhook signature matches/,
    ],
    ["a timestamp 6 minutes old (signed correctly)", () => [BODY, headersFor(BODY, now() - 360), SECRET], /too old/],
    ["a timestamp 6 minutes ahead", () => [BODY, headersFor(BODY, now() + 360), SECRET], /in the future/],
    ["a timestamp that is not a number", () => [BODY, headersFor(BODY, "12ab"), SECRET], /Invalid webhook-timestamp/],
    [
      "no signature header",
      () => [BODY, { "webhook-id": "msg_1", "webhook-timestamp": String(now()) }, SECRET],
      /Missing/,
    ],
    ["no headers at all", () => [BODY, {}, SECRET], /Missing/],
  ])("refuses %s with InvalidWebhookSignatureError", async (_name, args, message) => {
    const err = await rejection(unwrapWebhook(...args()));
    expect(err).toBeInstanceOf(InvalidWebhookSignatureError);
    expect(err).toBeInstanceOf(SDKError);
    expect(err.name).toBe("InvalidWebhookSignatureError");
    expect(err.message).toMatch(message);
  });

  it("accepts timestamps just inside the tolerance, which can be changed", async () => {
    await expect(verifyWebhookSignature(BODY, headersFor(BODY, now() - 290), SECRET)).resolves.toBeUndefined();
    await expect(
      verifyWebhookSignature(BODY, headersFor(BODY, now() - 290), SECRET, { tolerance: 60 }),
    ).rejects.toThrow(/too old/);
  });

  it("a secret that is not base64 is a configuration error, not a bad signature", async () => {
    const err = await rejection(verifyWebhookSignature(BODY, headersFor(), "whsec_not*base64!"));
    expect(err).toBeInstanceOf(SDKError);
    expect(err).not.toBeInstanceOf(InvalidWebhookSignatureError);
  });
});

describe("Webhooks (client.webhooks)", () => {
  it("uses the client's secret unless the call gives one", async () => {
    const hooks = new Webhooks<{ type: string }>({ webhookSecret: SECRET });
    expect((await hooks.unwrap(BODY, headersFor())).type).toBe("response.completed");
    await expect(
      hooks.verifySignature(BODY, headersFor(), `whsec_${randomBytes(8).toString("base64")}`),
    ).rejects.toThrow(InvalidWebhookSignatureError);
  });

  it("hides the option holding the secret from printing and serialising, as credentials are", () => {
    const options = { webhookSecret: SECRET, timeout: 5 };
    new Webhooks(options);
    expect(JSON.stringify(options)).toBe('{"timeout":5}');
    expect(options.webhookSecret).toBe(SECRET);
  });

  it("without any secret, rejects saying how to set one", async () => {
    const hooks = new Webhooks({}, "hookSecret", "OPENAI_WEBHOOK_SECRET");
    const err = await rejection(hooks.unwrap(BODY, headersFor()));
    expect(err).toBeInstanceOf(SDKError);
    expect(err).not.toBeInstanceOf(InvalidWebhookSignatureError);
    expect(err.message).toBe(
      "No webhook secret: pass it to this call, give the client's `hookSecret` option or set OPENAI_WEBHOOK_SECRET.",
    );
    expect(await hooks.unwrap(BODY, headersFor(), SECRET)).toEqual(JSON.parse(BODY));
  });
});
