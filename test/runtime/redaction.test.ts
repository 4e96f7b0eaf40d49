/** Credentials the server echoes back, and the client's own options, never show a credential. */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ClientCore,
  UnexpectedResponseError,
  apiKey,
  auth,
  bearer,
} from "../../src/runtime/index.js";
import type { ClientSpec, Redact } from "../../src/runtime/types.js";
import { failure, op, reply, spec, useTestServer } from "./helpers.js";

const TOKEN = "tok/en+1";
const KEY = "key-123";
const secured: ClientSpec = spec({
  credentials: [{ option: "token" }, { option: "key" }],
  auth: auth({ t: bearer("token"), k: apiKey("query", "api_key", "key") }, [["t", "k"]]),
});

const server = useTestServer((req, res) =>
  reply(
    res,
    req.path === "/html" ? 200 : 401,
    req.path === "/html"
      ? `<p>${TOKEN}</p>`
      : { error: { message: `bad ${KEY}` }, [TOKEN]: [KEY, { nested: `x${encodeURIComponent(TOKEN)}x` }] },
    {
      ...(req.path === "/html" ? { "content-type": "text/html" } : {}),
      "x-echo": `${TOKEN},${KEY}`,
    },
  ),
);

const client = () =>
  new ClientCore(secured, { baseURL: server.url, maxRetries: 0, logLevel: "off", token: TOKEN, key: KEY });
const noSecret = (text: string) => {
  for (const s of [TOKEN, KEY, encodeURIComponent(TOKEN)]) expect(text).not.toContain(s);
};

describe("redaction", () => {
  it("auth's redact covers strings, JSON values (keys too) and Headers, without touching the originals", () => {
    const { redact } = secured.auth!(secured, { token: TOKEN, key: KEY }, new Set()) as { redact: Redact };
    const body = { [TOKEN]: [KEY, 1, null, { deep: `a ${KEY} b` }] };
    expect(redact(body)).toEqual({ "***": ["***", 1, null, { deep: "a *** b" }] });
    expect(body[TOKEN]![0]).toBe(KEY);
    const headers = new Headers({ "x-echo": KEY });
    expect(redact(headers).get("x-echo")).toBe("***");
    expect(headers.get("x-echo")).toBe(KEY);
    expect(redact(`u?k=${encodeURIComponent(TOKEN)}`)).toBe("u?k=***");
  });

  it("an error's message, body, headers, JSON and inspection show no credential", async () => {
    const err = await failure<AuthenticationError>(client().request(op(), {}, undefined));
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).toBe("401 Unauthorized: bad ***");
    expect(err.headers!.get("x-echo")).toBe("***,***");
    for (const view of [
      err.message,
      JSON.stringify(err.body),
      JSON.stringify(err),
      inspect(err, { depth: 9 }),
      JSON.stringify([...err.headers!]),
    ])
      noSecret(view);
  });

  it("so does an UnexpectedResponseError", async () => {
    const err = await failure<UnexpectedResponseError>(client().request(op({ path: "/html" }), {}, undefined));
    expect(err.body).toBe("<p>***</p>");
    noSecret(inspect(err, { depth: 9 }) + JSON.stringify(err));
  });

  it("the client's credential options stay usable but out of inspection, JSON and spreads", async () => {
    const options = { baseURL: server.url, token: TOKEN, key: KEY };
    const c = new ClientCore(secured, options);
    noSecret(inspect(c, { depth: 9 }) + JSON.stringify(c.options) + JSON.stringify({ ...c.options }));
    expect([c.options.token, c.options.key, c.options.baseURL]).toEqual([TOKEN, KEY, server.url]);
    const r = await c.request(op(), {}, undefined).catch(() => undefined);
    expect(r).toBeUndefined();
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
