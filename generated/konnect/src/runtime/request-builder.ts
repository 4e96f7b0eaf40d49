/**
 * The builder calling style: `api.listInvites().limit(20).after("invite-abc").execute()`.
 * One class serves every operation at run time; generated code describes each operation's setters with
 * a `BuilderSetup` and hands over the operation's standalone function, so both calling styles share
 * retries, timeouts, errors, envelopes and pagination. At the type level each operation has a plain
 * interface extending `RequestBuilder` (no mapped or conditional types per operation), and the call
 * that creates a builder compares no types beyond its arguments', so type-checking a client with a
 * thousand operations stays cheap.
 */
import type { APIPromise } from "./api-promise.js";
import type { ClientCore } from "./core.js";
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
  /** The operation function takes a params object after its path arguments. */
  params?: boolean;
}

/**
 * A standalone operation function, `(client, ...pathArgs, params?, options?)`, as exported by `./operations`.
 * Its result is typed `unknown` here on purpose: relating each list operation's `PagePromise<Item>` to
 * `APIPromise<unknown>` is a structural comparison per operation, which a thousand operations pay for
 * in type-checking time. What `execute()` returns is typed by the builder interface instead.
 */
export type OperationFunction = (client: ClientCore, ...args: never[]) => unknown;

/** Calls the operation with the params object the builder assembled from its setters. */
type BuilderSend = (params: Record<string, unknown>, options: RequestOptions | undefined) => APIPromise<unknown>;

/** Type-level only: the required setters not called yet. Never present at run time. */
declare const missing: unique symbol;

/**
 * The `this` of `execute()` while required setters are missing. No builder has this type, so such a
 * call does not compile, and the message names them:
 * `The 'this' context of type 'InviteUserBuilder<"inviteRequest">' is not assignable to method's 'this' of type 'MissingRequiredParameters<"inviteRequest">'`.
 */
export interface MissingRequiredParameters<Setters> {
  readonly missingRequiredParameters: Setters;
}

/**
 * The data `executeRaw()` gives, as the flat method's `withResponse()` types it: the operation's result
 * type itself (`Invite`, `Page<Item>`), which carries `_request_id` at run time. Not `Awaited<Result>`,
 * `await`'s type with `_request_id` added: an unnamed type, where `clientgen diff` finds results by name.
 */
type RawData<Result> = Result extends APIPromise<infer T> ? T : Awaited<Result>;

type Ready<Missing> = [Missing] extends [never] ? unknown : MissingRequiredParameters<Missing>;

/**
 * A request being built, as returned by an API class method. Each operation's builder interface
 * extends this with one readonly setter per parameter (a setter of a required parameter returns the
 * builder with that name removed from `Missing`). Immutable: every setter returns a new builder and
 * leaves this one as it was, so a builder can be kept and reused; calling a setter twice keeps the
 * last value, and `undefined` unsets it. `execute()` only type-checks once every required setter
 * (named by `Missing`) has been called.
 *
 * `Result` (what `execute()` returns: an `APIPromise` or `PagePromise`) is left unconstrained:
 * checking each list operation's `PagePromise<Item>` against an `APIPromise<unknown>` bound is a
 * structural comparison per operation.
 */
export interface RequestBuilder<Result, Missing extends string = never> {
  readonly [missing]?: Missing;
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
  executeRaw(this: Ready<Missing>): Promise<{ data: RawData<Result>; response: Response }>;
}

/** Every builder at run time: one setter property per `setup` entry, and `execute`, `executeRaw` and `withOptions`. */
class RequestBuilderBase {
  readonly #setup: BuilderSetup;
  readonly #send: BuilderSend;
  /** Values by setter name. */
  readonly #values: Readonly<Record<string, unknown>>;
  readonly #options: RequestOptions | undefined;

  constructor(
    setup: BuilderSetup,
    send: BuilderSend,
    values: Readonly<Record<string, unknown>> = {},
    options?: RequestOptions,
  ) {
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
      if (values[setter] === undefined)
        throw new SDKError(`${name}: missing required parameter '${setter}' (set it with .${setter}(...))`);
    }
    const body = fields && values[fields] !== undefined ? (values[fields] as object) : {};
    // fromEntries and spread define own properties, so no key (not even `__proto__`) reaches a prototype.
    const set = Object.entries(keys).flatMap(([setter, key]) =>
      values[setter] === undefined ? [] : [[key, values[setter]] as const],
    );
    return this.#send({ ...body, ...Object.fromEntries(set) }, this.#options);
  }
}

/**
 * The builder of one operation: `requestBuilder<ListInvitesBuilder>(setup, client, listInvites, [pathArg…])`.
 * `B` is the operation's generated builder interface; `execute()` calls `operation` with the client, the
 * path arguments, the params object the setters filled (when `setup.params`) and the request options.
 * The generator gives `B` the result type the operation function returns (both come from one place);
 * the operation is passed as it is rather than wrapped in a closure whose result would be compared
 * with `B`'s, which made type-checking a thousand-operation client markedly slower.
 */
export function requestBuilder<B>(
  setup: BuilderSetup,
  client: ClientCore,
  operation: OperationFunction,
  pathArgs: readonly unknown[],
): B {
  const call = operation as (...args: unknown[]) => APIPromise<unknown>;
  const send: BuilderSend = setup.params
    ? (params, options) => call(client, ...pathArgs, params, options)
    : (_, options) => call(client, ...pathArgs, options);
  return new RequestBuilderBase(setup, send) as unknown as B;
}
