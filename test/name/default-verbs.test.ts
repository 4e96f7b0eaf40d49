import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/load/provider-config.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/model/build-model.js";
import { resourceSegments } from "../../src/name/default-names.js";
import { nameApi } from "../../src/name/name-api.js";
import { fixture, generateFrom, projectRoot } from "../helpers/generate.js";

const named = () => {
  const { spec } = loadSpec(fixture("specs", "rest-verbs.yaml"), projectRoot);
  return nameApi(buildModel(spec!, emptyConfig()), "verbs");
};

/** The flat style's call for each operation, and the type its promise resolves to, when clientgen.yaml names nothing. */
describe("default resource, method and response type names", () => {
  const api = named();
  const byKey = new Map(api.operations.map((o) => [`${o.op.method.toUpperCase()} ${o.op.path}`, o]));
  it.each([
    ["GET /status", "client.status.retrieve", "GetStatusResponse"],
    ["GET /alerts/groups", "client.alerts.groups.list", "GetAlertGroupsResponse"],
    ["GET /jobs", "client.jobs.list", "GetListOfJobsResponse"],
    ["GET /jobs/{id}/transcript", "client.jobs.transcript.retrieve", "GetTranscriptByIdResponse"],
    ["GET /jobs/{id}/captions", "client.jobs.captions.retrieve", "GetCaptionsResponse"],
    ["POST /files/v3/files", "client.files.create", "UploadResponse"],
    ["GET /files/v3/folders/{folderId}", "client.files.folders.retrieve", "GetFolderByIdResponse"],
    ["GET /v2beta/widgets", "client.widgets.list", "ListWidgetsResponse"],
    ["GET /models", "client.models.list", "ListModelsResponse"],
    ["POST /chat/completions", "client.chat.completions.create", "CreateChatCompletionResponse"],
    ["DELETE /files/{file_id}", "client.files.delete", "DeleteFileResponse"],
  ])("%s → %s(), resolving to %s", (key, call, responseType) => {
    const op = byKey.get(key)!;
    expect(["client", ...op.flat.properties, op.flat.method].join(".")).toBe(call);
    expect(op.responseType).toBe(responseType);
  });

  it("warns about no rename: a response that is its schema's alias is not a clash", () => {
    expect(api.warnings.filter((w) => w.rule === "name-clash")).toEqual([]);
  });
});

describe("resource segments of a path", () => {
  it.each([
    ["/v1/user/invites/{id}", ["user", "invites"]],
    ["/api/v2/things", ["things"]],
    ["/files/v3/files", ["files"]],
    ["/files/v3/files/{id}/signed-url", ["files", "signedUrl"]],
    ["/crm/v3/objects/contacts", ["crm", "objects", "contacts"]],
    ["/projects/v1beta1/locations", ["projects", "locations"]],
    ["/videos/v2.1/videos", ["videos"]],
    ["/users/{id}/users", ["users", "users"]],
    ["/vault/versions", ["vault", "versions"]],
  ])("%s → %j", (path, segments) => {
    expect(resourceSegments(path)).toEqual(segments);
  });
});

describe("models.ts for a response that is one $ref to a schema named like its response type", () => {
  it("uses the schema's alias, without a numbered copy", async () => {
    const result = await generateFrom(fixture("specs", "rest-verbs.yaml"), "verbs");
    const models = result.files!.get("src/models.ts")!;
    expect(models).not.toMatch(/Response2\b/);
    expect(models.match(/export type CreateChatCompletionResponse\b/g)).toHaveLength(1);
    expect(models).toContain('export type ListModelsResponse = components["schemas"]["ListModelsResponse"];');
    expect(models).toContain("export type DeleteFileResponse = Model;");
    expect(result.files!.get("src/resources/chat/completions.ts")).toContain(
      "APIPromise<CreateChatCompletionResponse>",
    );
  }, 30_000);
});
