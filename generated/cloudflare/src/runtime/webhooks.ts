/**
 * Standard Webhooks verification (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp`
 * and `webhook-signature` headers, HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the
 * base64 secret after its `whsec_` prefix. Web Crypto only, so it runs in browsers, Deno, Bun,
 * workers and Node alike. Generated clients with a webhooks block wire a `Webhooks` as `client.webhooks`;
 * the functions are exported as `unwrapWebhook` and `verifyWebhookSignature` for use without a client.
 */
import { SDKError } from "./errors.js";
import { optionValue } from "./util.js";

/** A bad, missing or stale signature: the payload must not be trusted. */
export class InvalidWebhookSignatureError extends SDKError {
  override name = "InvalidWebhookSignatureError";
}

/** Request headers as frameworks give them: a Headers, Node's `req.headers`, or name/value pairs. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined> | Array<[string, string]>;

/** The raw request body, exactly as received: re-serialised JSON would not match the signature. */
export type WebhookBody = string | ArrayBuffer | Uint8Array;

export interface WebhookVerifyOptions {
  /** How far (seconds) the timestamp may be from now, either way. Default 300. */
  tolerance?: number;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const pairs = Array.isArray(headers) ? headers : Object.entries(headers);
  const found = pairs.find(([k]) => k.toLowerCase() === name)?.[1];
  // Repeated signature headers hold more signatures: they join like the space-separated list.
  return Array.isArray(found) ? found.join(" ") : found;
}

const base64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** Compares every byte whatever the first difference, so the time taken says nothing about the expected signature. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Resolves when one of the `v1` signatures in `webhook-signature` was made with `secret` over this id,
 * timestamp and body, and the timestamp is within `tolerance` of now; else rejects with
 * InvalidWebhookSignatureError saying which check failed.
 */
export async function verifyWebhookSignature(
  body: WebhookBody,
  headers: WebhookHeaders,
  secret: string,
  { tolerance = 300 }: WebhookVerifyOptions = {},
): Promise<void> {
  const fail = (why: string) => {
    throw new InvalidWebhookSignatureError(why);
  };
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures)
    return fail("Missing webhook-id, webhook-timestamp or webhook-signature header.");
  if (!/^\d+$/.test(timestamp)) return fail(`Invalid webhook-timestamp: ${timestamp.slice(0, 40)}`);
  const age = Math.floor(Date.now() / 1000) - Number(timestamp);
  if (age > tolerance) return fail("Webhook timestamp is too old.");
  if (age < -tolerance) return fail("Webhook timestamp is in the future.");
  let key: Uint8Array;
  try {
    key = base64(secret.startsWith("whsec_") ? secret.slice(6) : secret);
  } catch {
    throw new SDKError("The webhook secret is not base64 (Standard Webhooks secrets look like `whsec_…`).");
  }
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix);
  signed.set(bytes, prefix.length);
  const hmac = { name: "HMAC", hash: "SHA-256" };
  // An ArrayBuffer of exactly the key: every lib's `BufferSource` takes one (the name itself is DOM-only).
  const cryptoKey = await crypto.subtle.importKey("raw", key.slice().buffer as ArrayBuffer, hmac, false, ["sign"]);
  const expected = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, signed));
  for (const entry of signatures.split(" ")) {
    const [version, sig] = entry.split(",");
    let given: Uint8Array | undefined;
    try {
      given = version === "v1" && sig ? base64(sig) : undefined;
    } catch {
      // Not base64: not a match, like any other wrong signature.
    }
    if (given && sameBytes(given, expected)) return;
  }
  fail("No webhook signature matches.");
}

/** Verifies the signature, then parses the body: the event, typed `T` by the caller (or the generated client). */
export async function unwrapWebhook<T = unknown>(
  body: WebhookBody,
  headers: WebhookHeaders,
  secret: string,
  options?: WebhookVerifyOptions,
): Promise<T> {
  await verifyWebhookSignature(body, headers, secret, options);
  return JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body)) as T;
}

/**
 * What a generated client exposes as `client.webhooks` (and the builder style as its webhooks API class):
 * the functions above with a default secret, read when a call needs it: the client's `option`, else
 * the environment variable `env`. `Event` is the union of the API's event types.
 */
export class Webhooks<Event = unknown> {
  #options: Record<string, unknown>;
  #option: string;
  #env: string | undefined;

  constructor(options: Record<string, unknown> = {}, option = "webhookSecret", env?: string) {
    this.#options = options;
    this.#option = option;
    this.#env = env;
    // A secret like the credentials: kept, but out of util.inspect(client) and JSON.stringify(client.options).
    if (option in options) Object.defineProperty(options, option, { enumerable: false });
  }

  #key(secret: string | undefined): string {
    const key = secret || optionValue(this.#options, this.#option, this.#env);
    if (key) return key;
    const env = this.#env ? ` or set ${this.#env}` : "";
    throw new SDKError(`No webhook secret: pass it to this call, give the client's \`${this.#option}\` option${env}.`);
  }

  /** The verified event; throws InvalidWebhookSignatureError for a bad, missing or stale signature. */
  async unwrap(
    body: WebhookBody,
    headers: WebhookHeaders,
    secret?: string,
    options?: WebhookVerifyOptions,
  ): Promise<Event> {
    return unwrapWebhook<Event>(body, headers, this.#key(secret), options);
  }

  /** Checks the signature only; rejects with InvalidWebhookSignatureError. */
  async verifySignature(
    body: WebhookBody,
    headers: WebhookHeaders,
    secret?: string,
    options?: WebhookVerifyOptions,
  ): Promise<void> {
    return verifyWebhookSignature(body, headers, this.#key(secret), options);
  }
}
