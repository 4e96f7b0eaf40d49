/**
 * The builder calling style: `api.listInvites().limit(20).after("invite-abc").execute()`.
 * One class serves every operation at run time; generated code describes each operation's setters with
 * a `BuilderSetup` and hands over a `send` function that calls the operation's standalone function,
 * so both calling styles share retries, timeouts, errors, envelopes and pagination. At the type level
 * each operation has a plain interface extending `RequestBuilder` (no mapped or conditional types per
 * operation, so type-checking a client with a thousand operations stays cheap).
 */
import type { APIPromise } from "./api-promise.js";
import { SDKError } from "./errors.js";
import type { RequestOptions } from "./types.js";

/** How the setters of one operation fill the params object its standalone function takes. */
export interface BuilderSetup {
  /** The builder method, for messages: `inviteUser`. */
  name: string;
  /** Setter name → key in the params object, e.g. `{ limit: "limit", body: "body" }`. */
  keys?: Record<string, string>;
  /** Setter whose object is spread into the params object: a body sent as fields beside the parameters. */
  fields?: string;
  /** Setters that must be called before `execute()`: required parameters no client option fills, a required body. */
  required?: string[];
}

/**
 * Calls the operation. `params` is assembled by the builder from its setters, so it has the
 * operation's params type by construction; `never` lets generated code annotate it with that type.
 */
export type BuilderSend = (params: never, options: RequestOptions | undefined) => APIPromise<unknown>;

/** Type-level only: the required setters not called yet, and what `execute()` returns. Never present at run time. */
declare const missing: unique symbol;
declare const result: unique symbol;

/**
 * The `this` of `execute()` while required setters are missing. No builder has this type, so such a
 * call does not compile, and the message names them:
 * `The 'this' context of type 'InviteUserBuilder<"inviteRequest">' is not assignable to method's 'this' of type 'MissingRequiredParameters<"inviteRequest">'`.
 */
export interface MissingRequiredParameters<Setters> {
  readonly missingRequiredParameters: Setters;
}

type Ready<Missing> = [Missing] extends [never] ? unknown : MissingRequiredParameters<Missing>;

/**
 * A request being built, as returned by an API class method. Each operation's builder interface
 * extends this with one readonly setter per parameter (a setter of a required parameter returns the
 * builder with that name removed from `Missing`). Immutable: every setter returns a new builder and
 * leaves this one as it was, so a builder can be kept and reused; calling a setter twice keeps the
 * last value, and `undefined` unsets it. `execute()` only type-checks once every required setter
 * (named by `Missing`) has been called.
 */
export interface RequestBuilder<Result extends APIPromise<unknown>, Missing extends string = never> {
  readonly [missing]?: Missing;
  readonly [result]?: Result;
  /**
   * Per-request options: `signal`, `timeout`, `maxRetries`, `headers`, `query`, `idempotencyKey`.
   * Returns a new builder; fields given here replace the same fields given in an earlier call.
   */
  withOptions(options: RequestOptions): this;
  /**
   * Sends the request: the same promise the flat method returns (`await` it for the result; a list
   * operation's can also be walked with `for await`). Throws an SDKError at once, without sending,
   * if a required setter was not called (JavaScript callers; TypeScript rejects such calls).
   */
  execute(this: Ready<Missing>): Result;
  /** Sends the request and resolves to the parsed result together with the raw `Response`. */
  executeRaw(this: Ready<Missing>): Promise<{ data: Awaited<Result>; response: Response }>;
}

/** Every builder at run time: one setter property per `setup` entry, and `execute`, `executeRaw` and `withOptions`. */
class RequestBuilderBase {
  readonly #setup: BuilderSetup;
  readonly #send: BuilderSend;
  /** Values by setter name. */
  readonly #values: Readonly<Record<string, unknown>>;
  readonly #options: RequestOptions | undefined;

  constructor(setup: BuilderSetup, send: BuilderSend, values: Readonly<Record<string, unknown>> = {}, options?: RequestOptions) {
    this.#setup = setup;
    this.#send = send;
    this.#values = values;
    this.#options = options;
    const setters = [...Object.keys(setup.keys ?? {}), ...(setup.fields ? [setup.fields] : [])];
    for (const setter of setters) {
      const set = (value: unknown) => new RequestBuilderBase(setup, send, { ...values, [setter]: value }, options);
      Object.defineProperty(this, setter, { value: set, enumerable: false });
    }
  }

  withOptions(options: RequestOptions): RequestBuilderBase {
    return new RequestBuilderBase(this.#setup, this.#send, this.#values, { ...this.#options, ...options });
  }

  execute(): APIPromise<unknown> {
    return this.#execute();
  }

  executeRaw(): Promise<{ data: unknown; response: Response }> {
    return this.#execute().withResponse();
  }

  #execute(): APIPromise<unknown> {
    const { name, keys = {}, fields, required = [] } = this.#setup;
    const values = this.#values;
    for (const setter of required) {
      if (values[setter] === undefined) throw new SDKError(`${name}: missing required parameter '${setter}' (set it with .${setter}(...))`);
    }
    const body = fields && values[fields] !== undefined ? (values[fields] as object) : {};
    // fromEntries and spread define own properties, so no key (not even `__proto__`) reaches a prototype.
    const set = Object.entries(keys).flatMap(([setter, key]) => (values[setter] === undefined ? [] : [[key, values[setter]] as const]));
    return this.#send({ ...body, ...Object.fromEntries(set) } as never, this.#options);
  }
}

/**
 * The builder of one operation; `B` is its generated builder type, e.g. `requestBuilder<ListInvitesBuilder>(setup, send)`.
 * `send` must return what `B`'s `execute()` does (a plain indexed access, cheap to check for a thousand operations).
 */
export function requestBuilder<B extends { readonly [result]?: APIPromise<unknown> }>(setup: BuilderSetup, send: (params: never, options: RequestOptions | undefined) => B[typeof result]): B {
  return new RequestBuilderBase(setup, send as BuilderSend) as unknown as B;
}
