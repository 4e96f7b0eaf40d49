import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../../src/emit/code/emit-types.js";
import { inferDiscriminatorMappings } from "../../../src/emit/code/infer-discriminator-mappings.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (role: Record<string, unknown>) => ({
  type: "object",
  required: ["role"],
  properties: { role: { type: "string", ...role } },
});

/** A oneOf discriminated by `role`, as OpenAI's chat messages are: each member names its own value. */
function spec(): OpenAPI3 {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      schemas: {
        Message: {
          oneOf: [ref("User"), ref("Tool"), ref("Named"), ref("Mapped"), ref("Inherited")],
          discriminator: { propertyName: "role", mapping: { assistant: "#/components/schemas/Mapped" } },
        },
        User: object({ enum: ["user"] }),
        Tool: object({ const: "tool" }),
        // Two values: no one value to map, so the name stands (OpenAPI's rule).
        Named: object({ enum: ["a", "b"] }),
        // Already mapped by the spec: left alone although its enum says otherwise.
        Mapped: object({ enum: ["system"] }),
        Inherited: { allOf: [ref("Base"), { type: "object", properties: { text: { type: "string" } } }] },
        Base: object({ enum: ["developer"] }),
      },
    },
  } as unknown as OpenAPI3;
}

describe("inferDiscriminatorMappings", () => {
  it("maps each unmapped member from its one-value enum or const, through allOf too, and leaves the rest", () => {
    const doc = spec();
    inferDiscriminatorMappings(doc);
    expect((doc.components!.schemas!.Message as { discriminator: unknown }).discriminator).toEqual({
      propertyName: "role",
      mapping: {
        assistant: "#/components/schemas/Mapped",
        user: "#/components/schemas/User",
        tool: "#/components/schemas/Tool",
        developer: "#/components/schemas/Inherited",
      },
    });
  });

  it("types.ts then types each member's property with its own value, not its schema name", () => {
    const types = emitTypes({
      data: spec() as unknown as Record<string, unknown>,
      source: { file: "t", hash: "0" },
    }).get("src/types.ts")!;
    const member = (name: string) => types.slice(types.indexOf(`${name}: {`)).split("};")[0]!;
    expect(member("User")).toContain('role: "user"');
    expect(member("Tool")).toContain('role: "tool"');
    expect(member("Named")).toContain('role: "Named"');
    expect(member("Mapped")).toContain('role: "assistant"');
  });
});
