/**
 * ClientCore: turns an OperationSpec plus the caller's arguments into fetch calls, with retries,
 * timeouts, logging and error mapping. What only some APIs or operations need is imported by the
 * generated code and reached through the specs (server variables, auth, client parameters, envelopes,
 * idempotency keys, query/header/cookie parameters, body encoders, query styles, response readers) or
 * is a standalone function (pagination), so a bundle of one operation carries only what it uses. The
 * request-side ones all take the request being built, a RequestDraft.
 */
import { APIPromise } from "./api-promise.js";
import { attempt } from "./attempt.js";
import { APIConnectionError, APIUserAbortError, SDKError, UnexpectedResponseError, makeAPIError } from "./errors.js";
import { createLog, type Log } from "./log.js";
import type { Intercept } from "./middleware.js";
import { retryDelay, shouldRetry } from "./retry.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_REQUEST_ID_HEADER, DEFAULT_TIMEOUT_MS } from "./defaults.js";
import { serialize } from "./serialize.js";
import type {
  ClientAuth,
  ClientOptions,
  ClientSpec,
  OperationSpec,
  Redact,
  RequestDraft,
  RequestOptions,
} from "./types.js";
import { encodePathSegment, isObject, readEnv } from "./util.js";

type Params = Record<string, unknown>;
type Init = Omit<RequestDraft["init"], "headers"> & { headers: Record<string, string> };

/** Headers whose values never reach a log nor, with a client's credentials, another origin; apiKey names are added per client. */
const SECRET_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-auth-key",
  "x-api-key",
  "api-key",
];

export class ClientCore {
  // Declared, then assigned: the same own properties, without a field definition each in every bundle.
  declare readonly spec: ClientSpec;
  declare readonly options: ClientOptions & Params;
  declare readonly baseURL: string;
  /**
   * Runs middleware (middleware.ts): set by the client classes, the builder API classes and
   * `addMiddleware`, so that a one-operation bundle, whose core has none, leaves the code out.
   */
  declare intercept?: Intercept;
  /** Fills client parameters into each request; absent when the client has none. */
  #clientParams: ((draft: RequestDraft) => void) | undefined;
  #auth: ClientAuth | undefined;
  #log: Log;
  #fmt: (headers: Headers | Record<string, string>) => string;

