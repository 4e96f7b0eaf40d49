import { describe, expect, it } from "vitest";
import type { PaginationSpec } from "../../src/runtime/types.js";
import { jsonResponse, modelOf, queryParams, specWith } from "../helpers/model.js";

const list = (fields: string[]) => ({
  type: "object",
  properties: Object.fromEntries(
    fields.map((f) => [
      f,
      f === "data" || f === "items" || f === "results" ? { type: "array", items: {} } : { type: "string" },
    ]),
  ),
});

/** Pagination as recognised from an operation's shape (query parameters and response fields), or set by clientgen.yaml. */
describe("pagination recognition", () => {
  it.each<
    [
      string,
      { method?: string; query: string[]; schema: unknown; config?: PaginationSpec | "none" },
      PaginationSpec | undefined,
    ]
  >([
    [
      "cursor param and next_cursor field (Stainless style)",
      { query: ["cursor"], schema: list(["data", "next_cursor"]) },
      { kind: "cursor", items: "data", cursorParam: "cursor", nextCursor: "next_cursor" },
    ],
    [
      "next_cursor with has_more",
      { query: ["starting_after"], schema: list(["data", "has_more", "nextCursor"]) },
      { kind: "cursor", items: "data", cursorParam: "starting_after", nextCursor: "nextCursor", hasMore: "has_more" },
    ],
    [
      "`after` with has_more: the cursor is the last item's id (OpenAI)",
      { query: ["after", "limit"], schema: list(["data", "has_more"]) },
      { kind: "cursor", items: "data", cursorParam: "after", hasMore: "has_more", cursorItemField: "id" },
    ],
    [
      "has_more with a cursor param other than after: not recognised",
      { query: ["page_token"], schema: list(["items", "has_more"]) },
      undefined,
    ],
    [
      "page_token and nextPageToken over `items`",
      { query: ["page_token"], schema: list(["items", "nextPageToken"]) },
      { kind: "cursor", items: "items", cursorParam: "page_token", nextCursor: "nextPageToken" },
    ],
    [
      "`after` with the next cursor at paging.next.after (HubSpot)",
      {
        query: ["after", "limit"],
        schema: {
          type: "object",
          properties: {
            results: { type: "array", items: {} },
            paging: {
              type: "object",
              properties: { next: { type: "object", properties: { after: { type: "string" }, link: {} } } },
            },
          },
        },
      },
      { kind: "cursor", items: "results", cursorParam: "after", nextCursor: "paging.next.after" },
    ],
    [
      "a nested next_cursor (Slack's response_metadata)",
      {
        query: ["cursor"],
        schema: {
          allOf: [
            { type: "object", properties: { items: { type: "array", items: {} } } },
            { properties: { response_metadata: { properties: { next_cursor: { type: "string" } } } } },
          ],
        },
      },
      { kind: "cursor", items: "items", cursorParam: "cursor", nextCursor: "response_metadata.next_cursor" },
    ],
    [
      "`starting_after` over a bare array of items with ids (rev.ai)",
      {
        query: ["limit", "starting_after"],
        schema: { type: "array", items: { type: "object", properties: { id: { type: "string" }, status: {} } } },
      },
      { kind: "cursor", items: "", cursorParam: "starting_after", cursorItemField: "id" },
    ],
    [
      "`starting_after` over a bare array of items without ids: not recognised",
      { query: ["starting_after"], schema: { type: "array", items: { type: "object", properties: { name: {} } } } },
      undefined,
    ],
    [
      "`cursor` over a bare array: nothing says what the next cursor is",
      { query: ["cursor"], schema: { type: "array", items: { type: "object", properties: { id: {} } } } },
      undefined,
    ],
    ["a cursor param without an items field", { query: ["cursor"], schema: list(["next_cursor"]) }, undefined],
    [
      "`page` over a bare array (GitHub), with per_page",
      { query: ["page", "per_page"], schema: { type: "array", items: {} } },
      { kind: "page", items: "", pageParam: "page", perPageParam: "per_page" },
    ],
    [
      "`page` over a bare array, no page size",
      { query: ["page"], schema: { type: "array", items: {} } },
      { kind: "page", items: "", pageParam: "page" },
    ],
    ["`page` over an object: not a page list", { query: ["page"], schema: list(["data"]) }, undefined],
    [
      "`value` beside `nextLink` (Azure)",
      {
        query: ["api-version"],
        schema: { type: "object", properties: { value: { type: "array", items: {} }, nextLink: { type: "string" } } },
      },
      { kind: "next", items: "value", nextUrl: "nextLink" },
    ],
    [
      "`value` beside `@odata.nextLink` (Microsoft Graph)",
      {
        query: [],
        schema: {
          type: "object",
          properties: {
            "@odata.context": { type: "string" },
            value: { type: "array" },
            "@odata.nextLink": { type: "string" },
          },
        },
      },
      { kind: "next", items: "value", nextUrl: "@odata.nextLink" },
    ],
    [
      "the body's only array beside meta.next_page_url (Twilio)",
      {
        query: ["PageSize", "Page", "PageToken"],
        schema: {
          type: "object",
          properties: {
            countries: { type: "array", items: {} },
            meta: { type: "object", properties: { next_page_url: { type: "string" }, page: { type: "integer" } } },
          },
        },
      },
      { kind: "next", items: "countries", nextUrl: "meta.next_page_url" },
    ],
    [
      "HAL's _links.next.href, and JSON:API's links.next",
      {
        query: [],
        schema: {
          type: "object",
          properties: {
            data: { type: "array" },
            _links: { properties: { next: { properties: { href: { type: "string" } } } } },
          },
        },
      },
      { kind: "next", items: "data", nextUrl: "_links.next.href" },
    ],
    [
      "JSON:API's links.next as a string",
      {
        query: [],
        schema: {
          type: "object",
          properties: { data: { type: "array" }, links: { properties: { self: {}, next: { type: "string" } } } },
        },
      },
      { kind: "next", items: "data", nextUrl: "links.next" },
    ],
    [
      "`next` beside `previous` and `href` (Spotify's paging object)",
      {
        query: ["limit", "offset"],
        schema: list(["href", "items", "limit", "next", "offset", "previous", "total"]),
      },
      { kind: "next", items: "items", nextUrl: "next" },
    ],
    [
      "a bare `next` with nothing that makes it a link: a cursor, not recognised",
      { query: [], schema: list(["items", "next"]) },
      undefined,
    ],
    [
      "a next link beside two arrays, none named like a list: not recognised",
      {
        query: [],
        schema: {
          type: "object",
          properties: { users: { type: "array" }, groups: { type: "array" }, next_url: { type: "string" } },
        },
      },
      undefined,
    ],
    [
      "clientgen.yaml's next kind over the Link header (no nextUrl)",
      { query: ["page"], schema: { type: "array", items: {} }, config: { kind: "next", items: "" } },
      { kind: "next", items: "" },
    ],
    ["a POST is never a list", { method: "post", query: ["cursor"], schema: list(["data", "next_cursor"]) }, undefined],
    [
      "clientgen.yaml `none` turns recognition off",
      { query: ["cursor"], schema: list(["data", "next_cursor"]), config: "none" },
      undefined,
    ],
    [
      "clientgen.yaml's own pagination wins",
      { query: ["offset"], schema: list(["rows"]), config: { kind: "page", items: "rows", pageParam: "offset" } },
      { kind: "page", items: "rows", pageParam: "offset" },
    ],
  ])("%s", (_name, { method = "get", query, schema, config }, expected) => {
    const doc = specWith({
      "/things": {
        [method]: { operationId: "listThings", parameters: queryParams(...query), responses: jsonResponse(schema) },
      },
    });
    const model = modelOf(doc, config ? { operations: { listThings: { pagination: config } } } : {});
    expect(model.operations[0]!.pagination).toEqual(expected);
  });
});

