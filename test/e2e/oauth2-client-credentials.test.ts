/**
 * OAuth2 client credentials (test/fixtures/specs/oauth2-client-credentials.yaml, whose token URL is
 * relative): the package is generated once and called in-process against a 127.0.0.1 server that is
 * both the token endpoint and the API, in the flat and builder styles, and once through its command line.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CliBundles } from "../helpers/cli-bundle.js";
import { useFixturePackage } from "../helpers/fixture-package.js";
import { reply, type ReceivedRequest } from "../helpers/http-server.js";

const ID = "ledger-app";
const SECRET = "s3cr3t-Value";
const cli = new CliBundles();

/** The options are typed: both halves are strings, read from the environment when left out. */
const CHECKS = `import Ledger from "./index.js";
import { AccountsApi } from "./builder.js";
new Ledger({ clientId: "id", clientSecret: "secret" });
new AccountsApi({ clientId: "id", clientSecret: "secret", timeout: 1000 });
// @ts-expect-error a client id is a string
new Ledger({ clientId: 1 });
`;

/** What the server does next; reset before each test. */
let state: {
  expiresIn?: number;
  /** Answer of the token endpoint instead of a token. */
  tokenReply?: [number, unknown];
  /** Delay of the token endpoint's answer, in ms. */
  tokenDelay?: number;
  /** API calls still to answer 401 whatever their token. */
  reject: number;
  /** API calls still to answer 503 (after those answering 401), to be retried at once. */
  busy?: number;
  valid: Set<string>;
};
let issued = 0;

const pkg = useFixturePackage(
  "oauth2-client-credentials.yaml",
  "ledger",
  async (req, res) => {
    if (req.path === "/oauth/token") {
      if (state.tokenDelay) await new Promise((r) => setTimeout(r, state.tokenDelay));
      if (state.tokenReply) return reply(res, ...state.tokenReply);
      const token = `tok-${++issued}`;
      state.valid.add(token);
      return reply(res, 200, { access_token: token, token_type: "Bearer", expires_in: state.expiresIn });
    }
    if (req.path === "/v1/status") return reply(res, 200, { ok: true });
    const token = String(req.headers.authorization).replace(/^Bearer /, "");
    if (state.reject > 0 || !state.valid.has(token)) {
      state.reject--;
      return reply(res, 401, { message: `token ${token} is not valid` });
    }
    if (state.busy && state.busy-- > 0) return reply(res, 503, {}, { "retry-after-ms": "1" });
    reply(res, 200, { id: req.path.split("/").pop(), balance: 1 });
  },
  CHECKS,
);

beforeAll(() => cli.buildPackage("ledger", pkg.dir), 60_000);

beforeEach(() => {
  state = { expiresIn: 3600, reject: 0, valid: new Set() };
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.LEDGER_CLIENT_ID;
  delete process.env.LEDGER_CLIENT_SECRET;
});

afterAll(() => cli.remove());

const base = () => `${pkg.server.url}/v1`;
const client = (options: Record<string, unknown> = {}) =>
  new pkg.flat.Ledger({
    baseURL: base(),
    clientId: ID,
    clientSecret: SECRET,
    maxRetries: 0,
    logLevel: "off",
    ...options,
  });
/** The requests since `from` (an index into pkg.server.requests): token requests and API calls apart. */
const since = (from: number) => {
  const all = pkg.server.requests.slice(from);
  return {
    token: all.filter((r) => r.path === "/oauth/token"),
    api: all.filter((r) => r.path !== "/oauth/token"),
  };
};
const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: any) => e,
  );

