import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliBundles, runNode } from "../helpers/cli-bundle.js";
import { reply, startHttpServer } from "../helpers/http-server.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";

/** The generated command lines run as real processes against servers on 127.0.0.1. */
let server: RecordingServer;
const cli = new CliBundles();
const files = mkdtempSync(join(tmpdir(), "clientgen-cli-files-"));
beforeAll(async () => {
  [server] = await Promise.all([startRecordingServer(), cli.build("openai", "trieve")]);
});
afterAll(async () => {
  await server.close();
  cli.remove();
  rmSync(files, { recursive: true, force: true });
});

const OPENAI = { OPENAI_ADMIN_KEY: "sk-admin-secret" };
const invite = (id: string) => ({
  object: "organization.invite",
  id,
  email: "a@b.co",
  role: "reader",
  status: "pending",
});
const openai = (args: string[], options: { env?: Record<string, string | undefined>; stdin?: string } = {}) =>
  cli.run("openai", [...args, "--base-url", server.baseURL, "--max-retries", "0"], {
    env: { ...OPENAI, ...options.env },
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });

describe("usage errors: exit 2, the parameter and what it expects on stderr, nothing sent", () => {
  const cases: [string, string[], RegExp, Record<string, string | undefined>?][] = [
    ["a number that is not one", ["listInvites", "limit=abc"], /error: limit: expected integer, got 'abc'/],
    [
      "a value outside the enum",
      ["inviteUser", "email=a@b.co", "role=admin"],
      /error: role: 'admin' is not one of "reader" \| "owner"/,
    ],
    ["a missing path parameter", ["retrieveInvite"], /error: missing required parameter: invite_id \(path, string\)/],
    [
      "a missing required body field",
      ["inviteUser", "email=a@b.co"],
      /error: missing required parameter: role \(body, "reader" \| "owner"\)/,
    ],
    [
      "an unknown parameter, with a did-you-mean",
      ["listInvites", "limt=2"],
      /error: unknown parameter 'limt' for listInvites; did you mean 'limit'\?/,
    ],
    [
      "an unknown operation, with a did-you-mean",
      ["listInvite"],
      /error: unknown operation 'listInvite'; did you mean 'listInvites'\?/,
    ],
    [
      "JSON that does not parse",
      ["inviteUser", "email=a@b.co", "role=reader", "projects:=[oops"],
      /error: projects: not valid JSON/,
    ],
    [
      "JSON of the wrong type",
      ["inviteUser", "email=a@b.co", "role=reader", 'projects:={"id":"p"}'],
      /error: projects: expected array of object, got \{"id":"p"\}/,
    ],
    [
      "--all on an operation that is not a list",
      ["retrieveInvite", "invite_id=x", "--all"],
      /--all applies to list operations/,
    ],
    [
      "a mistyped global option, with a did-you-mean",
      ["listInvites", "--verbos"],
      /error: unknown option '--verbos'; did you mean '--verbose'\?/,
    ],
    ["a --name with no value", ["listInvites", "--limit"], /error: --limit needs a value/],
    ["a malformed --header", ["listInvites", "--header", "nocolon"], /--header expects 'Name: value'/],
    [
      "missing credentials, naming the flag and the variable once each",
      ["listInvites"],
      /^openai-client: error: OpenAI: missing credentials\. Pass --admin-api-key or set OPENAI_ADMIN_KEY\.\n$/,
      { OPENAI_ADMIN_KEY: undefined },
    ],
  ];

  it.each(cases)("%s", async (_, args, message, env) => {
    const before = server.requests.length;
    const run = await openai(args, env ? { env } : {});
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ["an invalid value", ["listInvites", "limit=abc"]],
    ["a value outside the enum", ["inviteUser", "email=a@b.co", "role=admin"]],
    ["a parameter given twice", ["listInvites", "limit=1", "limit=2"]],
  ])("%s points at the operation's --help, not the global one", async (_, args) => {
    const run = await openai(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`Run 'openai-client ${args[0]} --help' for usage\\.`));
  });

  it("a required header parameter no flag, variable or argument supplies (Trieve's TR-Organization)", async () => {
    const before = server.requests.length;
    const run = await cli.run(
      "trieve",
      ["postInvitation", "email=a@b.co", "app_url=u", "redirect_uri=r", "user_role=1", "--base-url", server.baseURL],
      { env: { TRIEVE_API_KEY: "k" } },
    );
    expect(run.stderr).toMatch(
      /missing required parameter: TR-Organization \(header, string \(uuid\), or --tr-organization or TRIEVE_ORGANIZATION\)/,
    );
    expect(run.code).toBe(2);
    expect(server.requests.length).toBe(before);
  });

  it("schema conversion: user_role=1 is sent as a number, --tr-organization as the header", async () => {
    server.reply({ status: 204 });
    const run = await cli.run(
      "trieve",
      [
        "post-invitation",
        "email=a@b.co",
        "app_url=u",
        "redirect_uri=r",
        "user_role=1",
        "--tr-organization",
        "org-9",
        "--base-url",
        server.baseURL,
      ],
      { env: { TRIEVE_API_KEY: "k" } },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({
      email: "a@b.co",
      app_url: "u",
      redirect_uri: "r",
      user_role: 1,
    });
    expect(server.requests.at(-1)!.headers["tr-organization"]).toBe("org-9");
  });
});

