/** The base URL's precedence (option, environment variable, spec's server) and the refusal of a relative one outside a page. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ClientCore, SDKError, serverURL } from "../../src/runtime/index.js";
import { failure, op, spec, startServer, type TestServer } from "./helpers.js";

const ENV = "ACME_BASE_URL";
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  delete process.env[ENV];
  server.requests.length = 0;
});

const send = (core: ClientCore) => core.request(op(), {}, undefined);

describe("base URL", () => {
  it("takes the environment variable over the spec's server, and the option over both", async () => {
    process.env[ENV] = `${server.url}/from-env/`;
    const unreachable = { baseURL: "http://127.0.0.1:9/spec", baseURLEnv: ENV };
    await send(new ClientCore(spec(unreachable), { maxRetries: 0 }));
    await send(new ClientCore(spec(unreachable), { baseURL: `${server.url}/option`, maxRetries: 0 }));
    const variables = { baseURLEnv: ENV, server: serverURL("http://127.0.0.1:9/{v}", { v: { default: "x" } }) };
    await send(new ClientCore(spec({ baseURL: undefined, ...variables }), { maxRetries: 0 }));
    expect(server.requests.map((r) => r.path)).toEqual(["/from-env/things", "/option/things", "/from-env/things"]);
  });

  it("ignores an empty variable, and one the client does not name", async () => {
    process.env[ENV] = "  ";
    expect(new ClientCore(spec({ baseURL: server.url, baseURLEnv: ENV }), {}).baseURL).toBe(server.url);
    process.env[ENV] = "http://127.0.0.1:9";
    expect(new ClientCore(spec({ baseURL: server.url, baseURLEnv: "OTHER_BASE_URL" }), {}).baseURL).toBe(server.url);
  });

  it.each([
    ["a relative server", { baseURL: "/api/v2/" }, "needs an absolute base URL, not `/api/v2`:"],
    ["no server", { baseURL: undefined }, "needs an absolute base URL: pass"],
  ])("with %s, rejects before fetch is called, naming the option and the variable", async (_, s, why) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response("{}");
    };
    const err = await failure<SDKError>(send(new ClientCore(spec({ ...s, baseURLEnv: ENV }), { fetch })));
    expect(err).toBeInstanceOf(SDKError);
    expect(err.message).toContain(why);
    expect(err.message).toContain("`baseURL` client option");
    expect(err.message).toContain(ENV);
    expect(calls).toBe(0);
  });

  it("lets a page resolve a relative base URL (in a browser, fetch resolves it against the page)", async () => {
    const seen: string[] = [];
    const fetch = async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    const g = globalThis as { location?: unknown };
    g.location = { href: "https://app.example.com/" };
    try {
      await send(new ClientCore(spec({ baseURL: "/api/v2/" }), { fetch }));
    } finally {
      delete g.location;
    }
    expect(seen).toEqual(["/api/v2/things"]);
  });
});
