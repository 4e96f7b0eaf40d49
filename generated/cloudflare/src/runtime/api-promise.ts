/**
 * The promise every operation returns. The request is sent eagerly; the body is read inside the same
 * attempt (under its timeout and the caller's signal, retried like any connection failure), in the
 * way the first of `then`, `withResponse` and `asResponse` asks for. Callers ask at once (`await`
 * calls `then` in a microtask, long before any answer), so the choice is made before the body arrives.
 */

/**
 * What `await` gives (`withResponse()`'s data is typed as the result itself, as the builder's
 * `executeRaw()` is, though it carries the id too): a result object (not an array, a page, a stream or a Response) with the
 * request id the runtime puts on it, non-enumerable (core.ts `parse`): from the client's request-id
 * header (`x-request-id` unless clientgen.yaml's `requestIdHeader` says otherwise), null without one.
 */
export type WithRequestID<T> = T extends readonly unknown[] | Response | AsyncIterable<unknown>
  ? T
  : T extends object
    ? T & { readonly _request_id?: string | null }
    : T;

/** Reads a 2xx body into the data; `keep` leaves the Response's own body readable (a clone is read). */
export type Parse<T> = (response: Response, keep: boolean) => Promise<T>;

/**
 * Sends the request with retries, calling `read` on the 2xx Response within the attempt; resolves
 * with the Response and what `read` gave.
 */
export type Send<T> = (read: (response: Response) => Promise<T> | undefined) => Promise<[Response, T | undefined]>;

/**
 * How the body is read, chosen by the first caller: `Data` (`await`: the data only, no clone), `Keep`
 * (`withResponse()`, and the default when nobody has asked yet: the data read from a clone, so the
 * Response stays readable), `Raw` (`asResponse()`: the body is left unread, outside the timeout once
 * handed out). Plain numbers rather than an enum, which not every TypeScript setting allows.
 */
const Data = 0;
const Keep = 1;
const Raw = 2;
type Mode = typeof Data | typeof Keep | typeof Raw;

/** The executor of the underlying Promise, which holds nothing: one function for all, not a closure each. */
const settle = (resolve: (value: any) => void) => resolve(undefined);

export class APIPromise<T> extends Promise<WithRequestID<T>> {
  // `then` on a Promise subclass would otherwise try to build another APIPromise via this constructor.
  static override get [Symbol.species]() {
    return Promise;
  }

  #mode: Mode | undefined;
  #sent: Promise<[Response, T | undefined]>;
  #parse: Parse<T>;
  /** The data of a Response first handed out unread. */
  #late: Promise<T> | undefined;

  constructor(send: Send<T>, parse: Parse<T>) {
    super(settle);
    this.#parse = parse;
    // Nobody asked yet when the body arrives: read a clone, which serves whoever asks later.
    this.#sent = send((r) => ((this.#mode ??= Keep) == Raw ? undefined : parse(r, this.#mode != Data)));
  }

  /** The raw Response of a successful request, body unread unless the data was asked for first. Error statuses still reject. */
  asResponse(): Promise<Response> {
    this.#mode ??= Raw;
    return this.#sent.then(([r]) => r);
  }

  /** The data with the Response, whose body stays readable unless the data was awaited first. */
  withResponse(): Promise<{ data: T; response: Response }> {
    this.#mode ??= Keep;
    return this.#sent.then(async ([response, data]) => ({ data: (await this.#data(response, data)) as T, response }));
  }

  override then<R1 = WithRequestID<T>, R2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#mode ??= Data;
    return this.#sent.then(([r, data]) => this.#data(r, data)).then(onfulfilled, onrejected);
  }

  /** The data read within the attempt, or, after `asResponse()` came first, read now (once). */
  #data(r: Response, data: T | undefined): WithRequestID<T> | Promise<WithRequestID<T>> {
    return (this.#mode == Raw ? (this.#late ??= this.#parse(r, false)) : data) as WithRequestID<T>;
  }
}
