/**
 * ClientCore: turns an OperationSpec plus the caller's arguments into fetch calls, with auth,
 * retries, timeouts, logging and error mapping. Pagination lives in pagination.ts so operations
 * that never paginate don't bundle it. Written for a small minified size: internals are `#private`
 * (minifiers shorten those, never public names) and strings are few.
 */
import { APIPromise } from "./api-promise.js";
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, SDKError, makeAPIError } from "./errors.js";
import { retryDelay, shouldRetry, sleep } from "./retry.js";
import { addParam, encodeBody, type Pairs, type QueryStyle } from "./serialize.js";
import type { ClientOptions, ClientSpec, Logger, OperationSpec, RequestOptions, SecurityRequirement, SecuritySchemeSpec } from "./types.js";
import { encodePathSegment, isObject, readEnv } from "./util.js";

type Params = Record<string, unknown>;

const LEVELS = ["off", "error", "warn", "info", "debug"];
/** Headers whose values never reach a log; apiKey header names are added per client. */
const SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-auth-key", "x-api-key", "api-key"];

const needs = (s: SecuritySchemeSpec): string[] => (s.type === "basic" ? [s.username, s.password] : [s.credential]);

export class ClientCore {
  readonly spec: ClientSpec;
  readonly options: ClientOptions & Params;
  readonly baseURL: string;
  #creds: Record<string, string | undefined> = {};
  /** Client-level parameter values keyed by `in` + wire name, e.g. `headerTR-Organization`. */
  #params: Record<string, string | undefined> = {};
  #secrets: string[] = [];
  #hidden = new Set(SECRET_HEADERS);
  #level: number;
  #logger: Logger;

  constructor(spec: ClientSpec, options: ClientOptions & Params) {
    this.spec = spec;
    this.options = options;
    const server = spec.servers[0];
    this.baseURL = (
      options.baseURL ??
      server?.url.replace(/\{([^}]+)\}/g, (_, k: string) => options.serverVariables?.[k] ?? server.variables?.[k]?.default ?? "") ??
      ""
    ).replace(/\/+$/, "");
    const value = (option: string, env?: string) => {
      const v = options[option] ?? (env && readEnv(env));
      return v == null || v === "" ? undefined : String(v);
    };
    for (const c of spec.credentials) {
      const v = (this.#creds[c.option] = value(c.option, c.env));
      // URLs carry the value percent-encoded, so redact that spelling too.
      if (v) this.#secrets.push(v, encodeURIComponent(v));
    }
    // Longest first, so a secret containing another is not left half-redacted.
    this.#secrets.sort((a, b) => b.length - a.length);
    for (const p of spec.clientParams) this.#params[p.in + p.name] = value(p.option, p.env);
    for (const s of Object.values(spec.schemes)) if (s.type === "apiKey") this.#hidden.add(s.name.toLowerCase());
    const level = LEVELS.indexOf(options.logLevel ?? readEnv(`${spec.name.toUpperCase().replace(/\W/g, "_")}_LOG`) ?? "warn");
    this.#level = level < 0 ? 2 : level;
    this.#logger = options.logger ?? console;
    this.#auth(spec.security);
  }

