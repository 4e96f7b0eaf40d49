import { describe, expect, it } from "vitest";
import { emitOperations } from "../../../src/emit/code/emit-operations.js";
import { emitFlat } from "../../../src/emit/styles/flat/emit-flat.js";
import { nameApi } from "../../../src/name/name-api.js";
import { jsonResponse, modelOf, queryParams, specWith } from "../../helpers/model.js";

const spec = specWith({
  "/things/{thing_id}": {
    get: { operationId: "getThing", parameters: queryParams("expand"), responses: jsonResponse({ type: "string" }) },
    parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string" } }],
  },
});

const text = (files: Map<string, string>) => [...files.values()].join("\n");

describe("the arguments generated functions share are named by the name stage", () => {
  it("are client, params and options, and no path argument takes one", () => {
    const api = nameApi(modelOf(spec), "acme");
    expect(api.locals).toEqual({ client: "client", params: "params", options: "options" });
    const clash = nameApi(
      modelOf(
        specWith({
          "/a/{options}": {
            get: {
              operationId: "op",
              parameters: [{ name: "options", in: "path", required: true, schema: { type: "string" } }],
              responses: jsonResponse({ type: "string" }),
            },
          },
        }),
      ),
      "acme",
    );
    expect(clash.operations[0]!.pathArgs[0]!.key).not.toBe(clash.locals.options);
  });

  it("are what the standalone functions and the flat methods write", () => {
    const api = nameApi(modelOf(spec), "acme");
    const renamed = { ...api, locals: { client: "core", params: "input", options: "perRequest" } };
    // Heads longer than a line are wrapped one parameter a line: compared on one line.
    const operations = text(emitOperations(renamed)).replace(/\s+/g, " ").replace(/\( /g, "(").replace(/,? \)/g, ")");
    expect(operations).toContain(
      "export function getThing(core: ClientCore, thingId: string, input?: GetThingParams, perRequest?: RequestOptions)",
    );
    expect(operations).toContain(
      "return core.request<GetThingResponse>(getThingSpec, { thing_id: thingId }, input, perRequest);",
    );
    const flat = text(emitFlat(renamed));
    expect(flat).toMatch(/\w+\(thingId: string, input\?: GetThingParams, perRequest\?: RequestOptions\)/);
    expect(flat).toMatch(/return getThing\([^)]*, thingId, input, perRequest\);/);
  });
});
