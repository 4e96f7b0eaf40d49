import type { PaginationSpec } from "../runtime/types.js";
import type { OperationModel } from "./api-model.js";

const CURSOR_PARAMS = ["after", "starting_after", "cursor", "page_token", "pageToken", "next_token", "nextToken"];
const NEXT_CURSOR_FIELDS = ["next_cursor", "nextCursor", "next_page_token", "nextPageToken", "next_token", "nextToken"];
const HAS_MORE_FIELDS = ["has_more", "hasMore"];
const ITEM_FIELDS = ["data", "items", "results", "result"];
/** List fields beside a next page's URL: Azure's and Graph's `value` too. */
const LINKED_LIST_FIELDS = [...ITEM_FIELDS, "value"];

/** Fields holding the next page's URL: Azure's and Graph's OData links, Twilio's, and the common spellings. */
const NEXT_URL_FIELDS = [
  "nextLink",
  "@odata.nextLink",
  "odata.nextLink",
  "nextPageLink",
  "next_link",
  "next_page_url",
  "nextPageUrl",
  "next_url",
  "nextUrl",
];
/** Nested next links that name no URL in their last segment: HAL's and JSON:API's. */
const NEXT_LINK_PATHS = ["_links.next.href", "links.next.href", "links.next"];

/** Query parameters of a page's size. */
const PAGE_SIZE_PARAMS = ["per_page", "perPage", "page_size", "pageSize", "limit"];

/** Cursor parameters whose value is the id of the last item seen (Stripe, OpenAI, rev.ai). */
const ITEM_CURSOR_PARAMS: ReadonlySet<string> = new Set(["after", "starting_after"]);

/**
 * Sets `op.pagination` from clientgen.yaml, or recognises the common shapes: a cursor parameter with a
 * `has_more`/`next_cursor` list envelope (OpenAI, Stripe), a next cursor nested in the envelope
 * (HubSpot's `paging.next.after`, Slack's `response_metadata.next_cursor`), `starting_after` over a
 * bare array of items with ids (rev.ai), a `page` parameter (GitHub-style arrays), or a list beside
 * the next page's URL (Azure's and Graph's `nextLink`, Twilio's `meta.next_page_url`, HAL, JSON:API).
 */
export function applyPagination(op: OperationModel, configured: PaginationSpec | "none" | undefined): void {
  if (configured === "none") return;
  if (configured) {
    // clientgen.yaml leaves `items` out when the body itself is the list; the runtime reads "" as that.
    op.pagination = { ...configured, items: configured.items ?? "" };
    return;
  }
  const recognised = recognise(op);
  if (recognised) op.pagination = recognised;
}

function recognise(op: OperationModel): PaginationSpec | undefined {
  const success = op.success;
  if (op.method !== "get" || success?.kind !== "json") return undefined;
  const query = new Set(op.params.filter((p) => p.in === "query").map((p) => p.name));
  const fields = new Set(success.properties ?? []);
  const items = ITEM_FIELDS.find((f) => fields.has(f));
  const cursorParam = CURSOR_PARAMS.find((p) => query.has(p));
  if (cursorParam && items) {
    const nextCursor =
      NEXT_CURSOR_FIELDS.find((f) => fields.has(f)) ?? nestedCursor(success.nestedFields ?? [], cursorParam);
    const hasMore = HAS_MORE_FIELDS.find((f) => fields.has(f));
    if (nextCursor) return { kind: "cursor", items, cursorParam, nextCursor, ...(hasMore ? { hasMore } : {}) };
    if (hasMore && ITEM_CURSOR_PARAMS.has(cursorParam))
      return { kind: "cursor", items, cursorParam, hasMore, cursorItemField: "id" };
  }
  if (cursorParam && ITEM_CURSOR_PARAMS.has(cursorParam) && success.itemProperties?.includes("id"))
    return { kind: "cursor", items: "", cursorParam, cursorItemField: "id" };
  if (query.has("page") && success.schema.type === "array") {
    const perPage = PAGE_SIZE_PARAMS.find((p) => query.has(p));
    return { kind: "page", items: "", pageParam: "page", ...(perPage ? { perPageParam: perPage } : {}) };
  }
  return (
    nextLink(success.properties ?? [], success.arrayProperties ?? [], success.nestedFields ?? []) ??
    linkHeader(success.headers ?? [], success.schema.type === "array", success.arrayProperties ?? [], query)
  );
}

/**
 * A list whose response declares a `Link` header: a bare array, or an object whose list is named like
 * one or comes with a page-size parameter (GitHub's `{ total_count, workflow_runs }` with `per_page`).
 * An object with one array and no such parameter is a single resource that merely declares the header.
 */
function linkHeader(
  headers: string[],
  bare: boolean,
  arrays: string[],
  query: Set<string>,
): PaginationSpec | undefined {
  if (!headers.includes("link")) return undefined;
  if (bare) return { kind: "next", items: "" };
  const named = LINKED_LIST_FIELDS.find((f) => arrays.includes(f));
  const paged = PAGE_SIZE_PARAMS.some((p) => query.has(p)) || query.has("page");
  const items = named ?? (paged && arrays.length === 1 ? arrays[0] : undefined);
  return items === undefined ? undefined : { kind: "next", items };
}

/** The list of an object body: a field named like one (Azure's `value` too), or its only array. */
function listField(arrays: string[]): string | undefined {
  return LINKED_LIST_FIELDS.find((f) => arrays.includes(f)) ?? (arrays.length === 1 ? arrays[0] : undefined);
}

/**
 * A list beside the URL of the next page. The list is a field named like one (Azure's `value` too)
 * or the body's only array; the URL a field named like one, top-level or nested (`meta.next_page_url`),
 * a `next` beside `previous` or `href`, or HAL's and JSON:API's next link (`links.next` only when it
 * has no `href` inside).
 */
function nextLink(properties: string[], arrays: string[], nested: string[]): PaginationSpec | undefined {
  const items = listField(arrays);
  const last = (p: string) => p.slice(p.lastIndexOf(".") + 1);
  // A bare `next` may be a cursor; beside `previous` or its own `href` it is a link (Spotify's paging objects).
  const linked = ["previous", "prev", "href"].some((f) => properties.includes(f));
  const nextUrl =
    NEXT_URL_FIELDS.find((f) => properties.includes(f)) ??
    (linked && properties.includes("next") ? "next" : undefined) ??
    nested.find((p) => NEXT_URL_FIELDS.includes(last(p))) ??
    NEXT_LINK_PATHS.find((p) => nested.includes(p));
  return items && nextUrl ? { kind: "next", items, nextUrl } : undefined;
}

/**
 * A next cursor inside the envelope: a nested field named like one (`response_metadata.next_cursor`), or
 * one named for the cursor parameter under a `next` object (`paging.next.after`).
 */
function nestedCursor(paths: string[], cursorParam: string): string | undefined {
  const last = (p: string) => p.slice(p.lastIndexOf(".") + 1);
  return (
    paths.find((p) => NEXT_CURSOR_FIELDS.includes(last(p))) ??
    paths.find((p) => last(p) === cursorParam && p.split(".").at(-2) === "next")
  );
}
