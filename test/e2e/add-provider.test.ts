import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, projectRoot } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { tscErrors } from "../helpers/tsc.js";

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "clientgen-provider-"));
let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** Adding a provider is adding a folder: no code change, a working, type-checked package comes out. */
describe("a new provider folder", () => {
  it("generates a package that type-checks and calls its API", async () => {
    cpSync(fixture("specs", "minimal.yaml"), join(work, "specs", "pets", "openapi.yaml"));
    await exec(
      process.execPath,
      [join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), join(projectRoot, "src", "cli.ts"), "generate"],
      { cwd: work },
    );
    const pkg = join(work, "generated", "pets");
    expect(await tscErrors("--noEmit", "-p", pkg)).toBe("");

    const { default: Pets } = (await import(pathToFileURL(join(pkg, "src", "index.ts")).href)) as {
      default: new (
        o: object,
      ) => { pets: { retrieve(id: string): Promise<unknown>; create(p: object): Promise<unknown> } };
    };
    server.reply({ body: { id: "p1", name: "Rex" } });
    const client = new Pets({ apiKey: "k", baseURL: server.baseURL });
    expect(await client.pets.retrieve("p1")).toEqual({ id: "p1", name: "Rex" });
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", path: "/pets/p1" });
    expect(server.requests.at(-1)!.headers["x-api-key"]).toBe("k");
    await client.pets.create({ id: "p2", name: "Tom" });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ id: "p2", name: "Tom" });
  });
});
