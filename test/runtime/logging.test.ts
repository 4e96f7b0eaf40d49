/** Logging levels and redaction: no credential may reach a log line or an error message. */
import { afterEach, describe, expect, it } from "vitest";
import { APIError, ClientCore, apiKey, apiKeyCookie, auth, bearer } from "../../src/runtime/index.js";
import type { ClientSpec, LogLevel, Logger } from "../../src/runtime/types.js";
import { op, reply, spec, useTestServer, type Handler } from "./helpers.js";

const server = useTestServer((_q, res) =>
  reply(res, 200, { ok: true }, { "set-cookie": "session=server-secret-cookie" }),
);

const SECRETS = {
  token: "tok-SECRET-1",
  authKey: "authkey-SECRET-2",
  queryKey: "q SECRET/3+",
  cookieKey: "cookie-SECRET-4",
};

const secure: ClientSpec = spec({
  name: "Acme",
  credentials: [{ option: "token" }, { option: "authKey" }, { option: "queryKey" }, { option: "cookieKey" }],
  auth: auth(
    {
      bearer: bearer("token"),
      authKey: apiKey("header", "X-Auth-Key", "authKey"),
      query: apiKey("query", "api_key", "queryKey"),
      cookie: apiKeyCookie("sid", "cookieKey"),
    },
    [["bearer", "authKey", "query", "cookie"]],
  ),
});

function capture(): { logger: Logger; lines: Array<[string, string]> } {
  const lines: Array<[string, string]> = [];
  const log =
    (level: string) =>
    (message: string, ...rest: unknown[]) =>
      lines.push([level, [message, ...rest.map((r) => JSON.stringify(r))].join(" ")]);
  return { lines, logger: { error: log("error"), warn: log("warn"), info: log("info"), debug: log("debug") } };
}

const expectNoSecrets = (text: string) => {
  for (const s of Object.values(SECRETS)) {
    expect(text).not.toContain(s);
    expect(text).not.toContain(encodeURIComponent(s));
    expect(text).not.toContain(new URLSearchParams({ s }).toString().slice(2));
  }
  expect(text).not.toContain("server-secret-cookie");
};

const client = (logLevel?: LogLevel, extra: Record<string, unknown> = {}) => {
  const { logger, lines } = capture();
  const core = new ClientCore(secure, {
    ...SECRETS,
    baseURL: server.url,
    logger,
    ...(logLevel && { logLevel }),
    ...extra,
  });
  return { core, lines };
};

describe("debug logging", () => {
  it("logs request and response with headers, redacting every secret", async () => {
    const { core, lines } = client("debug");
    await core.request(op({ query: { q: "q" } }), {}, { q: "visible" }, { headers: { "X-Visible": "yes" } });
    // The server did receive the secrets...
    const r = server.requests[0]!;
    expect(r.headers.authorization).toBe(`Bearer ${SECRETS.token}`);
    expect(r.query.get("api_key")).toBe(SECRETS.queryKey);
    // ...but the log shows none of them.
    const text = lines.map((l) => l[1]).join("\n");
    expect(lines.map((l) => l[0])).toEqual(["debug", "debug"]);
    expect(text).toContain("GET");
    expect(text).toContain("/things?q=visible");
    expect(text).toContain('"x-visible":"yes"');
    expect(text).toContain('"authorization":"***"');
    expect(text).toContain('"x-auth-key":"***"');
    expect(text).toContain('"cookie":"***"');
    expect(text).toContain('"set-cookie":"***"');
    expect(text).toContain("200");
    expectNoSecrets(text);
  });

  it("warns about retries and logs the final HTTP failure at info, redacted", async () => {
    server.handler = (_q, res) =>
      reply(res, 500, { message: `bad key ${SECRETS.token} / ${SECRETS.queryKey}` }, { "retry-after-ms": "1" });
    const { core, lines } = client("info", { maxRetries: 1 });
    const err = (await core.request(op(), {}, undefined).catch((e) => e)) as APIError;
    expect(lines.map((l) => l[0])).toEqual(["warn", "info"]);
    expect(lines[0]![1]).toMatch(/retry 1\/1/);
    expect(err.message).toContain("bad key *** / ***");
    expectNoSecrets(lines.map((l) => l[1]).join("\n") + err.message);
  });
});

describe("headers hidden from logs", () => {
  it("hides an apiKey scheme's header even when its value is not a known credential", async () => {
    const { logger, lines } = capture();
    const s = spec({
      credentials: [{ option: "token" }],
      auth: auth({ k: apiKey("header", "X-Custom-Token", "token") }, [["k"]]),
    });
    const core = new ClientCore(s, {
      token: "tok-1",
      baseURL: server.url,
      logger,
      logLevel: "debug",
      defaultHeaders: { "X-Custom-Token": "from-default-headers" },
    });
    await core.request(op(), {}, undefined);
    expect(server.requests[0]!.headers["x-custom-token"]).toBe("from-default-headers");
    const text = lines.map((l) => l[1]).join("\n");
    expect(text).toContain('"x-custom-token":"***"');
    expect(text).not.toContain("from-default-headers");
  });
});

describe("levels", () => {
  it.each<[LogLevel | undefined, string[]]>([
    // An HTTP error is the caller's to handle, so its final failure is logged at info, not error.
    [undefined, ["warn"]],
    ["off", []],
    ["error", []],
    ["warn", ["warn"]],
    ["info", ["warn", "info"]],
    ["debug", ["debug", "debug", "warn", "debug", "debug", "info"]],
  ])("%s", async (level, expected) => {
    server.handler = (_q, res) => reply(res, 503, {}, { "retry-after-ms": "1" });
    const { core, lines } = client(level, { maxRetries: 1 });
    await core.request(op(), {}, undefined).catch(() => {});
    expect(lines.map((l) => l[0])).toEqual(expected);
    expectNoSecrets(lines.map((l) => l[1]).join("\n"));
  });

  describe("from <NAME>_LOG", () => {
    const saved = process.env.ACME_LOG;
    afterEach(() => {
      if (saved === undefined) delete process.env.ACME_LOG;
      else process.env.ACME_LOG = saved;
    });

    it("reads the level from the environment when no option is given", async () => {
      process.env.ACME_LOG = "debug";
      const { core, lines } = client();
      await core.request(op(), {}, undefined);
      expect(lines.map((l) => l[0])).toEqual(["debug", "debug"]);
    });

    it("takes the prefix of the client's other variables, not its display name", async () => {
      process.env.ACME_LOG = "debug";
      const { logger, lines } = capture();
      const konnect = new ClientCore(
        { ...secure, name: "Kong Konnect", baseURLEnv: "ACME_BASE_URL" },
        { ...SECRETS, baseURL: server.url, logger },
      );
      await konnect.request(op(), {}, undefined);
      expect(lines.map((l) => l[0])).toEqual(["debug", "debug"]);
    });

    it("prefers the option", async () => {
      process.env.ACME_LOG = "debug";
      const { core, lines } = client("off");
      await core.request(op(), {}, undefined);
      expect(lines).toEqual([]);
    });
  });
});