  request<T>(op: OperationSpec, pathArgs: readonly unknown[], params: Params | undefined, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.send(op, pathArgs, params, options), (r) => this.parse(op, r) as Promise<T>);
  }

  /** Sends with retries; resolves with a 2xx Response (body unread) or rejects with an SDKError. */
  async send(op: OperationSpec, pathArgs: readonly unknown[], params: Params | undefined, o: RequestOptions = {}): Promise<Response> {
    const [url, init] = this.#build(op, pathArgs, params ?? {}, o);
    const what = `${init.method} ${url}`;
    // A stream body is consumed by the first attempt and cannot be replayed.
    const max = init.body instanceof ReadableStream ? 0 : (o.maxRetries ?? this.options.maxRetries ?? 2);
    for (let n = 0; ; n++) {
      const t0 = Date.now();
      this.#log(4, `request ${what} ${this.#fmt(Object.entries(init.headers as Params))}`);
      let res: Response | undefined;
      let err: unknown;
      try {
        res = await this.#attempt(url, init, o);
        this.#log(4, `response ${res.status} ${what} ${Date.now() - t0}ms ${this.#fmt(res.headers)}`);
      } catch (e) {
        err = e;
      }
      if (n < max && (res ? shouldRetry(res) : !(err instanceof APIUserAbortError))) {
        const ms = retryDelay(res?.headers, n);
        this.#log(2, `${what} failed (${res?.status ?? (err as Error).message}), retry ${n + 1}/${max} in ${ms | 0}ms`);
        res?.body?.cancel().catch(() => {});
        await sleep(ms, o.signal);
      } else if (res?.ok) return res;
      else {
        if (res) err = makeAPIError(res, await readBody(res), this.spec.envelope?.errors, this.#redact);
        // An HTTP error is an answer the caller handles (info); no answer at all is worth a warning.
        if (!(err instanceof APIUserAbortError)) this.#log(res ? 3 : 2, `${what} failed: ${(err as Error).message}`);
        throw err;
      }
    }
  }

  /** Parses a 2xx response by `op.response`. `raw` keeps the envelope (pages read fields beside the result). */
  async parse(op: OperationSpec, r: Response, raw?: boolean): Promise<unknown> {
    const kind = op.response ?? "json";
    if (kind === "binary") return r.blob();
    // With an envelope, read a clone so `withResponse().response` still holds the readable envelope.
    const text = kind === "void" || r.status === 204 || r.status === 205 ? "" : await (this.#enveloped(op) ? r.clone() : r).text();
    if (!text) return r.body?.cancel().catch(() => {}), undefined;
    if (kind !== "json") return text;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return text;
    }
    return raw ? body : this.unwrap(op, body, r);
  }

  /** The envelope's result field, or an APIError when its success field is false; other bodies pass through. */
  unwrap(op: OperationSpec, body: unknown, r: Response): unknown {
    const e = this.spec.envelope;
    if (!e || !this.#enveloped(op) || !isObject(body) || !(e.result in body || (e.success && e.success in body))) return body;
    if (e.success && body[e.success] === false) throw makeAPIError(r, body, e.errors, this.#redact);
    return body[e.result];
  }

  #enveloped = (op: OperationSpec) => !!this.spec.envelope && op.envelope !== false && (op.response ?? "json") === "json";

  #build(op: OperationSpec, pathArgs: readonly unknown[], params: Params, o: RequestOptions): [string, RequestInit] {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const i = op.pathParams?.indexOf(name) ?? -1;
      const v = (i < 0 ? undefined : pathArgs[i]) ?? this.#params["path" + name];
      if (v == null || v === "") throw new SDKError(`${op.id}: missing required path parameter \`${name}\``);
      return encodePathSegment(v);
    });
    const [auth, authQuery, authCookies] = this.#credentials(op);
    const qs = this.#query(op, params, { ...authQuery, ...o.query });
    const cookies: Params = {};
    const opHeaders: Params = {};
    for (const [key, wire] of Object.entries(op.cookies ?? {})) cookies[wire] = params[key];
    for (const [key, wire] of Object.entries(op.headers ?? {})) opHeaders[wire] = params[key] ?? this.#params["header" + wire];
    const cookie = Object.entries({ ...cookies, ...authCookies }).flatMap(([k, v]) => (v == null ? [] : `${k}=${v}`));
    const [body, type] = this.#body(op, params);
    const idem = this.spec.idempotencyHeader;
    const init: RequestInit & { duplex?: string } = {
      ...this.options.fetchOptions,
      method: op.method.toUpperCase(),
      // Precedence, lowest first: defaults and auth, client defaultHeaders, operation header params, request options.
      headers: mergeHeaders(
        {
          accept: /json|void/.test(op.response ?? "json") ? "application/json" : undefined,
          "content-type": type,
          cookie: cookie.join("; ") || undefined,
          ...(idem && !/^(get|head|options)$/.test(op.method) && { [idem]: o.idempotencyKey ?? newKey() }),
          ...auth,
        },
        this.options.defaultHeaders,
        opHeaders,
        o.headers,
      ),
    };
    if (body !== undefined) init.body = body;
    if (body instanceof ReadableStream) init.duplex = "half";
    return [`${this.baseURL}${path}${qs ? "?" + qs : ""}`, init];
  }

  /** Header, query and cookie values for the operation's security. */
  #credentials(op: OperationSpec): [Params, Params, Params] {
    const out: [Params, Params, Params] = [{}, {}, {}];
    for (const s of this.#auth(op.security ?? this.spec.security)) {
      const v = this.#creds[needs(s)[0]!];
      if (s.type === "apiKey") out[["header", "query", "cookie"].indexOf(s.in)]![s.name] = v;
      else out[0].authorization = s.type === "bearer" ? `Bearer ${v}` : `Basic ${base64(`${v}:${this.#creds[s.password]}`)}`;
    }
    return out;
  }

  /** Later sources win for the same name: client defaultQuery < operation params < `extra` (auth, request options). */
  #query(op: OperationSpec, params: Params, extra: Params): string {
    const query: Params = { ...this.options.defaultQuery };
    const styles: Record<string, QueryStyle | undefined> = {};
    for (const [key, wire] of Object.entries(op.query ?? {})) {
      query[wire] = params[key] ?? this.#params["query" + wire] ?? query[wire];
      styles[wire] = op.queryStyle?.[key];
    }
    const pairs: Pairs = [];
    for (const [k, v] of Object.entries(Object.assign(query, extra))) addParam(pairs, k, v, styles[k]);
    // encodeURIComponent rather than URLSearchParams (`+` for spaces) so redaction recognises query secrets.
    return pairs.map((p) => p.map(encodeURIComponent).join("=")).join("&");
  }

  #body(op: OperationSpec, params: Params): [BodyInit?, string?] {
    const b = op.body;
    if (!b) return [];
    let value = params.body;
    if (b.mode === "fields") {
      const taken = [op.query, op.headers, op.cookies].flatMap((m) => Object.keys(m ?? {})).concat(op.pathParams ?? []);
      const fields = Object.entries(params).filter(([k, v]) => v !== undefined && !taken.includes(k));
      value = fields.length ? Object.fromEntries(fields) : b.required && b.encoding === "json" ? {} : undefined;
    }
    return value === undefined ? [] : encodeBody(value, b.encoding, b.contentType);
  }

  /** One fetch under its own timeout. The caller's signal is linked by hand: AbortSignal.any is not everywhere. */
  async #attempt(url: string, init: RequestInit, o: RequestOptions): Promise<Response> {
    const signal = o.signal;
    if (signal?.aborted) throw new APIUserAbortError();
    const ctl = new AbortController();
    const abort = () => ctl.abort();
    const ms = o.timeout ?? this.options.timeout ?? 60_000;
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), abort()), ms);
    signal?.addEventListener("abort", abort);
    try {
      return await (this.options.fetch ?? fetch)(url, { ...init, signal: ctl.signal });
    } catch (e) {
      throw signal?.aborted
        ? new APIUserAbortError()
        : timedOut
          ? new APIConnectionTimeoutError(`Request timed out after ${ms}ms.`)
          : new APIConnectionError(undefined, e);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
  }

  /** The schemes to apply: the first alternative whose credentials are all set; none when auth is absent or optional. */
  #auth(security: SecurityRequirement): SecuritySchemeSpec[] {
    // Alternatives naming a scheme the runtime does not know (none was generated for it) cannot be met; skip them.
    const alts = security.map((alt) => alt.map((n) => this.spec.schemes[n]!)).filter((alt) => alt.every(Boolean));
    const found = alts.find((alt) => alt.length && alt.every((s) => needs(s).every((c) => this.#creds[c])));
    if (found || !alts.length || alts.some((alt) => !alt.length)) return found ?? [];
    const envOf = (o: string) => this.spec.credentials.find((c) => c.option === o)?.env;
    const say = alts.map((alt) => {
      const opts = [...new Set(alt.flatMap(needs))];
      const envs = opts.map(envOf).filter(Boolean).join(" and ");
      return [opts.map((o) => `\`${o}\``).join(" and "), envs];
    });
    // One alternative: "Pass `a` to the client or set A." Several: "Pass `a` (or set A), or `b` and `c` (or set B and C)."
    const text =
      say.length === 1
        ? `${say[0]![0]} to the client${say[0]![1] ? ` or set ${say[0]![1]}` : ""}`
        : say.map(([o, e]) => `${o}${e ? ` (or set ${e})` : ""}`).join(", or ");
    throw new SDKError(`${this.spec.name}: missing credentials. Pass ${text}.`);
  }

  #log(level: number, message: string): void {
    if (level <= this.#level) this.#logger[LEVELS[level] as "error"](this.#redact(`[${this.spec.name}] ${message}`));
  }

  #fmt(headers: Iterable<[string, unknown]>): string {
    return JSON.stringify(Object.fromEntries(Array.from(headers, ([k, v]) => [k, this.#hidden.has(k) ? "***" : v])));
  }

  #redact = (text: string): string => this.#secrets.reduce((t, s) => t.split(s).join("***"), text);
}

/** Lower-cases names, treats `null` as removal, and refuses CR/LF, which would let a value inject headers. */
function mergeHeaders(...sources: Array<Params | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const src of sources) {
    for (const [k, v] of Object.entries(src ?? {})) {
      const name = k.toLowerCase();
      if (/[\r\n]/.test(name + v)) throw new SDKError(`Header \`${name}\` contains CR or LF`);
      if (v === null) delete out[name];
      else if (v !== undefined) out[name] = String(v);
    }
  }
  return out;
}

async function readBody(r: Response): Promise<unknown> {
  const text = await r.text().catch(() => "");
  try {
    // Covers application/json, application/problem+json and any other +json type.
    if (/json/i.test(r.headers.get("content-type") ?? "")) return JSON.parse(text);
  } catch {}
  return text || undefined;
}

/** btoa only takes Latin-1, so encode UTF-8 bytes first. */
const base64 = (s: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

const newKey = (): string => `clientgen-retry-${globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2)}`;
