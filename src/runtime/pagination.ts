/**
 * Pages of list operations. Kept apart from core.ts so operations that never paginate don't bundle it.
 * Generated list methods call `requestPage(client, op, pathArgs, params, options)`.
 */
import { APIPromise } from "./api-promise.js";
import type { ClientCore } from "./core.js";
import { SDKError } from "./errors.js";
import type { OperationSpec, PaginationSpec, RequestOptions } from "./types.js";
import { getPath } from "./util.js";

type Params = Record<string, unknown>;
type Lookup = (path: string | undefined) => unknown;

/**
 * `Body` is the type of the whole response body a page keeps in `body` (the generated code gives the
 * response schema's type); the runtime never looks at it, so it only types what callers read.
 */
export function requestPage<Item, Body = unknown>(
  core: ClientCore,
  op: OperationSpec,
  pathArgs: Params,
  params: object | undefined,
  options?: RequestOptions,
): PagePromise<Item, Body> {
  // Any object, as for ClientCore.request: generated params types are interfaces.
  const given = params as Params | undefined;
  return new PagePromise<Item, Body>(
    (read) => core.send(op, pathArgs, given, options, read),
    async (r, keep) =>
      new Page<Item, Body>(core, op, pathArgs, given ?? {}, options, (await core.parse(op, r, keep, true)) as Body, r),
  );
}

export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  readonly items: Item[];
  /** The whole response JSON, envelope included, typed as the response schema: `page.body.has_more`. */
  readonly body: Body;
  /** Status and headers of the page's response; its body has been read into `body`. */
  readonly response: Response;
  /** The next request's params, and for a `next` pagination the URL it goes to. */
  #next: [Params, string?] | undefined;
  #again: (params: Params, url?: string) => PagePromise<Item, Body>;

  constructor(
    core: ClientCore,
    op: OperationSpec,
    pathArgs: Params,
    params: Params,
    options: RequestOptions | undefined,
    body: Body,
    response: Response,
  ) {
    this.body = body;
    this.response = response;
    // Throws for an envelope with success: false, before anything is read from it.
    const result = core.unwrap(op, body, response);
    // Fields are looked up in the raw body first (Cloudflare: `result`, `result_info`), then in the unwrapped result.
    const get: Lookup = (path) => (path ? (getPath(body, path) ?? getPath(result, path)) : undefined);
    const spec = op.pagination ?? { kind: "single", items: "" };
    const items = get(spec.items);
    this.items = (Array.isArray(items) ? items : Array.isArray(result) ? result : []) as Item[];
    if (spec.kind === "next") {
      // A field named with a dot of its own (`@odata.nextLink`) is a field before it is a path.
      const url = spec.nextUrl ? ((body as Params | null)?.[spec.nextUrl] ?? get(spec.nextUrl)) : linkNext(response);
      // Followed past an empty page too (the server says there is more), but not to the page just read.
      this.#next = typeof url == "string" && url && !sameUrl(url, response.url) ? [params, url] : undefined;
    } else {
      const next = nextParams(spec, get, this.items, params);
      this.#next = next && [next];
    }
    this.#again = (p, url) => requestPage<Item, Body>(core, url ? atUrl(core, op, url) : op, pathArgs, p, options);
  }

  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  async getNextPage(): Promise<Page<Item, Body>> {
    if (!this.#next) throw new SDKError("No next page; check hasNextPage() first.");
    return this.#again(...this.#next);
  }

  async *iterPages(): AsyncGenerator<Page<Item, Body>> {
    let page: Page<Item, Body> = this;
    yield page;
    while (page.hasNextPage()) yield (page = await page.getNextPage());
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/** `await client.list()` gives the first page; `for await (const item of client.list())` walks every item. */
export class PagePromise<Item, Body = unknown> extends APIPromise<Page<Item, Body>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    yield* await this;
  }
}

