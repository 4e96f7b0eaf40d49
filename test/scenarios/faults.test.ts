/**
 * The fault table: servers on 127.0.0.1 that misbehave on purpose, against both calling styles of a
 * package generated from test/fixtures/specs/faults.yaml. Every fault ends in the documented outcome
 * (an error class, or a value) well within a bound (a hang would take the test's timeout), with the
 * number of requests the server saw (retries within maxRetries), no credential reaching another
 * origin or an error, and no unhandled rejection.
 */
import { rm } from "node:fs/promises";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answer,
  drip,
  redirect,
  resetMidBody,
  sequence,
  stall,
  startFaultServer,
  type Fault,
  type FaultServer,
} from "../helpers/fault-server.js";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import {
  CREDENTIALS,
  loadFaultStyles,
  READERS,
  type FaultCalls,
  type FaultSetup,
  type FaultStyle,
} from "./fault-styles.js";

const SECRETS = Object.values(CREDENTIALS);
/** Far above what any row takes (a few hundred ms at most); a row that hangs fails here or on vitest's timeout. */
const BOUND_MS = 4000;

interface Row {
  name: string;
  /** How the API server answers; `other` is the other origin's base URL. */
  api: (other: string) => Fault;
  /** How the server on the other origin answers. */
  other?: Fault;
  setup?: Partial<FaultSetup> | (() => Partial<FaultSetup>);
  call: Exclude<keyof FaultCalls, "client">;
  /** An error class name (checked by instanceof against the package's own classes too), or a value. */
  expected: { error: string; status?: number; message?: RegExp } | { value: unknown };
  /** Requests the API server saw. */
  requests: number;
  check?(err: any, api: FaultServer, other: FaultServer): void;
}

const item = JSON.stringify({ id: "b" });
/** Short enough to keep the table fast, long enough for a loaded machine to send the request first. */
const cut = { timeout: 200, maxRetries: 1 };

/**
 * The faults every response reader must survive. A binary answer is handed out at its headers (the
 * Response, unread): past them nothing is retried, and the idle timeout replaces the attempt's, so a
 * body that keeps dripping is not cut off (the caller's signal bounds its whole time).
 */
const readerRows = READERS.flatMap((call): Row[] => {
  const handedOut = call === "binary";
  return [
    {
      name: `headers then stall (${call}) → timeout, ${handedOut ? "not retried past the headers" : "retried once"}`,
      api: () => stall,
      setup: cut,
      call,
      expected: { error: "APIConnectionTimeoutError" },
      requests: handedOut ? 1 : 2,
    },
    ...(handedOut
      ? []
      : [
          {
            name: `slow drip (${call}) → timeout, retried once`,
            api: () => drip(20),
            setup: cut,
            call,
            expected: { error: "APIConnectionTimeoutError" },
            requests: 2,
          },
        ]),
    {
      name: `reset mid-body (${call}) → APIConnectionError ${handedOut ? "at once" : "after maxRetries"}`,
      api: () => resetMidBody,
      setup: { maxRetries: 2 },
      call,
      expected: { error: "APIConnectionError" },
      requests: handedOut ? 1 : 3,
      check: (err) => expect(err.name).toBe("APIConnectionError"),
    },
    {
      name: `abort mid-body (${call}) → APIUserAbortError at once, not retried`,
      api: () => stall,
      setup: () => ({ timeout: 60_000, maxRetries: 2, signal: AbortSignal.timeout(100) }),
      call,
      expected: { error: "APIUserAbortError" },
      requests: 1,
    },
  ];
});

