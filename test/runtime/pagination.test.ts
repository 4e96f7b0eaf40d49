/** Pagination: cursor, page-number (Cloudflare-style envelope), offset and single pages. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  APIError,
  ClientCore,
  Page,
  PagePromise,
  SDKError,
  clientParams,
  envelope,
  requestPage,
} from "../../src/runtime/index.js";
import type { OperationSpec } from "../../src/runtime/types.js";
import { failure, op, reply, spec, useTestServer, type Handler } from "./helpers.js";

const server = useTestServer();

type Item = { id: string };
const ids = (items: Item[]) => items.map((i) => i.id);

describe("cursor pagination (OpenAI style)", () => {
  const list: OperationSpec = op({
    path: "/models",
    query: { after: "after", limit: "limit" },
    pagination: { kind: "cursor", items: "data", hasMore: "has_more", cursorParam: "after" },
  });
  // Three pages of two items; the cursor is the last item's id.
  const all = ["a", "b", "c", "d", "e", "f"];
  beforeEach(() => {
    server.handler = (req, res) => {
      const after = req.query.get("after");
      const start = after ? all.indexOf(after) + 1 : 0;
      const data = all.slice(start, start + 2).map((id) => ({ id }));
      reply(res, 200, { object: "list", data, has_more: start + 2 < all.length });
    };
  });
  const core = () => new ClientCore(spec(), { baseURL: server.url });

  it("await gives the first page", async () => {
    const p = requestPage<Item>(core(), list, {}, { limit: 2 });
    expect(p).toBeInstanceOf(PagePromise);
    const page = await p;
    expect(page).toBeInstanceOf(Page);
    expect(ids(page.items)).toEqual(["a", "b"]);
    expect(page.body).toMatchObject({ object: "list", has_more: true });
    expect(page.response.status).toBe(200);
    expect(page.hasNextPage()).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("for await walks every item across three pages", async () => {
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), list, {}, { limit: 2 })) got.push(item.id);
    expect(got).toEqual(all);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/models?limit=2",
      "/models?after=b&limit=2",
      "/models?after=d&limit=2",
    ]);
  });

  it("iterPages and getNextPage", async () => {
    const first = await requestPage<Item>(core(), list, {}, { limit: 2 });
    const pages: string[][] = [];
    for await (const page of first.iterPages()) pages.push(ids(page.items));
    expect(pages).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    const third = await (await first.getNextPage()).getNextPage();
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toBeInstanceOf(SDKError);
  });

  it("uses a nextCursor field when declared and stops when it is missing", async () => {
    server.handler = (req, res, n) => reply(res, 200, { items: [{ id: `i${n}` }], next: n < 3 ? `cur${n}` : null });
    const listNext = op({
      query: { cursor: "cursor" },
      pagination: { kind: "cursor", items: "items", cursorParam: "cursor", nextCursor: "next" },
    });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), listNext, {}, {})) got.push(item.id);
    expect(got).toEqual(["i1", "i2", "i3"]);
    expect(server.requests.map((r) => r.query.get("cursor"))).toEqual([null, "cur1", "cur2"]);
  });

  it("stops when the server ignores the cursor and repeats a page", async () => {
    server.handler = (_q, res) => reply(res, 200, { data: [{ id: "same" }], has_more: true });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), list, {}, {})) got.push(item.id);
    expect(got).toEqual(["same", "same"]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops on an empty page", async () => {
    server.handler = (_q, res, n) => reply(res, 200, { data: n === 1 ? [{ id: "x" }] : [] });
    const noHasMore = op({
      query: { after: "after" },
      pagination: { kind: "cursor", items: "data", cursorParam: "after" },
    });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), noHasMore, {}, {})) got.push(item.id);
    expect(got).toEqual(["x"]);
    expect(server.requests).toHaveLength(2);
  });
});

describe("cursor shapes seen in the wild", () => {
  const core = () => new ClientCore(spec(), { baseURL: server.url });
  const all = ["a", "b", "c", "d", "e"];

  it("follows a next cursor nested in the envelope (HubSpot's paging.next.after), stopping when paging is gone", async () => {
    server.handler = (req, res) => {
      const start = Number(req.query.get("after") ?? 0);
      const results = all.slice(start, start + 2).map((id) => ({ id }));
      const more = start + 2 < all.length;
      reply(res, 200, { results, ...(more ? { paging: { next: { after: String(start + 2), link: "x" } } } : {}) });
    };
    const hubspot = op({
      query: { after: "after", limit: "limit" },
      pagination: { kind: "cursor", items: "results", cursorParam: "after", nextCursor: "paging.next.after" },
    });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), hubspot, {}, { limit: 2 })) got.push(item.id);
    expect(got).toEqual(all);
    expect(server.requests.map((r) => r.query.get("after"))).toEqual([null, "2", "4"]);
  });

  it("walks a bare array with starting_after set to the last item's id (rev.ai), ending on an empty page", async () => {
    server.handler = (req, res) => {
      const after = req.query.get("starting_after");
      const start = after ? all.indexOf(after) + 1 : 0;
      reply(
        res,
        200,
        all.slice(start, start + 2).map((id) => ({ id, status: "done" })),
      );
    };
    const revai = op({
      query: { starting_after: "starting_after", limit: "limit" },
      pagination: { kind: "cursor", items: "", cursorParam: "starting_after", cursorItemField: "id" },
    });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), revai, {}, { limit: 2 })) got.push(item.id);
    expect(got).toEqual(all);
    expect(server.requests.map((r) => r.query.get("starting_after"))).toEqual([null, "b", "d", "e"]);
  });
});

describe("page-number pagination (Cloudflare style envelope)", () => {
  const cf = spec({
    name: "Cloudflare",
    envelope: envelope({ result: "result", success: "success", errors: "errors" }),
  });
  const list: OperationSpec = op({
    path: "/zones",
    query: { page: "page", perPage: "per_page" },
    pagination: {
      kind: "page",
      items: "result",
      pageParam: "page",
      perPageParam: "perPage",
      info: "result_info",
      page: "page",
      perPage: "per_page",
      totalCount: "total_count",
      totalPages: "total_pages",
    },
  });
  const all = ["z1", "z2", "z3", "z4", "z5"];
  beforeEach(() => {
    server.handler = (req, res) => {
      const page = Number(req.query.get("page") ?? 1);
      const per = Number(req.query.get("per_page") ?? 2);
      const result = all.slice((page - 1) * per, page * per).map((id) => ({ id }));
      reply(res, 200, {
        success: true,
        errors: [],
        messages: [],
        result,
        result_info: {
          page,
          per_page: per,
          count: result.length,
          total_count: all.length,
          total_pages: Math.ceil(all.length / per),
        },
      });
    };
  });
  const core = () => new ClientCore(cf, { baseURL: server.url });

  it("walks three pages and stops at total_pages", async () => {
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), list, {}, { perPage: 2 })) got.push(item.id);
    expect(got).toEqual(all);
    expect(server.requests.map((r) => [r.query.get("page"), r.query.get("per_page")])).toEqual([
      [null, "2"],
      ["2", "2"],
      ["3", "2"],
    ]);
  });

  it("keeps the whole envelope in page.body", async () => {
    const page = await requestPage<Item>(core(), list, {}, { perPage: 2 });
    expect(page.body).toMatchObject({ success: true, result_info: { total_count: 5 } });
    expect(ids(page.items)).toEqual(["z1", "z2"]);
  });

  it("rejects when the envelope says success: false", async () => {
    server.handler = (_q, res) =>
      reply(res, 200, { success: false, errors: [{ code: 7003, message: "No route" }], result: null });
    const err = await requestPage<Item>(core(), list, {}, {}).catch((e) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err.message).toContain("7003: No route");
  });

  it("stops on an empty page when no totals are given", async () => {
    server.handler = (req, res) =>
      reply(res, 200, { success: true, result: Number(req.query.get("page") ?? 1) <= 3 ? [{ id: "p" }] : [] });
    const bare = op({ query: { page: "page" }, pagination: { kind: "page", items: "result", pageParam: "page" } });
    let count = 0;
    for await (const _ of requestPage<Item>(core(), bare, {}, {})) count++;
    expect(count).toBe(3);
    expect(server.requests).toHaveLength(4);
  });
});

describe("offset and single", () => {
  const core = () => new ClientCore(spec(), { baseURL: server.url });

  it("offset advances by the items received and stops at the total", async () => {
    server.handler = (req, res) => {
      const offset = Number(req.query.get("offset") ?? 0);
      reply(res, 200, { total: 5, items: [0, 1, 2, 3, 4].slice(offset, offset + 2).map((i) => ({ id: `o${i}` })) });
    };
    const list = op({
      query: { offset: "offset", limit: "limit" },
      pagination: { kind: "offset", items: "items", offsetParam: "offset", limitParam: "limit", totalCount: "total" },
    });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), list, {}, { limit: 2 })) got.push(item.id);
    expect(got).toEqual(["o0", "o1", "o2", "o3", "o4"]);
    expect(server.requests.map((r) => r.query.get("offset"))).toEqual([null, "2", "4"]);
  });

  it("single never has a next page; a bare array body is the item list", async () => {
    server.handler = (_q, res) => reply(res, 200, [{ id: "s1" }, { id: "s2" }]);
    const page = await requestPage<Item>(core(), op({ pagination: { kind: "single", items: "" } }), {}, {});
    expect(ids(page.items)).toEqual(["s1", "s2"]);
    expect(page.hasNextPage()).toBe(false);
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), op({ pagination: { kind: "single", items: "" } }), {}, {}))
      got.push(item.id);
    expect(got).toEqual(["s1", "s2"]);
  });
});

describe("next-URL pagination (Azure's nextLink, Twilio's next_page_url, Link headers)", () => {
  const list = (pagination: OperationSpec["pagination"], extra: Partial<OperationSpec> = {}) =>
    op({
      path: "/things",
      query: { top: "top", filter: "$filter" },
      headers: { tenant: "x-tenant" },
      pagination,
      ...extra,
    });
  const azure = list({ kind: "next", items: "value", nextUrl: "nextLink" });
  const core = (options: Record<string, unknown> = {}) =>
    new ClientCore(spec(), { baseURL: `${server.url}/v1`, ...options });

  it("follows an absolute nextLink with its own query, keeping header parameters and defaultQuery", async () => {
    server.handler = (req, res, n) =>
      reply(res, 200, {
        value: [{ id: `v${n}` }],
        // A token with a `+` (a space, as servers read a query) and an encoded `+`.
        nextLink: n < 3 ? `${server.url}/v1/things?$skiptoken=a%2Bb+c${n}&top=2` : null,
      });
    const got: string[] = [];
    const c = core({ defaultQuery: { "api-version": "2024-01-01" } });
    for await (const item of requestPage<Item>(c, azure, {}, { top: 2, filter: "x eq 1", tenant: "t1" }))
      got.push(item.id);
    expect(got).toEqual(["v1", "v2", "v3"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/things?api-version=2024-01-01&top=2&%24filter=x%20eq%201",
      // The operation's own query (top, $filter) is the link's now; the client's api-version stays.
      "/v1/things?api-version=2024-01-01&%24skiptoken=a%2Bb%20c1&top=2",
      "/v1/things?api-version=2024-01-01&%24skiptoken=a%2Bb%20c2&top=2",
    ]);
    expect(server.requests.map((r) => r.query.get("$skiptoken"))).toEqual([null, "a+b c1", "a+b c2"]);
    expect(server.requests.map((r) => r.headers["x-tenant"])).toEqual(["t1", "t1", "t1"]);
  });

  it("keeps a client parameter's query value (Azure's api-version) that the link leaves out", async () => {
    server.handler = (_q, res, n) =>
      reply(res, 200, { value: [{ id: `c${n}` }], nextLink: n === 1 ? `/v1/things?$skiptoken=x&top=5` : null });
    const versioned = new ClientCore(
      spec({ clientParams: clientParams([{ option: "version", in: "query", name: "api-version" }]) }),
      {
        baseURL: `${server.url}/v1`,
        version: "2024-01-01",
      },
    );
    const withVersion = list(
      { kind: "next", items: "value", nextUrl: "nextLink" },
      {
        query: { top: "top", apiVersion: "api-version" },
      },
    );
    const got: string[] = [];
    for await (const item of requestPage<Item>(versioned, withVersion, {}, { top: 5 })) got.push(item.id);
    expect(got).toEqual(["c1", "c2"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/things?api-version=2024-01-01&top=5",
      "/v1/things?api-version=2024-01-01&%24skiptoken=x&top=5",
    ]);
  });

  it("sends each link's query alone: a parameter of an earlier link does not linger", async () => {
    const links = [`/v1/things?a=1&b=1`, `/v1/things?b=2`];
    server.handler = (_q, res, n) => reply(res, 200, { value: [{ id: `l${n}` }], nextLink: links[n - 1] ?? null });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), azure, {}, {})) got.push(item.id);
    expect(got).toEqual(["l1", "l2", "l3"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/things", "/v1/things?a=1&b=1", "/v1/things?b=2"]);
  });

  it("resolves a relative URL nested in the body (Twilio's meta.next_page_url) against the base URL", async () => {
    server.handler = (req, res) => {
      const page = Number(req.query.get("Page") ?? 0);
      reply(res, 200, {
        countries: [{ id: `c${page}` }],
        meta: { next_page_url: page < 2 ? `/v1/things?Page=${page + 1}&PageToken=PT${page}` : null },
      });
    };
    const twilio = list({ kind: "next", items: "countries", nextUrl: "meta.next_page_url" });
    const first = await requestPage<Item>(core(), twilio, {}, {});
    const pages: string[][] = [];
    for await (const page of first.iterPages()) pages.push(ids(page.items));
    expect(pages).toEqual([["c0"], ["c1"], ["c2"]]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/things",
      "/v1/things?Page=1&PageToken=PT0",
      "/v1/things?Page=2&PageToken=PT1",
    ]);
  });

  it("reads a top-level field whose name has a dot (Graph's @odata.nextLink)", async () => {
    server.handler = (req, res, n) =>
      reply(res, 200, {
        value: [{ id: `g${n}` }],
        ...(n < 2 ? { "@odata.nextLink": `${server.url}/v1/things?$skip=${n}` } : {}),
      });
    const graph = list({ kind: "next", items: "value", nextUrl: "@odata.nextLink" });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), graph, {}, {})) got.push(item.id);
    expect(got).toEqual(["g1", "g2"]);
    expect(server.requests[1]!.query.get("$skip")).toBe("1");
  });

  it('without nextUrl follows the Link header\'s rel="next", not prev or last', async () => {
    server.handler = (req, res) => {
      const page = Number(req.query.get("page") ?? 1);
      const at = (p: number) => `<${server.url}/v1/things?page=${p}>`;
      const links = [
        page > 1 && `${at(page - 1)}; rel="prev"`,
        page < 3 && `${at(page + 1)}; rel="next"`,
        `${at(3)}; rel="last"`,
      ];
      reply(res, 200, [{ id: `p${page}` }], { link: links.filter(Boolean).join(", ") });
    };
    const github = list({ kind: "next", items: "" });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), github, {}, {})) got.push(item.id);
    expect(got).toEqual(["p1", "p2", "p3"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/things", "/v1/things?page=2", "/v1/things?page=3"]);
  });

  it("follows a link past an empty page, and stops when a page links to itself", async () => {
    server.handler = (req, res, n) =>
      reply(res, 200, {
        value: n === 1 ? [] : [{ id: `e${n}` }],
        // The third page names itself: the walk ends there instead of asking for it forever.
        nextLink: `${server.url}/v1/things?n=${Math.min(n, 2)}`,
      });
    const got: string[] = [];
    for await (const item of requestPage<Item>(core(), azure, {}, {})) got.push(item.id);
    expect(got).toEqual(["e2", "e3"]);
    expect(server.requests).toHaveLength(3);
  });

  it("refuses a next page on another origin or outside the base URL, sending nothing there", async () => {
    for (const nextLink of ["https://elsewhere.test/v1/things?p=2", "/other/things?p=2", "http://[bad"]) {
      server.requests.length = 0;
      server.handler = (_q, res) => reply(res, 200, { value: [{ id: "only" }], nextLink });
      const first = await requestPage<Item>(core({ apiKey: "k" }), azure, {}, {});
      expect(first.hasNextPage()).toBe(true);
      const err = await failure<SDKError>(first.getNextPage());
      expect(err).toBeInstanceOf(SDKError);
      expect(err.message).toBe(
        `testOp: the next page's URL ${JSON.stringify(nextLink)} is not under the client's base URL ${server.url}/v1/; ` +
          "the client sends its requests and credentials there only",
      );
      expect(server.requests).toHaveLength(1);
    }
  });
});