/** The params of the next request, or undefined on the last page. */
function nextParams(
  p: Exclude<PaginationSpec, { kind: "next" }>,
  get: Lookup,
  items: unknown[],
  params: Params,
): Params | undefined {
  if (p.kind === "single" || !items.length) return undefined;
  let key: string;
  let value: unknown;
  if (p.kind === "cursor") {
    if (p.hasMore && get(p.hasMore) === false) return undefined;
    key = p.cursorParam;
    value = p.nextCursor ? get(p.nextCursor) : getPath(items[items.length - 1], p.cursorItemField ?? "id");
  } else if (p.kind === "page") {
    const info = (f?: string) => num(f && get(p.info ? `${p.info}.${f}` : f));
    const page = info(p.page) || Number(params[p.pageParam]) || 1;
    const per = info(p.perPage) || Number(p.perPageParam && params[p.perPageParam]) || items.length;
    // Comparisons with NaN (field absent) are false, so a missing total never stops paging.
    if (page >= info(p.totalPages) || page * per >= info(p.totalCount)) return undefined;
    key = p.pageParam;
    value = page + 1;
  } else {
    const next = (Number(params[p.offsetParam]) || 0) + items.length;
    const limit = Number(p.limitParam && params[p.limitParam]);
    if (next >= num(p.totalCount && get(p.totalCount)) || items.length < limit) return undefined;
    key = p.offsetParam;
    value = next;
  }
  // An unchanged value means the server ignored it: stop rather than fetch the same page forever.
  return value == null || value === "" || value === params[key] ? undefined : { ...params, [key]: value };
}

/** NaN for absent values (null included), so comparisons against them are false. */
const num = (v: unknown): number => (v == null || v === "" ? NaN : Number(v));

/** Whether `href` names `current` (a Response's `url`: empty from a fetch that does not set it). */
function sameUrl(href: string, current: string): boolean {
  try {
    return !!current && new URL(href, current).href == current;
  } catch {
    return false;
  }
}

/** The URL of a `Link` header's `rel="next"` (RFC 8288; `rel` may list several relations), if any. */
function linkNext(r: Response): string | undefined {
  for (const [, url, params] of (r.headers.get("link") ?? "").matchAll(/<([^>]*)>([^,]*)/g))
    if (/;\s*rel\s*=\s*"?[^";]*\bnext\b/i.test(params!)) return url;
  return undefined;
}

/**
 * `op` sent to the next page's URL instead of its own path and query: the path below the client's base
 * URL, and the URL's query in place of the query parameters the caller gave (its header parameters,
 * client parameters, the client's `defaultQuery` and credentials still apply), as a GET. A URL elsewhere is refused: the
 * client's credentials go to its own server only, and the request could not reach it through the base URL.
 */
function atUrl(core: ClientCore, from: OperationSpec, href: string): OperationSpec {
  // Each page's request is made from the operation itself, so no query of an earlier link lingers.
  const op = operationOf.get(from) ?? from;
  const base = new URL(core.baseURL + "/", (globalThis as { location?: { href: string } }).location?.href);
  let url: URL | undefined;
  try {
    url = new URL(href, base);
  } catch {}
  if (!url || url.origin != base.origin || !url.pathname.startsWith(base.pathname))
    throw new SDKError(
      `${op.id}: the next page's URL ${JSON.stringify(href)} is not under the client's base URL ${base.href}; ` +
        "the client sends its requests and credentials there only",
    );
  // Read as servers read a query (`+` is a space), then sent encoded as every query is.
  const query: Record<string, string[]> = Object.create(null);
  url.searchParams.forEach((v, k) => (query[k] ??= []).push(v));
  const next: OperationSpec = {
    ...op,
    method: "get",
    path: url.pathname.slice(base.pathname.length - 1),
    pathTemplate: op.path,
    body: undefined,
    queryStyle: undefined,
    collect: (draft) => {
      op.collect?.(draft);
      // The caller's query parameters are the link's now; a client parameter's value (Azure's
      // api-version) stays unless the link gives its own.
      for (const key in op.query) if (draft.params[key] != null) delete draft.query[op.query[key]!];
      Object.assign(draft.query, query);
    },
  };
  operationOf.set(next, op);
  return next;
}

/** The operation a next page's request was made from. */
const operationOf = new WeakMap<OperationSpec, OperationSpec>();
