/**
 * The fault table through the command line: the package generated from test/fixtures/specs/faults.yaml,
 * its `src/cli.ts` bundled once and spawned as a real process per row against servers on 127.0.0.1 that
 * misbehave on purpose (the library styles' table is faults.test.ts). Every row ends with its documented
 * exit code and message, stdout empty on error (or holding only the pages `--all` finished), the number of
 * requests the server saw (retries within --max-retries), no credential on stdout, stderr or another
 * origin, and the process exiting by itself (one still running after its time is killed and fails).
 *
 * Timing is relative to the machine's pace, measured before the table (`measurePace`): the `--timeout`
 * of the rows that time out, the time a row may take and how soon Ctrl-C must end a process. On a quiet
 * machine that is a 1 s timeout and 8 s a row; under load, where a fixed 1 s timeout fired before the
 * retry reached the server (seen at a load of 19 on 2 cores), they grow with it.
 */
import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliBundles, type CliRun } from "../helpers/cli-bundle.js";
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
import { CREDENTIALS } from "./fault-styles.js";

type Credential = keyof typeof CREDENTIALS;
const SECRETS = Object.values(CREDENTIALS);
/** Each credential's environment variable and flag, as the package's `--help` names them. */
const GIVEN: Record<Credential, { env: string; flag: string }> = {
  bearerAuth: { env: "FAULTS_BEARER_AUTH", flag: "--bearer-auth" },
  headerKey: { env: "FAULTS_HEADER_KEY", flag: "--header-key" },
  queryKey: { env: "FAULTS_QUERY_KEY", flag: "--query-key" },
  cookieKey: { env: "FAULTS_COOKIE_KEY", flag: "--cookie-key" },
};
/**
 * Timing by the machine's pace (ms): `timeout` for the rows that time out, `kill` for any row (far above
 * what one takes: a hung process is killed then and its row fails), `exit` for Ctrl-C to end a process.
 */
interface Timing {
  timeout: number;
  kill: number;
  exit: number;
}
let timing: Timing;

/** In a row's args and stderr pattern, stands for its timing's `timeout`. */
const TIMEOUT = "{timeout}";

/** The command of each response reader. */
const READERS = {
  json: ["getItem", "id=a"],
  page: ["listItems"],
  text: ["getNotes", "id=a"],
  binary: ["get-file", "id=a"],
  raw: ["getItem", "id=a", "--raw"],
  all: ["list-items", "--all"],
} as const;

interface Row {
  name: string;
  args: readonly string[];
  /** How the API server answers; `other` is the other origin's base URL. */
  api: (other: string) => Fault;
  /** How the server on the other origin answers (500 if not given). */
  other?: Fault;
  /** The credential given by its flag; the others come from their environment variables. */
  flag?: Credential;
  /** Ctrl-C this many ms after the server has the first request (and stdout holds `stdout`). */
  interrupt?: number;
  exit: number;
  /** The whole of stderr, after the `faults-client: ` prefix of its first line. */
  stderr: RegExp;
  /** Empty on every error, except the items of the pages `--all` finished. */
  stdout?: string;
  /** Requests the API server saw. */
  requests: number;
  check?(run: CliRun, api: FaultServer, other: FaultServer): void;
}

const item = JSON.stringify({ id: "b" });
const page = (id: string, more: boolean) => answer(200, JSON.stringify({ data: [{ id }], has_more: more }));
/** Short enough to keep the table fast, long enough for the server to see each request before it is cut (see Timing). */
const cut = ["--timeout", TIMEOUT, "--max-retries", "1"];
const html = (text: string) =>
  answer(200, `<html><body>${text}${"…".repeat(300)}</body></html>`, { "content-type": "text/html" });

/**
 * The faults every response reader must survive. A binary answer is written as its bytes arrive, past
 * the headers: nothing is retried there, the idle timeout replaces the attempt's, a body that keeps
 * dripping is not cut off (Ctrl-C ends it), and the bytes written before a fault stay on stdout.
 */