describe("OAuth2 client credentials", () => {
  it("the package, with its typed options, type-checks under --strict", async () => {
    expect(await pkg.typeErrors()).toBe("");
  }, 60_000);

  it("fetches one token (form POST, HTTP Basic, the flow's scopes, relative URL) and reuses it", async () => {
    const from = pkg.server.requests.length;
    const c = client();
    expect(await c.accounts.retrieve("a1")).toEqual({ id: "a1", balance: 1 });
    await c.accounts.retrieve("a2");
    await c.status.retrieve();
    const { token, api } = since(from);
    expect(token).toHaveLength(1);
    const t = token[0] as ReceivedRequest;
    expect(t.method).toBe("POST");
    expect(t.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(t.headers.authorization).toBe("Basic " + Buffer.from(`${ID}:${SECRET}`).toString("base64"));
    expect(Object.fromEntries(new URLSearchParams(t.text))).toEqual({
      grant_type: "client_credentials",
      scope: "accounts:read accounts:write",
    });
    expect(api.map((r) => r.headers.authorization)).toEqual([
      `Bearer tok-${issued}`,
      `Bearer tok-${issued}`,
      undefined,
    ]);
  });

  it("renews the token shortly before expires_in says it ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    state.expiresIn = 600;
    const from = pkg.server.requests.length;
    const c = client();
    await c.accounts.retrieve("a1");
    // Renewed a minute early: still kept at 530 s, renewed at 550 s.
    vi.setSystemTime(Date.now() + 530_000);
    await c.accounts.retrieve("a1");
    expect(since(from).token).toHaveLength(1);
    vi.setSystemTime(Date.now() + 20_000);
    await c.accounts.retrieve("a1");
    const { token, api } = since(from);
    expect(token).toHaveLength(2);
    expect(api.at(-1)!.headers.authorization).toBe(`Bearer tok-${issued}`);
  });

  it("on a 401 fetches one new token and sends the call once more", async () => {
    const c = client();
    await c.accounts.retrieve("a1");
    state.valid.clear();
    const from = pkg.server.requests.length;
    expect(await c.accounts.retrieve("a2")).toEqual({ id: "a2", balance: 1 });
    const { token, api } = since(from);
    expect([token.length, api.length]).toEqual([1, 2]);
    expect(api[1]!.headers.authorization).toBe(`Bearer tok-${issued}`);
  });

  it("middleware sees the resend after a 401 as an attempt of its own, and the retries after it", async () => {
    const seen: string[] = [];
    const c = client({
      maxRetries: 1,
      middleware: [
        {
          onRequest: ({ request, attempt }: any) =>
            void seen.push(`${attempt} ${request.headers.get("authorization")}`),
          onResponse: ({ response, attempt }: any) => void seen.push(`${attempt} ${response.status}`),
        },
      ],
    });
    await c.accounts.retrieve("a1");
    const first = `Bearer tok-${issued}`;
    Object.assign(state, { reject: 1, busy: 1 });
    seen.length = 0;
    expect(await c.accounts.retrieve("a2")).toEqual({ id: "a2", balance: 1 });
    const renewed = `Bearer tok-${issued}`;
    expect(renewed).not.toBe(first);
    // Each request sent once through the hooks; the numbers count every send, consecutively.
    expect(seen).toEqual([`1 ${first}`, "1 401", `2 ${renewed}`, "2 503", `3 ${renewed}`, "3 200"]);
  });

  it("a second 401 is the API's answer, its body redacted", async () => {
    const logs: string[] = [];
    const log = (m: string) => void logs.push(m);
    const c = client({ logLevel: "debug", logger: { error: log, warn: log, info: log, debug: log } });
    state.reject = 2;
    const from = pkg.server.requests.length;
    const err = await caught(c.accounts.retrieve("a1"));
    expect(err).toBeInstanceOf(pkg.flat.AuthenticationError);
    expect(err.status).toBe(401);
    const { token, api } = since(from);
    expect([token.length, api.length]).toEqual([2, 2]);
    // The server echoed the token: neither the error nor a log line shows it, nor the secret.
    const shown = [err.message, JSON.stringify(err.body), ...logs].join("\n");
    expect(shown).toContain("token *** is not valid");
    expect(shown).not.toMatch(/tok-\d|s3cr3t/);
  });

  it("concurrent calls share one token request", async () => {
    const from = pkg.server.requests.length;
    const c = client();
    const ids = ["a", "b", "c", "d", "e"];
    expect((await Promise.all(ids.map((id) => c.accounts.retrieve(id)))).map((a: any) => a.id)).toEqual(ids);
    expect(since(from).token).toHaveLength(1);
  });

  it("clients made by withOptions use their parent's token while they ask the same endpoint with the same credentials", async () => {
    const logs: string[] = [];
    const log = (m: string) => void logs.push(m);
    const from = pkg.server.requests.length;
    const c = client();
    await c.accounts.retrieve("a1");
    const shared = `Bearer tok-${issued}`;
    // A client derived per call, as openai-node's users do, and a builder API over a derived client.
    const patient = c.withOptions({
      timeout: 5000,
      logLevel: "debug",
      logger: { error: log, warn: log, info: log, debug: log },
    });
    await patient.accounts.retrieve("a2");
    await c.withOptions({ maxRetries: 1 }).accounts.retrieve("a3");
    expect(since(from).token).toHaveLength(1);
    // A renewal after a 401 on the derived client serves the parent too.
    state.valid.clear();
    await patient.accounts.retrieve("a4");
    await c.accounts.retrieve("a5");
    const renewed = `Bearer tok-${issued}`;
    // Other credentials, or another base URL the relative token URL resolves against: a token of their own.
    await c.withOptions({ clientId: "other-app" }).accounts.retrieve("a6");
    const { token, api } = since(from);
    expect(token.map((t) => t.headers.authorization)).toEqual([
      "Basic " + Buffer.from(`${ID}:${SECRET}`).toString("base64"),
      "Basic " + Buffer.from(`${ID}:${SECRET}`).toString("base64"),
      "Basic " + Buffer.from(`other-app:${SECRET}`).toString("base64"),
    ]);
    expect(api.map((r) => r.headers.authorization)).toEqual([
      shared,
      shared,
      shared,
      shared,
      renewed,
      renewed,
      `Bearer tok-${issued}`,
    ]);
    // The derived client's logs hide the shared token as they hide the secret; the cache is not an option to see.
    expect(logs.join("\n")).not.toMatch(/tok-\d|s3cr3t/);
    expect(logs.length).toBeGreaterThan(0);
    expect(Object.keys(patient.options)).not.toContain("clientSecret");
    expect(JSON.stringify(patient.options)).not.toMatch(/tok-\d|s3cr3t/);
  });

  it.each<[string, [number, unknown], RegExp]>([
    [
      "400",
      [400, { error: "invalid_client", error_description: `unknown secret ${SECRET}` }],
      /failed: 400: invalid_client: unknown secret \*\*\*$/,
    ],
    ["500", [500, "<html>down</html>"], /failed: 500$/],
    ["200 without access_token", [200, { token_type: "Bearer" }], /200 answer has no access_token$/],
    ["200 that is not JSON", [200, "ok"], /200 answer has no access_token \(not JSON\)$/],
  ])("a token endpoint answering %s is an AuthenticationError naming it", async (_, answer, message) => {
    state.tokenReply = answer;
    const from = pkg.server.requests.length;
    const err = await caught(client().accounts.retrieve("a1"));
    expect(err).toBeInstanceOf(pkg.flat.AuthenticationError);
    expect(err.message).toContain(`Token request to ${pkg.server.url}/oauth/token failed`);
    expect(err.message).toMatch(message);
    expect(JSON.stringify([err.message, err.body])).not.toContain(SECRET);
    // Not retried, and the call is not sent without a token.
    expect(since(from)).toMatchObject({ token: [{}], api: [] });
  });

  it("a token endpoint that does not answer in time, or refuses the connection, is an AuthenticationError", async () => {
    state.tokenDelay = 1000;
    const slow = await caught(client({ timeout: 100 }).accounts.retrieve("a1"));
    expect(slow).toBeInstanceOf(pkg.flat.AuthenticationError);
    expect(slow.message).toBe(`Token request to ${pkg.server.url}/oauth/token failed: Request timed out after 100ms.`);
    const closed = await caught(client({ baseURL: "http://127.0.0.1:1/v1" }).accounts.retrieve("a1"));
    expect(closed).toBeInstanceOf(pkg.flat.AuthenticationError);
    expect(closed.message).toMatch(
      /^Token request to http:\/\/127\.0\.0\.1:1\/oauth\/token failed: Connection error\./,
    );
  });

  it("reads the id and secret from LEDGER_CLIENT_ID and LEDGER_CLIENT_SECRET, and says so when both are missing", async () => {
    expect(() => new pkg.flat.Ledger({ baseURL: base() })).toThrow(
      "Ledger: missing credentials. Pass `clientId` and `clientSecret` to the client or set LEDGER_CLIENT_ID and LEDGER_CLIENT_SECRET.",
    );
    process.env.LEDGER_CLIENT_ID = ID;
    process.env.LEDGER_CLIENT_SECRET = SECRET;
    const from = pkg.server.requests.length;
    await new pkg.flat.Ledger({ baseURL: base() }).accounts.retrieve("a1");
    expect(since(from).token[0]!.headers.authorization).toBe(
      "Basic " + Buffer.from(`${ID}:${SECRET}`).toString("base64"),
    );
  });

  it("builders use the same runtime", async () => {
    const api = new pkg.builder.AccountsApi({ baseURL: base(), clientId: ID, clientSecret: SECRET });
    const from = pkg.server.requests.length;
    expect(await api.getAccount("a9").execute()).toEqual({ id: "a9", balance: 1 });
    expect(since(from).token).toHaveLength(1);
  });

  it("the command line takes LEDGER_CLIENT_ID and LEDGER_CLIENT_SECRET", async () => {
    const run = await cli.run("ledger", ["getAccount", "account_id=a7", "--base-url", base()], {
      env: { LEDGER_CLIENT_ID: ID, LEDGER_CLIENT_SECRET: SECRET },
    });
    expect([run.code, run.stderr, JSON.parse(run.stdout)]).toEqual([0, "", { id: "a7", balance: 1 }]);
  });
});
