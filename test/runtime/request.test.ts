/** Request building: path, query, headers, cookies and bodies, checked on what a real server received. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  ClientCore,
  SDKError,
  binaryBody,
  clientParams,
  collectParams,
  formBody,
  jsonBody,
  multipartBody,
  queryStyle,
  textBody,
  textResponse,
} from "../../src/runtime/index.js";
import type { OperationSpec } from "../../src/runtime/types.js";
import { op, spec, useTestServer } from "./helpers.js";

let core: ClientCore;
const server = useTestServer();
beforeEach(() => {
  core = new ClientCore(spec(), { baseURL: server.url, maxRetries: 0 });
});

const last = () => server.requests.at(-1)!;

describe("path parameters", () => {
  const files = op({ path: "/files/{file_id}/parts/{part}" });

  it.each([
    ["plain", "abc", "/files/abc/parts/1"],
    ["traversal stays one segment", "../admin", "/files/..%2Fadmin/parts/1"],
    ["slashes and query chars are encoded", "a/b?c#d", "/files/a%2Fb%3Fc%23d/parts/1"],
    ["percent is encoded", "%2E%2E", "/files/%252E%252E/parts/1"],
    ["unicode", "é", "/files/%C3%A9/parts/1"],
    ["numbers", 42, "/files/42/parts/1"],
  ])("%s", async (_name, value, wire) => {
    await core.request(files, { file_id: value, part: 1 }, undefined);
    expect(last().url).toBe(wire);
  });

  it.each([".", ".."])("refuses the dot segment %j, which no URL encoding survives", async (value) => {
    await expect(core.request(files, { file_id: value, part: 1 }, undefined)).rejects.toThrow(SDKError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([undefined, null, ""])("rejects a missing path parameter (%j) before sending", async (value) => {
    const p = core.request(files, { file_id: value, part: 1 }, undefined);
    await expect(p).rejects.toThrow(/testOp: missing required path parameter `file_id`/);
    await expect(p).rejects.toBeInstanceOf(SDKError);
    expect(server.requests).toHaveLength(0);
  });

  it("fills a path parameter from a client parameter", async () => {
    const c = new ClientCore(
      spec({ clientParams: clientParams([{ option: "accountId", in: "path", name: "account_id" }]) }),
      {
        baseURL: server.url,
        accountId: "acc 1",
      },
    );
    await c.request(op({ path: "/accounts/{account_id}/zones" }), {}, undefined);
    expect(last().url).toBe("/accounts/acc%201/zones");
  });
});

describe("query serialisation", () => {
  const q = (query: Record<string, string>, queryStyle?: OperationSpec["queryStyle"]) =>
    op({ query, ...(queryStyle && { queryStyle }) });

  it.each<[string, OperationSpec, Record<string, unknown>, string]>([
    [
      "scalars",
      q({ limit: "limit", on: "enabled", name: "name" }),
      { limit: 10, on: true, name: "a b&c" },
      "limit=10&enabled=true&name=a%20b%26c",
    ],
    ["undefined and null are skipped", q({ a: "a", b: "b" }), { a: undefined, b: null }, ""],
    [
      "Date becomes ISO",
      q({ since: "since" }),
      { since: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
      "since=2024-01-02T03%3A04%3A05.000Z",
    ],
    ["arrays repeat by default", q({ ids: "id" }), { ids: [1, 2, 3] }, "id=1&id=2&id=3"],
    [
      "explode false joins with commas",
      q({ ids: "id" }, { id: queryStyle("form", false) }),
      { ids: [1, 2] },
      "id=1%2C2",
    ],
    ["spaceDelimited", q({ ids: "id" }, { id: queryStyle("spaceDelimited", false) }), { ids: ["a", "b"] }, "id=a%20b"],
    ["pipeDelimited", q({ ids: "id" }, { id: queryStyle("pipeDelimited", false) }), { ids: ["a", "b"] }, "id=a%7Cb"],
    [
      "deepObject",
      q({ filter: "filter" }, { filter: queryStyle("deepObject") }),
      { filter: { a: 1, b: { c: "d" } } },
      "filter%5Ba%5D=1&filter%5Bb%5D%5Bc%5D=d",
    ],
    ["form objects spread", q({ f: "f" }), { f: { x: 1, y: 2 } }, "x=1&y=2"],
    [
      "form objects with explode false",
      q({ f: "f" }, { f: queryStyle("form", false) }),
      { f: { x: 1, y: 2 } },
      "f=x%2C1%2Cy%2C2",
    ],
  ])("%s", async (_name, operation, params, expected) => {
    await core.request(operation, {}, params);
    expect(last().url).toBe(expected ? `/things?${expected}` : "/things");
  });

  it("merges defaultQuery < operation params < per-request query, null removing", async () => {
    const c = new ClientCore(spec(), { baseURL: server.url, defaultQuery: { v: "1", keep: "k", drop: "x", limit: 5 } });
    await c.request(
      op({ query: { limit: "limit" } }),
      {},
      { limit: 20 },
      { query: { v: "2", drop: null, extra: ["a", "b"] } },
    );
    const got = last().query;
    expect([...got]).toEqual([
      ["v", "2"],
      ["keep", "k"],
      ["limit", "20"],
      ["extra", "a"],
      ["extra", "b"],
    ]);
  });

  it("applies client query params only to operations that declare them; the call's value wins", async () => {
    const c = new ClientCore(
      spec({ clientParams: clientParams([{ option: "version", in: "query", name: "api-version" }]) }),
      {
        baseURL: server.url,
        version: "2024-01",
      },
    );
    await c.request(op({ query: { apiVersion: "api-version" } }), {}, {});
    expect(last().query.get("api-version")).toBe("2024-01");
    await c.request(op({ query: { apiVersion: "api-version" } }), {}, { apiVersion: "2025-02" });
    expect(last().query.get("api-version")).toBe("2025-02");
    await c.request(op(), {}, {});
    expect(last().query.has("api-version")).toBe(false);
  });

  it("a client query param wins over defaultQuery for operations that declare it, and only for them", async () => {
    const c = new ClientCore(
      spec({ clientParams: clientParams([{ option: "version", in: "query", name: "api-version" }]) }),
      {
        baseURL: server.url,
        version: "2024-01",
        defaultQuery: { "api-version": "old" },
      },
    );
    await c.request(op({ query: { apiVersion: "api-version" } }), {}, {});
    expect(last().query.get("api-version")).toBe("2024-01");
    await c.request(op(), {}, {});
    expect(last().query.get("api-version")).toBe("old");
  });
});

describe("an operation without query, header or cookie parameters (no collectParams in its spec)", () => {
  const plain = op({ path: "/repos/{owner}/{repo}" });

  it("still sends defaultQuery, defaultHeaders and the per-request query and headers", async () => {
    expect(plain.collect).toBeUndefined();
    const c = new ClientCore(spec(), {
      baseURL: server.url,
      defaultQuery: { v: "1", drop: "x", ids: [1, 2] },
      defaultHeaders: { "X-Team": "core" },
    });
    await c.request(plain, { owner: "o", repo: "r" }, undefined, {
      query: { drop: null, extra: "a b" },
      headers: { "X-Extra": "e" },
    });
    expect(last().url).toBe("/repos/o/r?v=1&ids=1&ids=2&extra=a%20b");
    expect(last().headers["x-team"]).toBe("core");
    expect(last().headers["x-extra"]).toBe("e");
    expect(last().headers.cookie).toBeUndefined();
  });

  it("ignores params meant for parameters it does not declare", async () => {
    await core.request(plain, { owner: "o", repo: "r" }, { limit: 5, trace: "t" });
    expect(last().url).toBe("/repos/o/r");
    expect(last().headers.trace).toBeUndefined();
  });
});

describe("required parameters a client option may supply", () => {
  const versioned = spec({
    clientParams: clientParams([
      { option: "version", in: "query", name: "api-version" },
      { option: "org", in: "header", name: "TR-Organization", env: "TEST_REQUIRED_ORG" },
    ]),
  });
  const queryOp = op({ query: { apiVersion: "api-version" }, required: ["query api-version"] });
  const headerOp = op({ headers: { organization: "TR-Organization" }, required: ["header TR-Organization"] });

  it.each<[string, OperationSpec, string]>([
    [
      "query",
      queryOp,
      "testOp: missing required query parameter `api-version`: pass it, or set the client option that supplies it",
    ],
    [
      "header",
      headerOp,
      "testOp: missing required header parameter `TR-Organization`: pass it, or set the client option that supplies it",
    ],
  ])("refuses to send without a %s parameter, naming it", async (_where, operation, message) => {
    const c = new ClientCore(versioned, { baseURL: server.url });
    const p = c.request(operation, {}, {});
    await expect(p).rejects.toThrow(message);
    await expect(p).rejects.toBeInstanceOf(SDKError);
    expect(server.requests).toHaveLength(0);
  });

  it("sends the client's value, or the call's instead", async () => {
    const c = new ClientCore(versioned, { baseURL: server.url, version: "2024-01", org: "org-1" });
    await c.request(queryOp, {}, {});
    expect(last().query.get("api-version")).toBe("2024-01");
    await c.request(headerOp, {}, { organization: "org-2" });
    expect(last().headers["tr-organization"]).toBe("org-2");
  });

  it("reads a client parameter's environment variable once, when the client is created", async () => {
    process.env.TEST_REQUIRED_ORG = "org-env";
    try {
      const c = new ClientCore(versioned, { baseURL: server.url });
      process.env.TEST_REQUIRED_ORG = "org-later";
      await c.request(headerOp, {}, {});
      expect(last().headers["tr-organization"]).toBe("org-env");
    } finally {
      delete process.env.TEST_REQUIRED_ORG;
    }
  });
});

describe("headers", () => {
  it("merges defaults, operation params and per-request headers; null removes", async () => {
    const c = new ClientCore(spec(), {
      baseURL: server.url,
      defaultHeaders: { "X-Team": "core", "X-Remove-Me": "1", "X-Trace": "default" },
    });
    const operation = op({ headers: { trace: "X-Trace", beta: "OpenAI-Beta" } });
    await c.request(
      operation,
      {},
      { trace: "param", beta: ["a", "b"] },
      { headers: { "x-remove-me": null, "X-Extra": "e" } },
    );
    const h = last().headers;
    expect(h["x-team"]).toBe("core");
    expect(h["x-trace"]).toBe("param");
    expect(h["openai-beta"]).toBe("a,b");
    expect(h["x-extra"]).toBe("e");
    expect(h["x-remove-me"]).toBeUndefined();
    expect(h.accept).toBe("application/json");
    expect(h["user-agent"]).not.toMatch(/clientgen/);
  });

  it("per-request headers override operation header params", async () => {
    await core.request(
      op({ headers: { trace: "X-Trace" } }),
      {},
      { trace: "param" },
      { headers: { "X-Trace": "option" } },
    );
    expect(last().headers["x-trace"]).toBe("option");
  });

  it("sends a client header param to operations that declare it", async () => {
    const c = new ClientCore(
      spec({
        clientParams: clientParams([{ option: "org", in: "header", name: "TR-Organization", env: "TEST_TR_ORG" }]),
      }),
      {
        baseURL: server.url,
        org: "org-1",
      },
    );
    await c.request(op({ headers: { organization: "TR-Organization" } }), {}, {});
    expect(last().headers["tr-organization"]).toBe("org-1");
  });

  it.each<[string, () => Promise<unknown>, RegExp]>([
    [
      "a per-request header",
      () => core.request(op(), {}, {}, { headers: { "X-Evil": "a\r\nInjected: 1" } }),
      /`x-evil`/,
    ],
    ["an operation header param", () => core.request(op({ headers: { v: "X-Val" } }), {}, { v: "a\nb" }), /`x-val`/],
    [
      "a default header",
      () =>
        new ClientCore(spec(), { baseURL: server.url, defaultHeaders: { "X-Default": "x\ry" } }).request(op(), {}, {}),
      /`x-default`/,
    ],
    ["a cookie", () => core.request(op({ cookies: { s: "session" } }), {}, { s: "v\r\nSet-Cookie: x" }), /`cookie`/],
  ])("refuses CR/LF in %s, naming the header", async (_name, call, name) => {
    const p = call();
    await expect(p).rejects.toBeInstanceOf(SDKError);
    await expect(p).rejects.toThrow(name);
    await expect(p).rejects.toThrow(/CR or LF/);
    expect(server.requests).toHaveLength(0);
  });

  it("collects cookies into one Cookie header", async () => {
    await core.request(op({ cookies: { session: "sid", theme: "theme" } }), {}, { session: "abc", theme: "dark" });
    expect(last().headers.cookie).toBe("sid=abc; theme=dark");
  });

  it("does not ask for JSON from text or binary operations", async () => {
    await core.request(op({ response: textResponse }), {}, {});
    expect(last().headers.accept).not.toBe("application/json");
  });
});

describe("bodies", () => {
  const post = (body: OperationSpec["body"], extra: Partial<OperationSpec> = {}) =>
    op({ method: "post", body, ...extra });
  const json = { mode: "fields", encode: jsonBody } as const;

  it("fields mode sends the params not used elsewhere as JSON", async () => {
    const operation = post(json, {
      path: "/t/{id}",
      query: { dry: "dry_run" },
      headers: { h: "X-H" },
      cookies: { c: "c" },
    });
    await core.request(
      operation,
      { id: "x" },
      { dry: true, h: "hv", c: "cv", name: "n", tags: ["a"], skip: undefined },
    );
    const r = last();
    expect(r.method).toBe("POST");
    expect(r.url).toBe("/t/x?dry_run=true");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(r.text)).toEqual({ name: "n", tags: ["a"] });
  });

  it("sends {} for a required JSON body without fields, nothing for an optional one", async () => {
    await core.request(post({ ...json, required: true }), {}, {});
    expect(last().text).toBe("{}");
    await core.request(post(json), {}, {});
    expect(last().text).toBe("");
    expect(last().headers["content-type"]).toBeUndefined();
  });

  it("whole mode sends params.body, keeping a vendor JSON content type", async () => {
    await core.request(
      post({ mode: "whole", encode: jsonBody, contentType: "application/merge-patch+json" }),
      {},
      { body: [1, 2] },
    );
    expect(last().headers["content-type"]).toBe("application/merge-patch+json");
    expect(last().text).toBe("[1,2]");
  });

  it("form encoding", async () => {
    const form = { mode: "fields", encode: formBody, contentType: "application/x-www-form-urlencoded" } as const;
    await core.request(post(form), {}, { name: "a b", tags: ["x", "y"], meta: { k: "v" }, n: 3 });
    expect(last().headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(last().text).toBe("name=a+b&tags=x&tags=y&meta%5Bk%5D=v&n=3");
  });

  it("multipart: repeated fields, files kept, objects as JSON, boundary set by fetch", async () => {
    const multipart = { mode: "fields", encode: multipartBody, contentType: "multipart/form-data" } as const;
    const file = new File(["hello file"], "hello.txt", { type: "text/plain" });
    await core.request(post(multipart), {}, { file, purpose: "test", tags: ["a", "b"], meta: { k: 1 }, n: 2 });
    const r = last();
    expect(r.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const fd = await new Response(new Uint8Array(r.body), {
      headers: { "content-type": r.headers["content-type"]! },
    }).formData();
    const got = fd.get("file") as File;
    expect(got.name).toBe("hello.txt");
    expect(await got.text()).toBe("hello file");
    expect(fd.get("purpose")).toBe("test");
    expect(fd.getAll("tags")).toEqual(["a", "b"]);
    expect(fd.get("meta")).toBe('{"k":1}');
    expect(fd.get("n")).toBe("2");
  });

  it("text encoding", async () => {
    await core.request(post({ mode: "whole", encode: textBody, contentType: "text/csv" }), {}, { body: "a,b\n1,2" });
    expect(last().headers["content-type"]).toBe("text/csv");
    expect(last().text).toBe("a,b\n1,2");
  });

  it.each<[string, unknown]>([
    ["Uint8Array", new Uint8Array([0, 1, 2, 255])],
    ["ArrayBuffer", new Uint8Array([0, 1, 2, 255]).buffer],
    ["Blob", new Blob([new Uint8Array([0, 1, 2, 255])])],
    [
      "ReadableStream",
      new ReadableStream({
        start(c) {
          c.enqueue(new Uint8Array([0, 1]));
          c.enqueue(new Uint8Array([2, 255]));
          c.close();
        },
      }),
    ],
  ])("binary: %s passes through with the operation's content type", async (_name, body) => {
    await core.request(
      post({ mode: "whole", encode: binaryBody, contentType: "application/octet-stream" }),
      {},
      { body },
    );
    expect(last().headers["content-type"]).toBe("application/octet-stream");
    expect([...last().body]).toEqual([0, 1, 2, 255]);
  });
});