const readerRows = Object.entries(READERS).flatMap(([reader, command]): Row[] => {
  const handedOut = reader === "binary";
  return [
    {
      name: `headers then stall (${reader}) → timeout, ${handedOut ? "not retried past the headers" : "retried once"}`,
      args: [...command, ...cut],
      api: () => stall,
      exit: 3,
      stderr: handedOut
        ? /^APIConnectionTimeoutError: No data received for {timeout}ms\.$/
        : /^APIConnectionTimeoutError: Request timed out after {timeout}ms\.$/,
      requests: handedOut ? 1 : 2,
      // Bytes go to stdout as they arrive: those before the fault are there.
      stdout: handedOut ? '{"id":' : undefined,
    },
    ...(handedOut
      ? []
      : [
          {
            name: `slow drip (${reader}) → timeout, retried once`,
            args: [...command, ...cut],
            api: () => drip(20),
            exit: 3,
            stderr: /^APIConnectionTimeoutError: Request timed out after {timeout}ms\.$/,
            requests: 2,
          },
        ]),
    {
      name: `reset mid-body (${reader}) → APIConnectionError ${handedOut ? "at once" : "after --max-retries"}`,
      args: [...command, "--max-retries", "2"],
      api: () => resetMidBody,
      exit: 3,
      stderr: /^APIConnectionError: Connection error\..*terminated/,
      requests: handedOut ? 1 : 3,
      stdout: handedOut ? '{"id":"abc' : undefined,
    },
    {
      name: `Ctrl-C mid-body (${reader}) → interrupted at once, not retried`,
      args: [...command, "--timeout", "60000"],
      api: () => stall,
      interrupt: 50,
      exit: 130,
      stderr: /^interrupted$/,
      requests: 1,
      stdout: handedOut ? '{"id":' : undefined,
    },
  ];
});

const crossOrigin = (kind: Credential, check: (seen: FaultServer["requests"][number]) => void): Row => ({
  name: `cross-origin redirect drops the ${kind} (given by ${GIVEN[kind].flag}, the others by variable)`,
  args: READERS.json,
  flag: kind,
  api: (other) => redirect(`${other}/landing?api_key=${CREDENTIALS.queryKey}&keep=1`),
  other: answer(200, item),
  exit: 0,
  stderr: /^$/,
  stdout: `${item}\n`,
  requests: 1,
  check: (_run, api, other) => {
    // The API itself got every credential; the other origin got none.
    const sent = api.requests[0]!;
    expect([sent.headers.authorization, sent.headers["x-api-key"], sent.headers.cookie]).toEqual([
      `Bearer ${CREDENTIALS.bearerAuth}`,
      CREDENTIALS.headerKey,
      `session=${CREDENTIALS.cookieKey}`,
    ]);
    expect(sent.url).toBe(`/items/a?api_key=${CREDENTIALS.queryKey}`);
    expect(other.requests).toHaveLength(1);
    check(other.requests[0]!);
    expect(other.requests[0]!.url).toContain("keep=1");
  },
});

/** A 401 whose body and headers echo every credential. */
const echo401 = answer(
  401,
  JSON.stringify({ error: { message: `bad key ${CREDENTIALS.headerKey}` }, [CREDENTIALS.queryKey]: SECRETS }),
  {
    "content-type": "application/json",
    "x-echo": `${CREDENTIALS.bearerAuth}; ${CREDENTIALS.cookieKey}`,
    "x-request-id": "req_7",
  },
);

/** The options of the rows where a 401 echoes every credential, and the credential each gives by flag. */
const echoOptions: [string[], Credential][] = [
  [[], "bearerAuth"],
  [["--verbose"], "headerKey"],
  [["--raw"], "queryKey"],
  [["--verbose", "--raw"], "cookieKey"],
];

