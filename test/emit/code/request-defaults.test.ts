import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, generateFrom, generateIntoTemp } from "../../helpers/generate.js";
import { tscErrors } from "../../helpers/tsc.js";

const spec = fixture("specs", "defaults.yaml");

/** What a user writes: only the field the server cannot fill, then reads the filled ones back. */
const consumer = `import { Transcripts } from "./index.js";
const client = new Transcripts({ baseURL: "http://127.0.0.1:1" });
export async function use(): Promise<string> {
  const job = await client.jobs.create({ media_url: "https://example.com/a.mp3", notification: { url: "https://example.com/hook" } });
  const lang: string = job.language;
  const diarize: boolean = job.skip_diarization;
  const channels: number | null = job.speaker_channels_count;
  const status: "in_progress" | "transcribed" | "failed" = job.status;
  await client.jobs.list();
  // @ts-expect-error media_url has no default: it stays required
  await client.jobs.create({ language: "fr" });
  return [lang, diarize, channels, status, job.id].join();
}
`;

describe("fields and parameters with a default", () => {
  it("are optional in requests and required in the response that names them", () => {
    return generateFrom(spec).then((result) => {
      const models = result.files!.get("src/models.ts")!;
      const params = /export interface CreateJobParams \{[\s\S]*?\n\}/.exec(models)?.[0] ?? "";
      expect(params).toMatch(/skip_diarization\?: boolean;/);
      expect(params).toMatch(/language\?: string;/);
      expect(params).toMatch(/\bmedia_url: string;/);
      expect(models).toContain(
        'export type CreateJobResponse = Job & Required<Pick<Job, "skip_diarization" | "language" | "speaker_channels_count" | "status">>;',
      );
      expect(models).toMatch(/limit\?: /);
      const types = result.files!.get("src/types.ts")!;
      expect(types).toMatch(/skip_diarization\?: boolean;/);
      expect(types).toMatch(/auth_headers\?: boolean;/);
    });
  });

  it("let a caller pass only what the server cannot fill, and read the filled fields back", {
    timeout: 60_000,
  }, async () => {
    const dir = await generateIntoTemp(spec, "transcripts");
    try {
      await writeFile(join(dir, "src", "consumer.ts"), consumer);
      expect(await tscErrors("-p", join(dir, "tsconfig.json"))).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