  constructor(spec: ClientSpec, options: ClientOptions & Params) {
    this.spec = spec;
    this.options = options;
    this.baseURL = (
      options.baseURL ??
      readEnv(spec.baseURLEnv) ??
      spec.server?.(options.serverVariables) ??
      spec.baseURL ??
      ""
    ).replace(/\/+$/, "");
    this.#clientParams = spec.clientParams?.(options);
    const hidden = new Set(SECRET_HEADERS);
    this.#auth = spec.auth?.(spec, options, hidden, this.baseURL);
    // Credentials are the only secret values; without auth, only hidden headers need hiding.
    [this.#log, this.#fmt] = createLog(spec, options, hidden, this.#auth?.redact);
  }

  /**
   * `pathArgs` holds the path parameters by wire name, e.g. `{ invite_id: "abc" }`. `params` is any
   * object: generated params types are interfaces, which have no index signature to match `Params`.
   */
  request<T>(op: OperationSpec, pathArgs: Params, params: object | undefined, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(
      (read) => this.send(op, pathArgs, params as Params | undefined, options, read),
      (r, keep) => this.parse(op, r, keep, false, params as Params | undefined, options) as Promise<T>,
    );
  }

  /**
   * Sends with retries. Each attempt (redirects and `read` of the 2xx Response included) runs under
   * one timeout; resolves with the Response and what `read` gave, or rejects with an SDKError.
   */
  async send<T>(
    op: OperationSpec,
    pathArgs: Params,
    params: Params = {},
    o: RequestOptions = {},
    read?: (r: Response) => Promise<T> | undefined,
  ): Promise<[Response, T | undefined]> {
    const { options } = this;
    // `headers` is set by #build, before anything reads it.
    const init = { ...options.fetchOptions, method: op.method.toUpperCase(), body: undefined } as Init;
    const url = this.#build(op, pathArgs, params, o, init);
    const what = `${init.method} ${url}`;
    const fetcher = options.fetch ?? fetch;
    const timeout = o.timeout ?? options.timeout ?? DEFAULT_TIMEOUT_MS;
    // A streamed body is consumed by the first attempt and cannot be replayed.
    const max = init.duplex ? 0 : (o.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES);
    for (let n = 0; ; n++) {
      let res: Response | undefined;
      // Middleware wraps each fetch of the attempt (its redirects followed by hand too).
      const f =
        options.middleware || o.middleware
          ? (this.intercept ?? noMiddleware)(options.middleware, o.middleware, op, n + 1, fetcher)
          : fetcher;
      try {
        const t0 = Date.now();
        this.#log(4, () => `request ${what} ${this.#fmt(init.headers)}`);
        return await attempt(timeout, o.signal, async (signal) => {
          init.signal = signal;
          // Clients with credentials send through auth.ts, which follows redirects by hand (and fetches OAuth2
          // tokens); the others let fetch follow.
          const r = await (this.#auth ? this.#auth.send(f, url, init, op) : f(url, init));
          res = r;
          this.#log(4, () => `response ${r.status} ${what} ${Date.now() - t0}ms ${this.#fmt(r.headers)}`);
          // Reading the error body also frees the connection before a retry.
          if (!r.ok)
            throw makeAPIError(
              r,
              await readBody(r),
              this.spec.envelope?.errors,
              this.#auth?.redact,
              this.spec.requestIdHeader,
            );
          return [r, await read?.(r)];
        });
      } catch (e) {
        const err = e as Error;
        const lost = err instanceof APIConnectionError;
        // No answer, or a body cut short (a connection error), is retried; an HTTP error by its status; a 2xx whose body is wrong never.
        const retry = n < max && (lost || (!!res && !res.ok && shouldRetry(res)));
        const ms = retry ? retryDelay(res?.headers, n) : 0;
        // An answer is something the caller handles (info); no answer at all is worth a warning.
        if (!(err instanceof APIUserAbortError))
          this.#log(
            res && !lost && !retry ? 3 : 2,
            () => `${what} failed: ${err.message}` + (retry ? `, retry ${n + 1}/${max} in ${ms | 0}ms` : ""),
          );
        // A middleware's own error ends the call as it was thrown (middleware.ts).
        if (!retry) throw "thrown" in err ? err.thrown : err;
        // The wait is an attempt that does nothing: its timer ends it, or the caller's abort, which rejects.
        await attempt(ms, o.signal, (s) => new Promise((r) => (s.onabort = r)));
        if (o.signal?.aborted) throw new APIUserAbortError();
      }
    }
  }

  /**
   * Parses a 2xx response: JSON (unwrapped from the client's envelope) unless `op.response` names a
   * reader, which gets the request's params and options too. `keep` leaves the Response readable for
   * the caller (`withResponse`), at the cost of a clone; `whole` keeps the envelope (pages read their
   * fields from the whole body).
   */
  parse(
    op: OperationSpec,
    r: Response,
    keep?: boolean,
    whole?: boolean,
    params?: Params,
    o?: RequestOptions,
  ): Promise<unknown> {
    // Not async: one promise fewer on every request. A throw here still ends up a rejection (callers await it).
    return op.response
      ? op.response.read(r, keep, this, op, params, o)
      : readBody(keep ? r.clone() : r, op, this.#auth?.redact).then((body) => {
          const v = whole ? body : this.unwrap(op, body, r);
          // As openai-node: a result object (not an array, nor the items in it) tells which request
          // gave it, non-enumerable so that JSON.stringify and spreads leave it out.
          return isObject(v)
            ? Object.defineProperty(v, "_request_id", {
                value: r.headers.get(this.spec.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER),
              })
            : v;
        });
  }

