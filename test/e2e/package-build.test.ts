import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { tscBin } from "../helpers/tsc.js";

const run = promisify(execFile);

/**
 * A generated package builds the way its README says (`npm run build`, i.e. `tsc -p tsconfig.build.json`),
 * every `exports` entry points at files the build wrote, and the built JavaScript runs in plain Node
 * (no tsx, no TypeScript) against a server on 127.0.0.1, in both calling styles.
 */
describe("generated/openai built as a package", () => {
  let dir: string;
  let server: RecordingServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "clientgen-build-"));
    cpSync(join(projectRoot, "generated", "openai"), dir, { recursive: true });
    server = await startRecordingServer();
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("npm run build is tsc over tsconfig.build.json, and it emits every exported file", async () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      exports: Record<string, { types: string; import: string }>;
    };
    expect(pkg.scripts.build).toBe("tsc -p tsconfig.build.json");
    await run(process.execPath, [tscBin, "-p", "tsconfig.build.json"], { cwd: dir });
    const missing = Object.values(pkg.exports)
      .flatMap((entry) => [entry.types, entry.import])
      .filter((file) => !existsSync(join(dir, file)));
    expect(missing).toEqual([]);
  }, 120_000);

  it("the built JavaScript sends requests in both styles", async () => {
    server.reply({
      status: 200,
      body: { object: "list", data: [{ id: "invite-1", email: "a@example.com" }], has_more: false },
    });
    const script = join(dir, "use-built.mjs");
    writeFileSync(
      script,
      [
        `import OpenAI from "./dist/index.js";`,
        `import { InvitesApi } from "./dist/builder.js";`,
        `const options = { adminApiKey: "sk-admin-test", baseURL: ${JSON.stringify(server.baseURL)}, maxRetries: 0 };`,
        `const flat = [];`,
        `for await (const invite of new OpenAI(options).organization.invites.list({ limit: 5 })) flat.push(invite.id);`,
        `const page = await new InvitesApi(options).listInvites().limit(7).execute();`,
        `console.log(JSON.stringify({ flat, builder: page.items.map((i) => i.id) }));`,
      ].join("\n"),
    );
    const { stdout } = await run(process.execPath, [script], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ flat: ["invite-1"], builder: ["invite-1"] });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /organization/invites?limit=5",
      "GET /organization/invites?limit=7",
    ]);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-admin-test");
  });

  it("the built dist/cli.js is the package's bin: installed in another project, npx openai-client sends the request", async () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ "openai-client": "./dist/cli.js" });
    expect(readFileSync(join(dir, "dist", "cli.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    const consumer = join(dir, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    // A folder install: no registry is asked, and npm links the bin into node_modules/.bin.
    await run("npm", ["install", "--offline", "--no-audit", "--no-fund", dir], { cwd: consumer });
    server.reply({ status: 200, body: { object: "list", data: [{ id: "invite-9" }], has_more: false } });
    const env = { ...process.env, OPENAI_ADMIN_KEY: "sk-admin-test" };
    const { stdout } = await run(
      "npx",
      ["--no-install", "openai-client", "listInvites", "limit=3", "--base-url", server.baseURL],
      { cwd: consumer, env },
    );
    expect(JSON.parse(stdout).data).toEqual([{ id: "invite-9" }]);
    expect(server.requests.at(-1)!.url).toBe("/organization/invites?limit=3");
  }, 120_000);

  describe("used from CommonJS (Node 20.19+ and 22.12+ require() ESM)", () => {
    let project: string;
    /** A consumer project of the given module type with the built package in its node_modules. */
    const consumer = (name: string, type: "commonjs" | "module"): string => {
      const root = join(project, name);
      mkdirSync(join(root, "node_modules"), { recursive: true });
      symlinkSync(dir, join(root, "node_modules", "openai-client"), "dir");
      writeFileSync(join(root, "package.json"), JSON.stringify({ name, private: true, type }));
      writeFileSync(
        join(root, "index.ts"),
        [
          `import OpenAI from "openai-client";`,
          `import { InvitesApi } from "openai-client/builder";`,
          `import type { Invite } from "openai-client/models";`,
          `export const made: [OpenAI, InvitesApi, Invite[]] = [new OpenAI({ adminApiKey: "k" }), new InvitesApi({ adminApiKey: "k" }), []];`,
        ].join("\n"),
      );
      return root;
    };
    const tsc = async (cwd: string, module: string, resolution: string): Promise<string> => {
      const args = ["--noEmit", "--strict", "--target", "es2022", "--module", module, "--moduleResolution", resolution];
      try {
        await run(process.execPath, [tscBin, ...args, "index.ts"], { cwd });
        return "";
      } catch (err) {
        return String((err as { stdout?: string }).stdout || err);
      }
    };

    beforeAll(() => {
      project = mkdtempSync(join(tmpdir(), "clientgen-cjs-"));
    });
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it("a .cjs file require()s every entry of the built package and sends requests in both styles", async () => {
      const root = consumer("plain", "commonjs");
      server.reply({ status: 200, body: { object: "list", data: [{ id: "invite-c" }], has_more: false } });
      writeFileSync(
        join(root, "main.cjs"),
        [
          `const { default: OpenAI } = require("openai-client");`,
          `const { InvitesApi } = require("openai-client/builder");`,
          `const entries = ["core", "operations", "models"].map((e) => typeof require("openai-client/" + e));`,
          `const options = { adminApiKey: "sk-cjs", baseURL: ${JSON.stringify(server.baseURL)}, maxRetries: 0 };`,
          `(async () => {`,
          `  const flat = await new OpenAI(options).organization.invites.list({ limit: 1 });`,
          `  const page = await new InvitesApi(options).listInvites().limit(2).execute();`,
          `  console.log(JSON.stringify({ entries, flat: flat.items.map((i) => i.id), builder: page.items.map((i) => i.id) }));`,
          `})();`,
        ].join("\n"),
      );
      const { stdout, stderr } = await run(process.execPath, ["main.cjs"], { cwd: root });
      expect(JSON.parse(stdout)).toEqual({
        entries: ["object", "object", "object"],
        flat: ["invite-c"],
        builder: ["invite-c"],
      });
      expect(stderr).not.toMatch(/ERR_|Error/);
      expect(server.requests.slice(-2).map((r) => r.url)).toEqual([
        "/organization/invites?limit=1",
        "/organization/invites?limit=2",
      ]);
    });

    it("type-checks with the module settings the README names, and node16 in CommonJS fails as it says", async () => {
      const cjs = consumer("typed-cjs", "commonjs");
      const esm = consumer("typed-esm", "module");
      const [cjsNodeNext, cjsBundler, cjsNode16, esmNode16, esmNodeNext, esmBundler] = await Promise.all([
        tsc(cjs, "nodenext", "nodenext"),
        tsc(cjs, "preserve", "bundler"),
        tsc(cjs, "node16", "node16"),
        tsc(esm, "node16", "node16"),
        tsc(esm, "nodenext", "nodenext"),
        tsc(esm, "esnext", "bundler"),
      ]);
      expect({ cjsNodeNext, cjsBundler, esmNode16, esmNodeNext, esmBundler }).toEqual({
        cjsNodeNext: "",
        cjsBundler: "",
        esmNode16: "",
        esmNodeNext: "",
        esmBundler: "",
      });
      expect(cjsNode16).toContain("TS1479");
    }, 120_000);
  });
});
