import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientgenBin, runClientgen as clientgen } from "../helpers/run-cli.js";
import { fixture } from "../helpers/generate.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-lint-"));
/** util-linux's `script` runs a command on a pseudo-terminal, which is what colour depends on. */
const hasScript = ((): boolean => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `clientgen lint`: every diagnostic generate would give, nothing written, exit 1 on errors. */
describe("clientgen lint", () => {
  it("reports every error of every provider, located, exits 1, and writes nothing", async () => {
    const specs = join(work, "specs");
    cpSync(fixture("specs", "broken", "path-param-missing.yaml"), join(specs, "pets", "openapi.yaml"));
    cpSync(fixture("specs", "broken-config"), join(specs, "configured"), { recursive: true });
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "fine", "openapi.yaml"));
    const result = await clientgen(["lint", "--specs", specs], work);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/specs\/pets\/openapi\.yaml:7:5 error\[path-param-missing\]/);
    expect(result.stderr).toMatch(
      /specs\/configured\/clientgen\.yaml:2:1 error\[config-invalid\] unknown key 'credentails'/,
    );
    expect(result.stderr).toMatch(/^ {2}fine\s+4 operations\s+ok\s/m);
    expect(result.stderr).toMatch(/^ {2}pets\s+failed\s.*1 error$/m);
    expect(result.stderr).toMatch(/clientgen: 3 providers in \d+\.\d\d s: 2 failed, 1 ok/);
    expect(readdirSync(work).sort()).toEqual(["specs"]);
    expect(result.stderr).not.toContain("\u001b[");
  });

  it("--spec FILE (or a folder) and a provider name select what is linted; a clean spec exits 0", async () => {
    const clean = await clientgen(["lint", "--spec", fixture("specs", "multi-file")], work);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/multi-file\s+1 operation\s+ok/);
    const only = await clientgen(["lint", "--specs", join(work, "specs"), "fine"], work);
    expect(only.code).toBe(0);
    expect(only.stderr).toMatch(/^ {2}fine\s/m);
    expect(only.stderr).not.toMatch(/^ {2}(pets|configured)\s/m);
    expect(existsSync(join(work, "generated"))).toBe(false);
  });

  it("names a lone spec file for itself, not for the folder it sits in", async () => {
    const loose = join(work, "loose", "specs");
    cpSync(fixture("specs", "minimal.yaml"), join(loose, "github-api.yaml"));
    const result = await clientgen(["lint", "--spec", "../loose/specs/github-api.yaml"], join(work, "specs"));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^ {2}github-api\s+4 operations\s+ok/m);
    expect(result.stderr).not.toMatch(/^ {2}specs\s/m);
  });

  it.skipIf(!hasScript)("colours its output on a terminal, and not with NO_COLOR", () => {
    const command = `"${process.execPath}" "${clientgenBin}" lint --spec "${fixture("specs", "minimal.yaml")}"`;
    const onTerminal = (env: NodeJS.ProcessEnv) =>
      execFileSync("script", ["-qec", command, "/dev/null"], { env, encoding: "utf8" });
    const { NO_COLOR: _unset, ...withoutNoColor } = process.env;
    expect(onTerminal(withoutNoColor)).toContain("\u001b[32mok");
    expect(onTerminal({ ...withoutNoColor, NO_COLOR: "1" })).not.toContain("\u001b[");
  });
});

/** clientgen.yaml's pagination names response fields; lint finds those the response schema does not have. */
describe("clientgen lint on pagination keys", () => {
  it("reports items, a nested nextCursor or nextUrl and cursorItemField that are not fields, at their line in clientgen.yaml", async () => {
    const dir = fixture("specs", "broken-config-pagination");
    const result = await clientgen(["lint", "--spec", dir], work);
    expect(result.code).toBe(1);
    const at = (line: number) => new RegExp(`clientgen\\.yaml:${line}:7 error\\[config-mismatch\\] `);
    expect(result.stderr).toMatch(at(5));
    expect(result.stderr).toContain("pagination items 'nope' is not a field of listContacts's response");
    expect(result.stderr).toContain("hint: fields of the response: results, paging");
    expect(result.stderr).toMatch(at(7));
    expect(result.stderr).toContain("hint: did you mean 'after'? fields of 'paging.next': after, link");
    expect(result.stderr).toMatch(at(13));
    expect(result.stderr).toContain("pagination cursorItemField 'idX' is not a field of listNotes's list items");
    expect(result.stderr).toContain("fields of each item: id, email");
    // A next-URL pagination's field, nested, with what is there.
    expect(result.stderr).toMatch(at(25));
    expect(result.stderr).toContain("pagination nextUrl 'meta.next_url' is not a field of listLogs's response");
    expect(result.stderr).toContain("hint: fields of 'meta': next_page_url, page");
    // listJobs (a bare array, `items` left out, cursorItemField id) and listEvents (a top-level field
    // whose name has a dot) are right and not reported.
    expect(result.stderr).not.toMatch(/error\[.*(listJobs|listEvents)/);
    expect(result.stderr).toMatch(/4 errors/);
  });
});

/** Downloaded specs are one-line JSON: a finding shows a hundred characters around its column and its JSON pointer. */
describe("clientgen lint on a minified JSON spec", () => {
  it("clips the code frame around the column, keeps the caret on it, and names the pointer", async () => {
    const spec = fixture("specs", "minified.json");
    const result = await clientgen(["lint", "--spec", spec], work);
    expect(result.code).toBe(0);
    const rows = result.stderr.split("\n");
    const header = rows.findIndex((r) => r.includes("warning[name-clash] POST /jobs/{type}"));
    expect(rows[header]).toMatch(/minified\.json:1:\d+ /);
    const source = rows[header + 1]!;
    const caret = rows[header + 2]!.indexOf("^");
    expect(source.length).toBeLessThan(120);
    expect(source.slice(caret)).toMatch(/^"post":/);
    expect(rows).toContain("  at /paths/~1jobs~1{type}/post");
    expect(result.stderr).toMatch(/^ {2}minified\s+41 operations\s+ok/m);
    expect(result.stderr.length).toBeLessThan(1000);
  });
});
