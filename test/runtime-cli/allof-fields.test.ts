import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliBundles } from "../helpers/cli-bundle.js";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";

/**
 * Body fields written as `allOf: [{ $ref }]` beside a description (as rev.ai's spec writes them), inside a
 * body that is itself `allOf: [{ $ref: Base }, { properties }]`: the command line converts and checks
 * them by the referenced type, and shows that type in the operation's help.
 */
let server: RecordingServer;
let dir: string;
const cli = new CliBundles();
beforeAll(async () => {
  dir = await generateIntoTemp(fixture("specs", "allof-body.yaml"), "allof");
  [server] = await Promise.all([startRecordingServer(), cli.buildPackage("allof", dir)]);
}, 60_000);
afterAll(async () => {
  await server.close();
  cli.remove();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => cli.run("allof", [...args, "--base-url", server.baseURL, "--max-retries", "0"]);

describe("allOf body fields on the command line", () => {
  it("sends a boolean, integers and an enum member as JSON values, not strings", async () => {
    server.reply({ status: 200, body: { id: "j1", status: "in_progress" } });
    const before = server.requests.length;
    const out = await run(
      "submitJob",
      "media_url=https://x.test/a.mp3",
      "skip_diarization=true",
      "speaker_channels_count=2",
      "delete_after_seconds=60",
      "language=es",
    );
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      media_url: "https://x.test/a.mp3",
      skip_diarization: true,
      speaker_channels_count: 2,
      delete_after_seconds: 60,
      language: "es",
    });
  });

  const refused: [string, string, RegExp][] = [
    ["a value outside the referenced enum", "language=xx", /language: 'xx' is not one of "en" \| "es" \| "fr"/],
    ["a word for a referenced boolean", "skip_diarization=yes", /skip_diarization: expected boolean, got 'yes'/],
    ["a word for a referenced integer", "speaker_channels_count=two", /speaker_channels_count: expected integer/],
  ];
  it.each(refused)("refuses %s before sending anything", async (_, arg, message) => {
    const before = server.requests.length;
    const out = await run("submitJob", "media_url=u", arg);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(server.requests.length).toBe(before);
  });

  it("shows the referenced types in the operation's help", async () => {
    const out = await run("submitJob", "--help");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/skip_diarization +boolean +no +false/);
    expect(out.stdout).toMatch(/language +"en" \| "es" \| "fr" +no +"en"/);
    expect(out.stdout).toMatch(/speaker_channels_count +integer/);
    expect(out.stdout).not.toMatch(/^ +\w+ +any /m);
  });
});