const rows: Row[] = [
  ...readerRows,
  {
    name: "--all: page 2 stalls → the items of page 1, then a timeout, page 2 retried once",
    args: [...READERS.all, ...cut],
    api: () => sequence(page("a", true), stall),
    exit: 3,
    stderr: /^APIConnectionTimeoutError: Request timed out after {timeout}ms\.$/,
    stdout: `${JSON.stringify({ id: "a" })}\n`,
    requests: 3,
    check: (_run, api) =>
      expect(api.requests.map((r) => r.url)).toEqual([
        `/items?api_key=${CREDENTIALS.queryKey}`,
        ...Array(2).fill(`/items?after=a&api_key=${CREDENTIALS.queryKey}`),
      ]),
  },
  {
    name: "--all: page 2 resets mid-body, then answers → every item",
    args: READERS.all,
    api: () => sequence(page("a", true), resetMidBody, page("c", false)),
    exit: 0,
    stderr: /^$/,
    stdout: `${JSON.stringify({ id: "a" })}\n${JSON.stringify({ id: "c" })}\n`,
    requests: 3,
  },
  {
    name: "--all: page 2 is an HTML page with 200 → the items of page 1, then exit 1",
    args: READERS.all,
    api: () => sequence(page("a", true), html("Sign in")),
    exit: 1,
    stderr:
      /^UnexpectedResponseError: listItems: 200 response is not JSON \(text\/html\): <html><body>Sign in…+\n {2}status: 200$/,
    stdout: `${JSON.stringify({ id: "a" })}\n`,
    requests: 2,
  },
  {
    name: "Ctrl-C while waiting out a Retry-After of 30 s → interrupted at once",
    args: [...READERS.json, "--max-retries", "2"],
    api: () => answer(429, "{}", { "content-type": "application/json", "retry-after": "30" }),
    // Late enough for the client to be in its wait, not in the request.
    interrupt: 300,
    exit: 130,
    stderr: /^interrupted$/,
    requests: 1,
  },
  {
    name: "reset mid-body, then an answer → the answer",
    args: READERS.json,
    api: () => sequence(resetMidBody, answer(200, item)),
    exit: 0,
    stderr: /^$/,
    stdout: `${item}\n`,
    requests: 2,
  },
  {
    name: "truncated JSON with 200 → exit 1, UnexpectedResponseError, not retried",
    args: READERS.json,
    api: () => answer(200, '{"id": "ab'),
    exit: 1,
    stderr:
      /^UnexpectedResponseError: getItem: 200 response is not JSON \(application\/json\): \{"id": "ab\n {2}status: 200$/,
    requests: 1,
  },
  ...(["json", "page", "raw", "all"] as const).map(
    (reader): Row => ({
      name: `an HTML login page with 200 (${reader}) → exit 1, UnexpectedResponseError`,
      args: READERS[reader],
      api: () => html("Sign in"),
      exit: 1,
      stderr:
        /^UnexpectedResponseError: (getItem|listItems): 200 response is not JSON \(text\/html\): <html><body>Sign in…+\n {2}status: 200$/,
      requests: 1,
    }),
  ),
  {
    name: "empty 200 for an operation that declares a body → exit 1",
    args: READERS.json,
    api: () => answer(200),
    exit: 1,
    stderr:
      /^UnexpectedResponseError: getItem: 200 response is not JSON \(application\/json\): empty body\n {2}status: 200$/,
    requests: 1,
  },
  {
    name: "204 → exit 0, nothing printed",
    args: READERS.json,
    api: () => answer(204),
    exit: 0,
    stderr: /^$/,
    stdout: "",
    requests: 1,
  },
  {
    name: "empty 200 where the spec declares an empty 2xx → exit 0, nothing printed",
    args: ["putItem", "id=a"],
    api: () => answer(200),
    exit: 0,
    stderr: /^$/,
    stdout: "",
    requests: 1,
  },
  {
    name: "redirect loop → exit 1 after 20 hops, not retried",
    args: READERS.json,
    api: () => redirect("/items/a"),
    exit: 1,
    stderr: /^APIError: Redirect not followed: 302 after 20 redirects\n {2}status: 302$/,
    requests: 21,
  },
  {
    name: "same-origin redirect keeps the credentials",
    args: READERS.json,
    flag: "cookieKey",
    api: () => sequence(redirect("/items/b"), answer(200, item)),
    exit: 0,
    stderr: /^$/,
    stdout: `${item}\n`,
    requests: 2,
    check: (_run, api) => {
      const { headers, url } = api.requests[1]!;
      expect([headers.authorization, headers["x-api-key"], headers.cookie, url]).toEqual([
        `Bearer ${CREDENTIALS.bearerAuth}`,
        CREDENTIALS.headerKey,
        `session=${CREDENTIALS.cookieKey}`,
        "/items/b",
      ]);
    },
  },
  crossOrigin("bearerAuth", (seen) => expect(seen.headers.authorization).toBeUndefined()),
  crossOrigin("headerKey", (seen) => expect(seen.headers["x-api-key"]).toBeUndefined()),
  crossOrigin("queryKey", (seen) => expect(seen.url).not.toContain("api_key")),
  crossOrigin("cookieKey", (seen) => expect(seen.headers.cookie).toBeUndefined()),
  {
    name: "cross-origin redirect whose URL carries a credential → exit 1, refused, nothing sent there",
    args: [...READERS.json, "--verbose"],
    api: (other) => redirect(`${other}/callback/${CREDENTIALS.headerKey}`),
    exit: 1,
    stderr: /Redirect refused: http:\/\/127\.0\.0\.1:\d+\/callback\/\*\*\* carries a credential$/,
    requests: 1,
    check: (_run, _api, other) => expect(other.requests).toHaveLength(0),
  },
  ...echoOptions.map(
    ([flags, flag]): Row => ({
      name: `secrets echoed in a 401 (${flags.join(" ") || "no option"}, ${GIVEN[flag].flag}) → exit 1, redacted on stderr`,
      args: [...READERS.json, ...flags],
      flag,
      api: () => echo401,
      exit: 1,
      stderr: flags.includes("--verbose")
        ? /AuthenticationError: 401 Unauthorized: bad key \*\*\*\n {2}status: 401\n {2}request id: req_7\n {2}body: \{"error":\{"message":"bad key \*\*\*"\},"\*\*\*":\["\*\*\*","\*\*\*","\*\*\*","\*\*\*"\]\}$/
        : /^AuthenticationError: 401 Unauthorized: bad key \*\*\*\n {2}status: 401\n {2}request id: req_7$/,
      requests: 1,
    }),
  ),
  {
    name: "a secret echoed in a 200 that is not JSON (--verbose --raw) → exit 1, redacted",
    args: [...READERS.json, "--verbose", "--raw"],
    api: () =>
      answer(200, `<p>Signed in with ${CREDENTIALS.bearerAuth}</p>`, {
        "content-type": "text/html",
        "x-echo": CREDENTIALS.cookieKey,
      }),
    exit: 1,
    stderr:
      /UnexpectedResponseError: getItem: 200 response is not JSON \(text\/html\): <p>Signed in with \*\*\*<\/p>\n {2}status: 200\n {2}body: "<p>Signed in with \*\*\*<\/p>"$/,
    requests: 1,
  },
  {
    name: "secrets echoed in a 200 with --verbose → the answer on stdout as sent, none on stderr",
    args: [...READERS.json, "--verbose"],
    api: () =>
      answer(200, JSON.stringify({ id: CREDENTIALS.headerKey }), {
        "content-type": "application/json",
        "x-echo": CREDENTIALS.bearerAuth,
      }),
    exit: 0,
    stderr: /\S/,
    // stdout is the data asked for (an API that issues keys answers with them), so it is not redacted.
    stdout: `${JSON.stringify({ id: CREDENTIALS.headerKey })}\n`,
    requests: 1,
  },
];

let dir: string;
const cli = new CliBundles();

beforeAll(async () => {
  dir = await generateIntoTemp(fixture("specs", "faults.yaml"), "faults");
  await cli.buildPackage("faults", dir);
  timing = await measurePace();
}, 60_000);

afterAll(async () => {
  cli.remove();
  await rm(dir, { recursive: true, force: true });
});

/** As many rows as vitest runs at once in a concurrent suite (its default maxConcurrency). */
const AT_ONCE = 5;

/**
 * The machine's pace: the slowest of AT_ONCE calls run at once, as the table runs its rows, each from
 * spawning the command line to its exit, against a server that answers at once (2.8 s measured at a load
 * of 10 on 2 cores, 8.4 s at 25). A timeout is a pace (at least 1 s): a whole process start, so a
 * request has reached the server well before its attempt is cut; a row may take 8 s or 6 timeouts,
 * whichever is more; Ctrl-C must end a process within 2 s or 2 paces, far below the 30 s wait one row
 * interrupts.
 */
async function measurePace(): Promise<Timing> {
  const api = await startFaultServer();
  try {
    api.serve(answer(200, item));
    const env = Object.fromEntries(Object.entries(GIVEN).map(([k, g]) => [g.env, CREDENTIALS[k as Credential]]));
    const runs = Array.from({ length: AT_ONCE }, async () => {
      const start = performance.now();
      const run = await cli.run("faults", [...READERS.json, "--base-url", api.url], { env });
      expect(run).toMatchObject({ code: 0, stdout: `${item}\n` });
      return performance.now() - start;
    });
    const pace = Math.max(...(await Promise.all(runs)));
    const timeout = Math.max(1000, Math.ceil(pace / 100) * 100);
    return { timeout, kill: Math.max(8000, 6 * timeout), exit: Math.max(2000, 2 * pace) };
  } finally {
    await api.close();
  }
}

/** Runs a row's command against its own pair of servers, so rows run side by side. */
async function runRow(
  row: Row,
): Promise<{ run: CliRun; api: FaultServer; other: FaultServer; interrupted?: number; exited: number }> {
  const [api, other] = await Promise.all([startFaultServer(), startFaultServer()]);
  try {
    let child: ChildProcess | undefined;
    let interrupted: number | undefined;
    // What the process has written so far, and a check run on each write.
    let out = "";
    let shown = () => {};
    const interrupt = async () => {
      // A row that expects output is interrupted once the process has written it, however slowly it runs.
      if (row.stdout)
        await new Promise<void>((resolve) => {
          shown = () => void (out.includes(row.stdout!) && resolve());
          shown();
        });
      setTimeout(() => {
        interrupted = performance.now();
        child?.kill("SIGINT");
      }, row.interrupt);
    };
    const fault = row.api(other.url);
    api.serve(row.interrupt === undefined ? fault : (res, req, url, n) => (fault(res, req, url, n), interrupt()));
    other.serve(row.other ?? answer(500));
    const env = Object.fromEntries(
      Object.entries(GIVEN)
        .filter(([k]) => k !== row.flag)
        .map(([k, g]) => [g.env, CREDENTIALS[k as Credential]]),
    );
    const flag = row.flag ? [GIVEN[row.flag].flag, CREDENTIALS[row.flag]] : [];
    const args = row.args.map((a) => a.replace(TIMEOUT, String(timing.timeout)));
    const run = await cli.run("faults", [...args, ...flag, "--base-url", api.url], {
      env,
      killAfterMs: timing.kill,
      onSpawn: (c) => {
        child = c;
        c.stdout!.on("data", (chunk: Buffer) => ((out += chunk.toString("utf8")), shown()));
      },
    });
    return { run, api, other, interrupted, exited: performance.now() };
  } finally {
    await Promise.all([api.close(), other.close()]);
  }
}

describe.concurrent("the command line against misbehaving servers", () => {
  it.for(rows.map((r) => [r.name, r] as const))("%s", async ([, row]) => {
    const { run, api, other, interrupted, exited } = await runRow(row);
    const stderr = run.stderr.replace(/^faults-client: /, "").trimEnd();
    const pattern = new RegExp(row.stderr.source.replace(TIMEOUT, String(timing.timeout)), row.stderr.flags);
    // With --verbose the runtime's log comes first; the report is the last lines.
    expect({ code: run.code, stderr }).toMatchObject({ code: row.exit, stderr: expect.stringMatching(pattern) });
    // Ctrl-C ends the process at once, whatever it was waiting for.
    if (row.interrupt !== undefined) expect(exited - interrupted!).toBeLessThan(timing.exit);
    // stdout exactly as expected: so no credential there either, but the one a 200 answered with on purpose.
    expect(run.stdout).toBe(row.stdout ?? "");
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    for (const secret of SECRETS) expect(run.stderr).not.toContain(secret);
    expect(api.requests).toHaveLength(row.requests);
    row.check?.(run, api, other);
  });
});