  /** The result of a JSON body: unwrapped when the client has an envelope that applies to `op`. */
  unwrap(op: OperationSpec, body: unknown, r: Response): unknown {
    const e = this.spec.envelope;
    return e ? e.unwrap(op, body, r, this.#auth?.redact, this.spec.requestIdHeader) : body;
  }

  /** The URL; fills `init`'s headers, and its body and options when the operation or auth sets them. */
  #build(op: OperationSpec, pathArgs: Params, params: Params, o: RequestOptions, init: Init): string {
    const { options } = this;
    const draft: RequestDraft = {
      op,
      pathArgs,
      params,
      options: o,
      // Operation parameters override the client's defaultQuery. No prototype, so a parameter named `__proto__` is a parameter.
      query: { __proto__: null, ...options.defaultQuery },
      header: { accept: op.accept ?? (op.response ? op.response.accept : "application/json") },
      paramHeader: {},
      init,
    };
    // Client parameters first, as defaults for the caller's path arguments and params.
    this.#clientParams?.(draft);
    // fetch would fail on a relative URL outside a page, and be retried as a connection error: say what to do instead.
    // One short line, inline: every bundle carries it (the README says more).
    const { baseURL, spec } = this;
    if (!/^[a-z][\w+.-]*:/i.test(baseURL) && !(globalThis as { location?: unknown }).location)
      throw new SDKError(
        `${spec.name} needs an absolute base URL${baseURL && `, not \`${baseURL}\``}: pass the \`baseURL\` client option or set ${spec.baseURLEnv}`,
      );
    // A regex costs well under a microsecond more than a hand-written scan, and fewer bytes in every bundle.
    const path = op.path.replace(/\{(.*?)\}/g, (_, name: string) => {
      const v = pathArgs[name];
      if (v == null || v === "") throw new SDKError(`${op.id}: missing required path parameter \`${name}\``);
      return encodePathSegment(v);
    });
    // The features this operation and client have, in this order: credentials win over parameters of the same name.
    op.collect?.(draft);
    op.body?.encode(draft);
    this.spec.idempotency?.(draft);
    this.#auth?.apply(draft);
    // Precedence, lowest first: defaults and auth, client defaultHeaders, operation header params, request options.
    init.headers = mergeHeaders([draft.header, options.defaultHeaders, draft.paramHeader, o.headers]);
    // encodeURIComponent rather than URLSearchParams (`+` for spaces) so redaction recognises query secrets.
    const qs = serialize(Object.assign(draft.query, o.query), "&", encodeURIComponent, op.queryStyle);
    return this.baseURL + path + (qs && "?" + qs);
  }
}

/** A core made for the standalone functions runs middleware once `addMiddleware` enabled it (middleware.ts). */
const noMiddleware = (): never => {
  throw new SDKError("Middleware on a core needs addMiddleware(core, middleware)");
};

/** Lower-cases names, treats `null` as removal, and refuses CR/LF, which would let a value inject headers. */
function mergeHeaders(sources: Array<Params | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const src of sources) {
    for (const k in src) {
      const v = src[k];
      if (v === undefined) continue;
      const name = k.toLowerCase();
      if (/[\r\n]/.test(name + v)) throw new SDKError(`Header \`${name}\` contains CR or LF`);
      if (v === null) delete out[name];
      else out[name] = String(v);
    }
  }
  return out;
}

/**
 * A body, read whole. For a JSON operation's 2xx (`op` given): one that does not parse (a proxy's HTML
 * page, JSON cut short) is an UnexpectedResponseError, and so is an empty one unless the status (204,
 * 205) or the operation (`op.empty`) allows it: then undefined. For an error response (no `op`): JSON
 * when it says so (`application/problem+json` and other `+json` too), else the text (undefined if empty).
 */
async function readBody(r: Response, op?: OperationSpec, redact?: Redact): Promise<unknown> {
  const text = await r.text();
  try {
    if (
      op ? text || !(op.empty || r.status == 204 || r.status == 205) : /json/i.test(r.headers.get("content-type") ?? "")
    )
      return JSON.parse(text);
  } catch {
    if (op) throw new UnexpectedResponseError(op.id, r, text, redact);
  }
  return op ? undefined : text || undefined;
}
