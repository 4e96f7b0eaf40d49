import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIError as CloudflareAPIError } from "../../generated/cloudflare/src/index.js";
import * as errors from "../../generated/openai/src/index.js";
import { startRecordingServer, type RecordingServer, type Reply } from "../helpers/recording-server.js";
import { builder, flat, SECRETS, type Calls, type ClientSetup } from "./styles.js";

/**
 * One table of scenarios (request sent, response served, what the caller sees), run unchanged
 * against both calling styles: they share the runtime, so they must behave identically.
 */
interface Scenario {
  name: string;
  replies: Reply[];
  setup?: Partial<ClientSetup>;
  run(calls: Calls): Promise<unknown>;
  /** The value the caller gets, or the error class and message it sees. */
  expected: { value: unknown } | { error: new (...args: never[]) => Error; status?: number; message?: RegExp };
  /** How many requests the server saw. */
  requests: number;
  check?(server: RecordingServer, logs: string[]): void;
}

const invite = {
  object: "organization.invite",
  id: "invite-abc",
  email: "a@b.co",
  role: "reader",
  status: "pending",
  created_at: 1,
  projects: [],
};
const page = (ids: string[], more: boolean) => ({
  object: "list",
  data: ids.map((id) => ({ ...invite, id })),
  first_id: ids[0],
  last_id: ids.at(-1),
  has_more: more,
});
const fast = { "retry-after-ms": "1" };

const scenarios: Scenario[] = [
  {
    name: "a plain success",
    replies: [{ body: invite }],
    run: (c) => c.retrieve(),
    expected: { value: invite },
    requests: 1,
  },
  {
    name: "retry after Retry-After (seconds) then success",
    replies: [
      { status: 503, headers: { "retry-after": "0.001" }, body: { error: { message: "busy" } } },
      { body: invite },
    ],
    run: (c) => c.retrieve(),
    expected: { value: invite },
    requests: 2,
  },
  {
    name: "retries exhausted on 500",
    replies: [{ status: 500, headers: fast, body: { error: { message: "boom" } } }],
    setup: { maxRetries: 2 },
    run: (c) => c.retrieve(),
    expected: { error: errors.InternalServerError, status: 500, message: /boom/ },
    requests: 3,
  },
  {
    name: "x-should-retry: false stops retries of a 503",
    replies: [{ status: 503, headers: { ...fast, "x-should-retry": "false" }, body: { error: { message: "no" } } }],
    run: (c) => c.retrieve(),
    expected: { error: errors.InternalServerError, status: 503 },
    requests: 1,
  },
  {
    name: "x-should-retry: true retries a 400",
    replies: [
      { status: 400, headers: { ...fast, "x-should-retry": "true" }, body: { error: { message: "flaky" } } },
      { body: invite },
    ],
    run: (c) => c.retrieve(),
    expected: { value: invite },
    requests: 2,
  },
  ...(
    [
      [400, errors.BadRequestError],
      [401, errors.AuthenticationError],
      [403, errors.PermissionDeniedError],
      [404, errors.NotFoundError],
      [409, errors.ConflictError],
      [422, errors.UnprocessableEntityError],
      [429, errors.RateLimitError],
      [500, errors.InternalServerError],
    ] as const
  ).map(
    ([status, error]): Scenario => ({
      name: `${status} → ${error.name}`,
      replies: [
        {
          status,
          headers: { ...fast, "x-request-id": "req_123" },
          body: { error: { message: `failed with ${status}` } },
        },
      ],
      setup: { maxRetries: 0 },
      run: (c) => c.retrieve(),
      expected: { error, status, message: new RegExp(`failed with ${status}`) },
      requests: 1,
    }),
  ),
  {
    name: "a timeout → APIConnectionTimeoutError after retries",
    replies: [{ body: invite, delayMs: 300 }],
    setup: { timeout: 30, maxRetries: 1 },
    run: (c) => c.retrieve(),
    expected: { error: errors.APIConnectionTimeoutError },
    requests: 2,
  },
  {
    name: "the caller's abort → APIUserAbortError, never retried",
    replies: [{ body: invite, delayMs: 300 }],
    run: (c) => c.retrieve({ signal: AbortSignal.timeout(30) }),
    expected: { error: errors.APIUserAbortError },
    requests: 1,
  },
  {
    name: "pagination over three pages",
    replies: [
      { body: page(["a"], true) },
      { body: page(["a"], true) },
      { body: page(["b"], true) },
      { body: page(["c"], false) },
    ],
    run: async (c) => c.listAll(),
    expected: { value: { ids: ["a", "b", "c"], firstPageHasNext: true } },
    requests: 4,
    check: (server) => expect(server.requests.slice(1).map((r) => r.query.get("after"))).toEqual([null, "a", "b"]),
  },
  {
    name: "an envelope's result is returned",
    replies: [{ body: { success: true, errors: [], messages: [], result: { id: "4f5f0c14", status: "accepted" } } }],
    run: (c) => c.cloudflareGet(),
    expected: { value: { id: "4f5f0c14", status: "accepted" } },
    requests: 1,
  },
  {
    name: "an envelope with success: false throws with its errors",
    replies: [
      { body: { success: false, errors: [{ code: 1003, message: "Invite not found" }], messages: [], result: null } },
    ],
    run: (c) => c.cloudflareGet(),
    // Each package carries its own runtime, so this is Cloudflare's APIError class.
    expected: { error: CloudflareAPIError, message: /Invite not found/ },
    requests: 1,
  },
  {
    name: "201 with no body → undefined",
    replies: [{ status: 201 }],
    run: (c) => c.konnectInvite(),
    expected: { value: undefined },
    requests: 1,
  },
  {
    name: "204 → undefined",
    replies: [{ status: 204 }],
    run: (c) => c.konnectInvite(),
    expected: { value: undefined },
    requests: 1,
  },
  {
    name: "a logged request shows no secret",
    replies: [{ status: 500, headers: fast, body: { error: { message: "echo sk-admin-secret" } } }, { body: invite }],
    setup: { logLevel: "debug" },
    run: (c) => c.retrieve(),
    expected: { value: invite },
    requests: 2,
    check: (_server, logs) => {
      expect(logs.join("\n")).toMatch(/authorization/i);
      for (const secret of SECRETS) expect(logs.join("\n")).not.toContain(secret);
    },
  },
];

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

describe.each([
  ["flat", flat],
  ["builder", builder],
] as const)("%s style", (_name, style) => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_n, scenario) => {
    server.reply(...scenario.replies);
    server.requests.length = 0;
    const logs: string[] = [];
    const log = (...args: unknown[]) => logs.push(args.map(String).join(" "));
    const calls = style({
      baseURL: server.baseURL,
      maxRetries: 2,
      logger: { debug: log, info: log, warn: log, error: log },
      ...scenario.setup,
    });
    const outcome = await scenario.run(calls).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if ("value" in scenario.expected) {
      expect(outcome).toEqual({ value: scenario.expected.value });
    } else {
      const { error, status, message } = scenario.expected;
      expect("error" in outcome ? outcome.error : outcome).toBeInstanceOf(error);
      const err = (outcome as { error: errors.APIError }).error;
      if (status !== undefined) expect(err.status).toBe(status);
      if (message) expect(err.message).toMatch(message);
      if (err.status && err.status >= 400 && scenario.replies[0]?.headers?.["x-request-id"])
        expect(err.requestID).toBe("req_123");
    }
    expect(server.requests.length).toBe(scenario.requests);
    scenario.check?.(server, logs);
  });
});
