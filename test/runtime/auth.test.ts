/** Client construction (base URL, credentials, env fallback) and how auth reaches the wire. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ClientCore,
  SDKError,
  apiKey,
  apiKeyCookie,
  auth,
  basic,
  bearer,
  readEnv,
  serverURL,
} from "../../src/runtime/index.js";
import type { ClientSpec, SecurityRequirement } from "../../src/runtime/types.js";
import { op, spec, useTestServer } from "./helpers.js";

const server = useTestServer();
const last = () => server.requests.at(-1)!;

const ENV_VARS = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "OPENAI_ADMIN_KEY", "ACME_LOG"];
const savedEnv = Object.fromEntries(ENV_VARS.map((k) => [k, process.env[k]]));
beforeEach(() => {
  for (const k of ENV_VARS) delete process.env[k];
});
afterEach(() => {
  for (const k of ENV_VARS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

const openaiWith = (security: SecurityRequirement): ClientSpec =>
  spec({
    name: "OpenAI",
    credentials: [{ option: "adminApiKey", env: "OPENAI_ADMIN_KEY" }],
    auth: auth({ ApiKeyAuth: bearer("adminApiKey") }, security),
  });
const openai = openaiWith([["ApiKeyAuth"]]);

const cloudflare: ClientSpec = spec({
  name: "Cloudflare",
  credentials: [
    { option: "apiToken", env: "CLOUDFLARE_API_TOKEN" },
    { option: "apiEmail", env: "CLOUDFLARE_EMAIL" },
    { option: "apiKey", env: "CLOUDFLARE_API_KEY" },
  ],
  auth: auth(
    {
      token: bearer("apiToken"),
      email: apiKey("header", "X-Auth-Email", "apiEmail"),
      key: apiKey("header", "X-Auth-Key", "apiKey"),
    },
    [["token"], ["email", "key"]],
  ),
});

const regional = serverURL("https://{region}.api.test/{ver}", {
  region: { default: "us", enum: ["us", "eu"] },
  ver: { default: "v2" },
});

describe("base URL", () => {
  it.each<[string, ClientSpec, Record<string, unknown>, string]>([
    ["first server, trailing slash trimmed", spec({ baseURL: "https://a.test/v1/" }), {}, "https://a.test/v1"],
    ["baseURL option wins", spec(), { baseURL: "https://b.test/" }, "https://b.test"],
    ["no server", spec({ baseURL: undefined }), {}, ""],
    ["server variables: defaults", spec({ baseURL: undefined, server: regional }), {}, "https://us.api.test/v2"],
    [
      "server variables: options",
      spec({ baseURL: undefined, server: regional }),
      { serverVariables: { region: "eu" } },
      "https://eu.api.test/v2",
    ],
    [
      "server variables: baseURL option wins",
      spec({ baseURL: undefined, server: regional }),
      { baseURL: "https://b.test", serverVariables: { region: "eu" } },
      "https://b.test",
    ],
  ])("%s", (_name, s, options, expected) => {
    expect(new ClientCore(s, options).baseURL).toBe(expected);
  });
});

describe("missing credentials at construction", () => {
  it("names the option and env var", () => {
    expect(() => new ClientCore(openai, {})).toThrow(
      new SDKError("OpenAI: missing credentials. Pass `adminApiKey` to the client or set OPENAI_ADMIN_KEY."),
    );
  });

  it("lists every alternative", () => {
    expect(() => new ClientCore(cloudflare, { apiEmail: "me@example.com" })).toThrow(
      "Cloudflare: missing credentials. Pass `apiToken` (or set CLOUDFLARE_API_TOKEN), or `apiEmail` and `apiKey` (or set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY).",
    );
  });

  it("says an option once when several alternatives need it (one scheme listed under several scopes)", () => {
    const twice = openaiWith([["ApiKeyAuth"], ["oauth2"], ["ApiKeyAuth"]]);
    expect(() => new ClientCore(twice, {})).toThrow(
      new SDKError("OpenAI: missing credentials. Pass `adminApiKey` to the client or set OPENAI_ADMIN_KEY."),
    );
  });

  it("throws an SDKError", () => {
    expect(() => new ClientCore(openai, {})).toThrow(SDKError);
  });

  it.each<[string, ClientSpec]>([
    ["no security schemes", spec()],
    ["no security", spec({ auth: auth({ ApiKeyAuth: bearer("adminApiKey") }, []) })],
    ["optional security", openaiWith([["ApiKeyAuth"], []])],
  ])("does not throw with %s", (_name, s) => {
    expect(() => new ClientCore(s, {})).not.toThrow();
  });

  it("skips alternatives naming schemes the runtime does not know", () => {
    expect(() => new ClientCore(spec({ auth: auth({}, [["oauth2"]]) }), {})).not.toThrow();
    expect(() => new ClientCore(openaiWith([["oauth2"], ["ApiKeyAuth"]]), {})).toThrow(
      "OpenAI: missing credentials. Pass `adminApiKey` to the client or set OPENAI_ADMIN_KEY.",
    );
  });

  it("falls back to the environment, trimmed", async () => {
    process.env.OPENAI_ADMIN_KEY = "  env-key  ";
    expect(readEnv("OPENAI_ADMIN_KEY")).toBe("env-key");
    const c = new ClientCore(openai, { baseURL: server.url });
    await c.request(op(), {}, undefined);
    expect(last().headers.authorization).toBe("Bearer env-key");
  });

  it("prefers the option to the environment", async () => {
    process.env.OPENAI_ADMIN_KEY = "env-key";
    await new ClientCore(openai, { baseURL: server.url, adminApiKey: "opt-key" }).request(op(), {}, undefined);
    expect(last().headers.authorization).toBe("Bearer opt-key");
  });

  it("treats an empty env var as unset", () => {
    process.env.OPENAI_ADMIN_KEY = "   ";
    expect(() => new ClientCore(openai, {})).toThrow(/missing credentials/);
  });
});

describe("auth on the wire", () => {
  it.each<[string, ClientSpec, Record<string, unknown>, (r: (typeof server.requests)[number]) => void]>([
    ["bearer", openai, { adminApiKey: "sk-1" }, (r) => expect(r.headers.authorization).toBe("Bearer sk-1")],
    [
      "basic (UTF-8)",
      spec({
        credentials: [{ option: "username" }, { option: "password" }],
        auth: auth({ basic: basic("username", "password") }, [["basic"]]),
      }),
      { username: "zoë", password: "p:ss" },
      (r) =>
        expect(Buffer.from(r.headers.authorization!.replace("Basic ", ""), "base64").toString("utf8")).toBe("zoë:p:ss"),
    ],
    [
      "apiKey header",
      spec({
        credentials: [{ option: "apiKey" }],
        auth: auth({ k: apiKey("header", "X-Api-Key", "apiKey") }, [["k"]]),
      }),
      { apiKey: "k1" },
      (r) => expect(r.headers["x-api-key"]).toBe("k1"),
    ],
    [
      "apiKey query",
      spec({ credentials: [{ option: "apiKey" }], auth: auth({ k: apiKey("query", "api_key", "apiKey") }, [["k"]]) }),
      { apiKey: "k 2" },
      (r) => expect(r.query.get("api_key")).toBe("k 2"),
    ],
    [
      "apiKey cookie",
      spec({ credentials: [{ option: "apiKey" }], auth: auth({ k: apiKeyCookie("token", "apiKey") }, [["k"]]) }),
      { apiKey: "k3" },
      (r) => expect(r.headers.cookie).toBe("token=k3"),
    ],
    [
      "alternatives: token",
      cloudflare,
      { apiToken: "tok" },
      (r) => {
        expect(r.headers.authorization).toBe("Bearer tok");
        expect(r.headers["x-auth-key"]).toBeUndefined();
      },
    ],
    [
      "alternatives: email + key",
      cloudflare,
      { apiEmail: "me@example.com", apiKey: "gk" },
      (r) => {
        expect(r.headers.authorization).toBeUndefined();
        expect(r.headers["x-auth-email"]).toBe("me@example.com");
        expect(r.headers["x-auth-key"]).toBe("gk");
      },
    ],
  ])("%s", async (_name, s, options, check) => {
    await new ClientCore(s, { ...options, baseURL: server.url }).request(op(), {}, undefined);
    check(last());
  });

  it("uses env vars for the second alternative", async () => {
    process.env.CLOUDFLARE_EMAIL = "env@example.com";
    process.env.CLOUDFLARE_API_KEY = "env-gk";
    await new ClientCore(cloudflare, { baseURL: server.url }).request(op(), {}, undefined);
    expect(last().headers["x-auth-key"]).toBe("env-gk");
  });

  it("merges apiKey cookies with operation cookies", async () => {
    const s = spec({
      credentials: [{ option: "apiKey" }],
      auth: auth({ k: apiKeyCookie("token", "apiKey") }, [["k"]]),
    });
    await new ClientCore(s, { apiKey: "k3", baseURL: server.url }).request(
      op({ cookies: { lang: "lang" } }),
      {},
      { lang: "en" },
    );
    expect(last().headers.cookie).toBe("lang=en; token=k3");
  });

  it("skips auth for operations with security []", async () => {
    await new ClientCore(openai, { adminApiKey: "sk-1", baseURL: server.url }).request(
      op({ security: [] }),
      {},
      undefined,
    );
    expect(last().headers.authorization).toBeUndefined();
  });

  it("sends credentials when auth is optional and they are present", async () => {
    await new ClientCore(openaiWith([[], ["ApiKeyAuth"]]), { adminApiKey: "sk-1", baseURL: server.url }).request(
      op(),
      {},
      undefined,
    );
    expect(last().headers.authorization).toBe("Bearer sk-1");
  });

  it("rejects an operation whose own security cannot be satisfied, naming option and env var", async () => {
    const s: ClientSpec = {
      ...openai,
      credentials: [...openai.credentials!, { option: "projectKey", env: "OPENAI_PROJECT_KEY" }],
      auth: auth({ ApiKeyAuth: bearer("adminApiKey"), project: bearer("projectKey") }, [["ApiKeyAuth"]]),
    };
    const c = new ClientCore(s, { adminApiKey: "sk-1", baseURL: server.url });
    await expect(c.request(op({ security: [["project"]] }), {}, undefined)).rejects.toThrow(
      "OpenAI: missing credentials. Pass `projectKey` to the client or set OPENAI_PROJECT_KEY.",
    );
    expect(server.requests).toHaveLength(0);
  });
});
