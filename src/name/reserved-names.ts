/**
 * The names generated code must leave alone, read from the runtime itself rather than kept by hand:
 * the members ClientCore, APIResource and request builders really have, the runtime's exports, and
 * the ClientOptions keys. A runtime change moves these lists with it.
 */
import * as runtime from "../runtime/index.js";
import { APIResource, ClientCore, SSEDecoder, Webhooks, requestBuilder } from "../runtime/index.js";
// Not re-exported by the runtime's index: generator-only metadata, left out of generated packages.
import { PUBLIC_EXPORTS } from "../runtime/public-exports.js";

/** Every name an object has, own and inherited (Object.prototype's included), constructors too. */
function membersOf(value: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = value; o; o = Object.getPrototypeOf(o)) {
    for (const key of Reflect.ownKeys(o)) if (typeof key === "string") names.add(key);
  }
  return [...names];
}

/**
 * Classes generated code builds on rather than hands to users: the generated core extends ClientCore,
 * flat resources extend APIResource, a Stream reads its events with SSEDecoder, and a client's
 * `webhooks` property is a Webhooks. Every other class the runtime exports (its errors, APIPromise,
 * Page, PagePromise, Stream) is one a user meets, so every entry point re-exports it.
 */
const INTERNAL_CLASSES: ReadonlySet<unknown> = new Set([ClientCore, APIResource, SSEDecoder, Webhooks]);

/** Functions, not classes, that users call directly and every entry point re-exports. */
const PUBLIC_FUNCTIONS: readonly string[] = ["toFile", "addMiddleware"];

/** The members the flat client and builder API classes get beside the core's (emit/code/client-methods.ts). */
const CLIENT_METHODS = ["withOptions", "use", "intercept"];

/** `then` makes any object (a client, an API object, a module namespace) a thenable: `await` would call it. */
const THENABLE = ["then"];

function readReservedNames() {
  const core = new ClientCore({ name: "Reserved", baseURLEnv: "RESERVED_BASE_URL" }, {});
  const builder = requestBuilder<object>({ name: "reserved" }, core, () => undefined, []);
  const values = Object.keys(runtime);
  const classes = Object.entries(runtime).filter(
    ([name, value]) => typeof value === "function" && /^[A-Z]/.test(name) && !INTERNAL_CLASSES.has(value),
  );
  return {
    /** Members of the client class (ClientCore's, and the client methods): no resource property or root method may take one. */
    clientMembers: new Set([...membersOf(core), ...CLIENT_METHODS, ...THENABLE]),
    /** Members of flat resource classes (APIResource's). */
    resourceMembers: new Set([...membersOf(new APIResource(core)), ...THENABLE]),
    /** Members of every request builder: no setter may take one. `catch` and `finally` too, which would make it look like a promise. */
    builderMembers: new Set([...membersOf(builder), ...THENABLE, "catch", "finally"]),
    /** Members of builder API classes: their constructor, the client methods, and nothing that makes them thenable. */
    apiMembers: new Set([...membersOf(Object.prototype), "constructor", ...CLIENT_METHODS, ...THENABLE]),
    /** Exports of a module that must not be thenable (`operations/index.ts`). */
    moduleExports: new Set([...THENABLE, "default"]),
    /** Every runtime value export, and every type export generated files import: no generated name may take one. */
    runtimeExports: new Set<string>([
      ...values,
      ...PUBLIC_EXPORTS.types,
      ...PUBLIC_EXPORTS.builderTypes,
      ...PUBLIC_EXPORTS.importedTypes,
    ]),
    /** Values every entry point re-exports (SDKError under the client's error class name), by name. */
    entryValues: [...classes.map(([name]) => name), ...PUBLIC_FUNCTIONS].sort(),
    entryTypes: PUBLIC_EXPORTS.types,
    builderEntryTypes: PUBLIC_EXPORTS.builderTypes,
    /** ClientOptions keys: credential and client-parameter options must not take them. */
    clientOptions: new Set<string>(PUBLIC_EXPORTS.clientOptions),
  } as const;
}

export type ReservedNames = ReturnType<typeof readReservedNames>;

/** Read once per process; never changed after. */
export const RESERVED: ReservedNames = readReservedNames();
