import type { PaginationSpec } from "../runtime/types.js";
import type { OperationModel } from "./api-model.js";

const CURSOR_PARAMS = ["after", "starting_after", "cursor", "page_token", "pageToken", "next_token", "nextToken"];
const NEXT_CURSOR_FIELDS = ["next_cursor", "nextCursor", "next_page_token", "nextPageToken", "next_token", "nextToken"];
const HAS_MORE_FIELDS = ["has_more", "hasMore"];
const ITEM_FIELDS = ["data", "items", "results", "result"];

/**
 * Sets `op.pagination` from clientgen.yaml, or recognises the common shapes: a cursor parameter with a
 * `has_more`/`next_cursor` list envelope (OpenAI, Stripe), or a `page` parameter (GitHub-style arrays).
 */
export function applyPagination(op: OperationModel, configured: PaginationSpec | "none" | undefined): void {
  if (configured === "none") return;
  if (configured) {
    op.pagination = configured;
    return;
  }
  const recognised = recognise(op, op.success?.properties ?? []);
  if (recognised) op.pagination = recognised;
}

function recognise(op: OperationModel, responseFields: string[]): PaginationSpec | undefined {
  if (op.method !== "get" || op.success?.kind !== "json") return undefined;
  const query = new Set(op.params.filter((p) => p.in === "query").map((p) => p.name));
  const fields = new Set(responseFields);
  const items = ITEM_FIELDS.find((f) => fields.has(f));
  const cursorParam = CURSOR_PARAMS.find((p) => query.has(p));
  if (cursorParam && items) {
    const nextCursor = NEXT_CURSOR_FIELDS.find((f) => fields.has(f));
    const hasMore = HAS_MORE_FIELDS.find((f) => fields.has(f));
    if (nextCursor) return { kind: "cursor", items, cursorParam, nextCursor, ...(hasMore ? { hasMore } : {}) };
    if (hasMore && (cursorParam === "after" || cursorParam === "starting_after"))
      return { kind: "cursor", items, cursorParam, hasMore, cursorItemField: "id" };
  }
  if (query.has("page") && op.success.schema.type === "array") {
    const perPage = ["per_page", "perPage", "page_size", "pageSize", "limit"].find((p) => query.has(p));
    return { kind: "page", items: "", pageParam: "page", ...(perPage ? { perPageParam: perPage } : {}) };
  }
  return undefined;
}