/** A declared `Link` response header (GitHub declares it on its lists) says a next page may come. */
describe("pagination recognised from a declared Link header", () => {
  const withLink = (schema: unknown, query: string[]) => {
    const responses = jsonResponse(schema);
    const ok = responses["200"] as Record<string, unknown>;
    ok.headers = { Link: { schema: { type: "string" } } };
    const doc = specWith({
      "/things": { get: { operationId: "listThings", parameters: queryParams(...query), responses } },
    });
    return modelOf(doc, {}).operations[0]!.pagination;
  };
  const object = (fields: Record<string, unknown>) => ({ type: "object", properties: fields });

  it.each<[string, unknown, string[], PaginationSpec | undefined]>([
    [
      "a bare array (GitHub's /repositories, paged by `since`)",
      { type: "array", items: {} },
      ["since"],
      { kind: "next", items: "" },
    ],
    [
      "an object's only array with per_page (GitHub's { total_count, workflow_runs })",
      object({ total_count: { type: "integer" }, workflow_runs: { type: "array", items: {} } }),
      ["per_page", "page"],
      { kind: "next", items: "workflow_runs" },
    ],
    [
      "a list field named like one, no page size",
      object({ data: { type: "array" } }),
      [],
      { kind: "next", items: "data" },
    ],
    [
      "a single resource with one array and no page size: not a list",
      object({ id: { type: "integer" }, labels: { type: "array" } }),
      [],
      undefined,
    ],
    [
      "a bare array with `page` stays page-numbered (GitHub's usual lists)",
      { type: "array", items: {} },
      ["page", "per_page"],
      { kind: "page", items: "", pageParam: "page", perPageParam: "per_page" },
    ],
  ])("%s", (_name, schema, query, expected) => {
    expect(withLink(schema, query)).toEqual(expected);
  });

  it("without the header, none of these is a list", () => {
    const doc = specWith({
      "/things": {
        get: {
          operationId: "listThings",
          parameters: queryParams("since"),
          responses: jsonResponse({ type: "array", items: {} }),
        },
      },
    });
    expect(modelOf(doc, {}).operations[0]!.pagination).toBeUndefined();
  });
});