const crossOrigin = (name: string, check: (seen: FaultServer["requests"][number]) => void): Row => ({
  name: `cross-origin redirect drops the ${name}`,
  api: (other) => redirect(`${other}/landing?api_key=${CREDENTIALS.queryKey}&keep=1`),
  other: answer(200, item),
  call: "json",
  expected: { value: { id: "b" } },
  requests: 1,
  check: (_err, api, other) => {
    // The API itself got every credential; the other origin got none.
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${CREDENTIALS.bearerAuth}`);
    expect(other.requests).toHaveLength(1);
    check(other.requests[0]!);
    expect(other.requests[0]!.url).toContain("keep=1");
  },
});

const rows: Row[] = [
  ...readerRows,
  {
    name: "reset mid-body, then an answer → the answer",
    api: () => sequence(resetMidBody, answer(200, item)),
    call: "json",
    expected: { value: { id: "b" } },
    requests: 2,
  },
  {
    name: "truncated JSON with 200 → UnexpectedResponseError, not retried",
    api: () => answer(200, '{"id": "ab'),
    call: "json",
    expected: {
      error: "UnexpectedResponseError",
      status: 200,
      message: /^getItem: 200 response is not JSON \(application\/json\): \{"id": "ab$/,
    },
    requests: 1,
    check: (err) => {
      expect(err.operation).toBe("getItem");
      expect(err.contentType).toBe("application/json");
      expect(err.body).toBe('{"id": "ab');
    },
  },
  ...(["json", "page", "withResponse"] as const).map(
    (call): Row => ({
      name: `an HTML login page with 200 (${call}) → UnexpectedResponseError`,
      api: () => answer(200, `<html><body>Sign in${"…".repeat(300)}</body></html>`, { "content-type": "text/html" }),
      call,
      expected: {
        error: "UnexpectedResponseError",
        status: 200,
        message: /: 200 response is not JSON \(text\/html\): <html><body>Sign in/,
      },
      requests: 1,
      check: (err) => expect(err.body.length).toBe(200),
    }),
  ),
  {
    name: "empty 200 for an operation that declares a body → UnexpectedResponseError",
    api: () => answer(200),
    call: "json",
    expected: {
      error: "UnexpectedResponseError",
      message: /^getItem: 200 response is not JSON \(application\/json\): empty body$/,
    },
    requests: 1,
  },
  { name: "204 → undefined", api: () => answer(204), call: "json", expected: { value: undefined }, requests: 1 },
  {
    name: "empty 200 where the spec declares an empty 2xx → undefined",
    api: () => answer(200),
    call: "mayBeEmpty",
    expected: { value: undefined },
    requests: 1,
  },
  {
    name: "redirect loop → one APIError after 20 hops, not retried",
    api: () => redirect("/items/a"),
    call: "json",
    expected: { error: "APIError", status: 302, message: /Redirect not followed: 302 after 20 redirects/ },
    requests: 21,
  },
  {
    name: "same-origin redirect keeps the credentials",
    api: () => sequence(redirect("/items/b"), answer(200, item)),
    call: "json",
    expected: { value: { id: "b" } },
    requests: 2,
    check: (_err, api) => {
      const { headers, url } = api.requests[1]!;
      expect([headers.authorization, headers["x-api-key"], headers.cookie, url]).toEqual([
        `Bearer ${CREDENTIALS.bearerAuth}`,
        CREDENTIALS.headerKey,
        `session=${CREDENTIALS.cookieKey}`,
        "/items/b",
      ]);
    },
  },
  crossOrigin("bearer token", (seen) => expect(seen.headers.authorization).toBeUndefined()),
  crossOrigin("API key header", (seen) => expect(seen.headers["x-api-key"]).toBeUndefined()),
  crossOrigin("API key query parameter", (seen) => expect(seen.url).not.toContain("api_key")),
  crossOrigin("API key cookie", (seen) => expect(seen.headers.cookie).toBeUndefined()),
  {
    name: "cross-origin redirect whose URL carries a credential → refused",
    api: (other) => redirect(`${other}/callback/${CREDENTIALS.headerKey}`),
    call: "json",
    expected: {
      error: "SDKError",
      message: /Redirect refused: http:\/\/127\.0\.0\.1:\d+\/callback\/\*\*\* carries a credential/,
    },
    requests: 1,
    check: (err, _api, other) => {
      expect(other.requests).toHaveLength(0);
      expect(err.message).not.toContain(CREDENTIALS.headerKey);
    },
  },
  {
    name: "secrets echoed in an error are redacted everywhere",
    api: () =>
      answer(
        401,
        JSON.stringify({ error: { message: `bad key ${CREDENTIALS.headerKey}` }, [CREDENTIALS.queryKey]: SECRETS }),
        {
          "content-type": "application/json",
          "x-echo": `${CREDENTIALS.bearerAuth}; ${CREDENTIALS.cookieKey}`,
        },
      ),
    call: "json",
    expected: { error: "AuthenticationError", status: 401, message: /bad key \*\*\*/ },
    requests: 1,
    check: (err) => {
      expect(err.body.error.message).toBe("bad key ***");
      expect(err.headers.get("x-echo")).toBe("***; ***");
      for (const view of [
        err.message,
        JSON.stringify(err),
        inspect(err, { depth: 9 }),
        JSON.stringify(err.body),
        JSON.stringify([...err.headers]),
      ]) {
        for (const secret of SECRETS) expect(view).not.toContain(secret);
      }
    },
  },
  {
    name: "a secret echoed in a 200 that is not JSON is redacted",
    api: () => answer(200, `<p>Signed in with ${CREDENTIALS.bearerAuth}</p>`, { "content-type": "text/html" }),
    call: "json",
    expected: { error: "UnexpectedResponseError", message: /Signed in with \*\*\*/ },
    requests: 1,
    check: (err) => expect(inspect(err) + JSON.stringify(err)).not.toContain(CREDENTIALS.bearerAuth),
  },
];

let dir: string;
let styles: Record<"flat" | "builder", FaultStyle>;
let errors: Record<string, new (...args: never[]) => Error>;
let api: FaultServer;
let other: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  dir = await generateIntoTemp(fixture("specs", "faults.yaml"), "faults");
  styles = await loadFaultStyles(dir);
  const exported = await import(`${dir}/src/index.ts`);
  // The package exports its SDKError under the client's own name.
  errors = { ...exported, SDKError: exported.FaultsError };
  [api, other] = await Promise.all([startFaultServer(), startFaultServer()]);
  // One call per style first, so no row's short timeout pays for loading and compiling the client.
  api.serve(answer(200, item));
  for (const style of Object.values(styles)) await style({ baseURL: api.url }).json();
}, 60_000);

afterAll(async () => {
  await Promise.all([api?.close(), other?.close()]);
  await rm(dir, { recursive: true, force: true });
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

describe.each(["flat", "builder"] as const)("%s style", (style) => {
  it.each(rows.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    api.serve(row.api(other.url));
    other.serve(row.other ?? answer(500));
    const setup = typeof row.setup == "function" ? row.setup() : row.setup;
    const calls = styles[style]({ baseURL: api.url, maxRetries: 2, ...setup });
    const started = Date.now();
    const outcome = await calls[row.call]().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    if ("value" in row.expected) {
      expect(outcome).toEqual({ value: row.expected.value });
    } else {
      const err = (outcome as { error: any }).error;
      expect(err, `resolved with ${JSON.stringify(outcome)}`).toBeInstanceOf(errors[row.expected.error]!);
      expect(err.name).toBe(row.expected.error);
      if (row.expected.status !== undefined) expect(err.status).toBe(row.expected.status);
      if (row.expected.message) expect(err.message).toMatch(row.expected.message);
    }
    expect(api.requests).toHaveLength(row.requests);
    row.check?.("error" in outcome ? outcome.error : undefined, api, other);
  });

  it("the client shows no credential when printed or its options serialised", () => {
    const client = styles[style]({ baseURL: api.url }).client();
    const views = [
      inspect(client, { depth: 9 }),
      String(client.options && JSON.stringify(client.options)),
      JSON.stringify({ ...client.options }),
    ];
    for (const view of views) for (const secret of SECRETS) expect(view).not.toContain(secret);
    // The flat client's options are there, and still hold what the requests need.
    if (style === "flat") expect(views[1]).toContain(api.url);
  });
});
