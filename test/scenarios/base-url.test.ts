/**
 * Where a client sends its requests: the `baseURL` option, else `<PREFIX>_BASE_URL`, else the spec's
 * server. A spec whose only server is a path (Alertmanager's `/api/v2/`) gives no URL to call from Node:
 * every style says so at once, before sending and without retrying, naming the option and the variable.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliBundles } from "../helpers/cli-bundle.js";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { reply, startHttpServer, type HttpServer } from "../helpers/http-server.js";

const ENV = "ALERTS_BASE_URL";
let dir: string;
let server: HttpServer;
/** A server nothing should reach: the option beats the variable, the variable the spec. */
let wrong: HttpServer;
const cli = new CliBundles();

type Call = (options: object) => Promise<unknown>;
let styles: Record<"flat" | "builder", Call>;

beforeAll(async () => {
  dir = await generateIntoTemp(fixture("specs", "relative-server.yaml"), "alerts");
  server = await startHttpServer((_req, res) => reply(res, 200, { uptime: "1h" }));
  wrong = await startHttpServer((_req, res) => reply(res, 500, {}));
  // The generated modules are only known at run time (their types are checked by the typecheck test of generated/).
  const { default: Alerts } = (await import(`${dir}/src/index.ts`)) as { default: new (o: object) => any };
  const { StatusApi } = (await import(`${dir}/src/builder.ts`)) as { StatusApi: new (o: object) => any };
  styles = {
    flat: (o) => new Alerts({ logLevel: "off", ...o }).status.retrieve(),
    builder: (o) => new StatusApi({ logLevel: "off", ...o }).getStatus().execute(),
  };
  await cli.buildPackage("alerts", dir);
});

afterAll(async () => {
  delete process.env[ENV];
  await Promise.all([server.close(), wrong.close(), rm(dir, { recursive: true, force: true })]);
  cli.remove();
});

/** Runs `fn` with the environment variable set (or unset), then restores it. */
async function withEnv<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (value === undefined) delete process.env[ENV];
  else process.env[ENV] = value;
  try {
    return await fn();
  } finally {
    delete process.env[ENV];
  }
}

describe.each(["flat", "builder"] as const)("base URL (%s style)", (style) => {
  it("without one, fails at once, sends nothing, and says how to give it", async () => {
    let sent = 0;
    const fetch = () => {
      sent++;
      return Promise.reject(new TypeError("fetch failed"));
    };
    const started = Date.now();
    const err = (await withEnv(undefined, () => styles[style]({ fetch, maxRetries: 2 })).catch((e) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(400);
    expect(sent).toBe(0);
    expect(err.name).toBe("SDKError");
    expect(err.message).toContain("Alerts needs an absolute base URL, not `/api/v2`");
    expect(err.message).toContain("`baseURL`");
    expect(err.message).toContain(ENV);
  });

  it("reads <PREFIX>_BASE_URL when no option is given", async () => {
    const before = server.requests.length;
    await expect(withEnv(`${server.url}/api/v2/`, () => styles[style]({}))).resolves.toEqual({ uptime: "1h" });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/api/v2/status"]);
  });

  it("takes the baseURL option over the variable", async () => {
    const before = server.requests.length;
    const got = await withEnv(wrong.url, () => styles[style]({ baseURL: `${server.url}/v9` }));
    expect(got).toEqual({ uptime: "1h" });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/v9/status"]);
    expect(wrong.requests).toEqual([]);
  });
});

describe("base URL (command line)", () => {
  it("without one, exits 2 at once naming --base-url and the variable", async () => {
    const run = await cli.run("alerts", ["getStatus"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("needs an absolute base URL");
    expect(run.stderr).toContain(ENV);
    expect(run.stderr).toContain("on the command line: --base-url URL");
  });

  it("reads the variable, and --base-url wins over it", async () => {
    const before = server.requests.length;
    const fromEnv = await cli.run("alerts", ["getStatus"], { env: { [ENV]: `${server.url}/api/v2` } });
    expect([fromEnv.code, fromEnv.stderr]).toEqual([0, ""]);
    expect(JSON.parse(fromEnv.stdout)).toEqual({ uptime: "1h" });
    const fromFlag = await cli.run("alerts", ["getStatus", "--base-url", `${server.url}/flag`], {
      env: { [ENV]: wrong.url },
    });
    expect(fromFlag.code).toBe(0);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/api/v2/status", "/flag/status"]);
    expect(wrong.requests).toEqual([]);
  });

  it("names the variable in --help", async () => {
    const help = await cli.run("alerts", ["--help"]);
    expect(help.stdout).toMatch(/--base-url URL\s+server to call \(default \/api\/v2\/; or ALERTS_BASE_URL\)/);
  });
});