describe("answers and failures", () => {
  it("an API error: exit 1, the class, status, message and request id on stderr, stdout empty", async () => {
    server.reply({
      status: 404,
      headers: { "x-request-id": "req_123" },
      body: { error: { message: "No such invite" } },
    });
    const run = await openai(["retrieveInvite", "invite_id=missing"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("NotFoundError: 404 Not Found: No such invite");
    expect(run.stderr).toContain("status: 404");
    expect(run.stderr).toContain("request id: req_123");
  });

  it("a refused connection: exit 3", async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const run = await cli.run("openai", ["listInvites", "--base-url", closed.baseURL, "--max-retries", "0"], {
      env: OPENAI,
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/APIConnectionError: Connection error\..*ECONNREFUSED/);
    // Reported once: the runtime's own warning is left to --verbose.
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a timeout (--timeout): exit 3", async () => {
    server.reply({ body: invite("slow"), delayMs: 2000 });
    const run = await openai(["retrieveInvite", "invite_id=slow", "--timeout", "100"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("APIConnectionTimeoutError");
  });

  it("--all walks three pages and prints one item per line", async () => {
    server.reply(
      { body: { object: "list", data: [invite("i1")], has_more: true } },
      { body: { object: "list", data: [invite("i2")], has_more: true } },
      { body: { object: "list", data: [invite("i3")], has_more: false } },
    );
    const before = server.requests.length;
    const run = await openai(["list-invites", "--limit", "1", "--all"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      JSON.stringify(invite("i1")),
      JSON.stringify(invite("i2")),
      JSON.stringify(invite("i3")),
      "",
    ]);
    expect(server.requests.slice(before).map((r) => r.url)).toEqual([
      "/organization/invites?limit=1",
      "/organization/invites?limit=1&after=i1",
      "/organization/invites?limit=1&after=i2",
    ]);
  });

  it("--data - reads the body from stdin; fields given as key=value go over it", async () => {
    server.reply({ body: invite("d1") });
    const run = await openai(["inviteUser", "--data", "-", "role=owner"], {
      stdin: JSON.stringify({ email: "a@b.co", role: "reader", projects: [] }),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ email: "a@b.co", role: "owner", projects: [] });
  });

  it("--data @file reads the body from a file, and it is checked like fields", async () => {
    const file = join(files, "body.json");
    writeFileSync(file, JSON.stringify({ email: "a@b.co", role: "admin" }));
    const before = server.requests.length;
    const run = await openai(["inviteUser", "--data", `@${file}`]);
    expect(run.stderr).toMatch(/role: '"admin"' is not one of/);
    expect(run.code).toBe(2);
    expect(server.requests.length).toBe(before);
  });

  it("--raw prints the status line and headers before the body; --header sends a header", async () => {
    server.reply({ headers: { "x-request-id": "req_9" }, body: invite("r1") });
    const run = await openai(["retrieveInvite", "invite_id=r1", "--raw", "--header", "X-Trace: abc"]);
    expect(run.code).toBe(0);
    const [head, body] = run.stdout.split("\n\n");
    expect(head).toMatch(/^HTTP 200 OK\n/);
    expect(head).toContain("x-request-id: req_9");
    expect(JSON.parse(body!)).toEqual(invite("r1"));
    expect(server.requests.at(-1)!.headers["x-trace"]).toBe("abc");
  });

  it("--verbose logs the request and response on stderr with the credential redacted, and the request id", async () => {
    server.reply({ headers: { "x-request-id": "req_v1" }, body: invite("v1") });
    const run = await openai(["retrieveInvite", "invite_id=v1", "--verbose"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^request id: req_v1$/m);
    expect(JSON.parse(run.stdout)).toEqual(invite("v1"));
    expect(run.stderr).toMatch(/request GET http:\/\/127\.0\.0\.1:\d+\/organization\/invites\/v1/);
    expect(run.stderr).toMatch(/response 200/);
    expect(run.stderr).not.toContain("sk-admin-secret");
    expect(run.stderr).toContain("***");
  });
});

describe("help and completion", () => {
  it.each([
    ["openai", ["--help"], "openai-help.txt"],
    ["openai", ["listInvites", "--help"], "openai-listInvites-help.txt"],
    ["openai", ["inviteUser", "--help"], "openai-inviteUser-help.txt"],
    ["trieve", ["help", "postInvitation"], "trieve-postInvitation-help.txt"],
  ])("%s %s", async (provider, args, snapshot) => {
    const run = await cli.run(provider, args);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`./snapshots/${snapshot}`);
  });

  it("no operation at all is a usage error pointing to --help", async () => {
    const run = await cli.run("openai", []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Run 'openai-client --help' for usage.");
  });

  it("completion bash completes operations, parameters and enum values in a real bash", async () => {
    const script = (await cli.run("openai", ["completion", "bash"])).stdout;
    const file = join(files, "completion.bash");
    writeFileSync(file, script);
    const complete = async (...words: string[]) => {
      const line = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _openai_client; echo "\${COMPREPLY[*]}"`;
      return (await promisify(execFile)("bash", ["-c", line])).stdout.trim();
    };
    expect(await complete("openai-client", "list")).toBe("listInvites list-invites");
    expect(await complete("openai-client", "listInvites", "li")).toBe("limit=");
    expect(await complete("openai-client", "inviteUser", "role", "=", "")).toBe("reader owner");
  });

  it("completion zsh defines the completion function with the operations' summaries", async () => {
    const run = await cli.run("openai", ["completion", "zsh"]);
    expect(run.stdout).toMatch(/^#compdef openai-client\n/);
    expect(run.stdout).toContain("'listInvites:List invites'");
    expect(run.stdout).toContain("compdef _openai_client openai-client");
    const bad = await cli.run("openai", ["completion", "fish"]);
    expect(bad.code).toBe(2);
  });
});

it("runs from the repository root with no build step: node --import tsx generated/openai/src/cli.ts", async () => {
  server.reply({ body: { object: "list", data: [invite("invite-xyz")], has_more: false } });
  const run = await runNode(
    [
      "--import",
      "tsx",
      "generated/openai/src/cli.ts",
      "listInvites",
      "limit=2",
      "after=invite-abc",
      "--base-url",
      server.baseURL,
    ],
    { env: OPENAI },
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).data[0].id).toBe("invite-xyz");
  expect(server.requests.at(-1)!.url).toBe("/organization/invites?limit=2&after=invite-abc");
}, 30_000);

describe("streaming and interrupts", () => {
  /** A server whose second page waits until the test lets it go. */
  async function gatedServer() {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const srv = await startHttpServer(async (req, res) => {
      const page = req.n - 1;
      if (page > 0) await gate;
      reply(res, 200, { object: "list", data: [invite(`p${page}`)], has_more: page === 0 });
    });
    return { baseURL: srv.url, release, close: () => srv.close() };
  }

  const spawnBundle = async (args: string[]) => {
    const { spawn } = await import("node:child_process");
    return spawn(process.execPath, [join(cli.dir, "openai.mjs"), ...args], {
      env: { PATH: process.env.PATH ?? "", ...OPENAI },
      stdio: ["ignore", "pipe", "pipe"],
    });
  };

  it("--all prints the first page's items before the second page has arrived", async () => {
    const srv = await gatedServer();
    try {
      const child = await spawnBundle(["listInvites", "--all", "--base-url", srv.baseURL]);
      let out = "";
      const firstLine = new Promise<string>((resolve) =>
        child.stdout.on("data", (c: Buffer) => ((out += c.toString()), out.includes("\n") && resolve(out))),
      );
      // The second page is held back until the first item has been printed: streaming, not collected.
      expect(JSON.parse((await firstLine).split("\n")[0]!).id).toBe("p0");
      srv.release();
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(0);
      expect(
        out
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l).id),
      ).toEqual(["p0", "p1"]);
    } finally {
      srv.release();
      await srv.close();
    }
  });

  it("Ctrl-C (SIGINT) aborts the request in flight: exit 130", async () => {
    const srv = await gatedServer();
    try {
      const child = await spawnBundle(["listInvites", "--all", "--base-url", srv.baseURL]);
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      // Once the first page is printed, the second request is waiting at the gate.
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(130);
      expect(stderr).toContain("interrupted");
    } finally {
      srv.release();
      await srv.close();
    }
  });
});
