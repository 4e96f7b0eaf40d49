import { describe, expect, it } from "vitest";
import type { Pointer } from "../../src/load/json-pointer.js";
import { originalPointer } from "../../src/load/swagger-pointers.js";

/** A Swagger 2.0 operation and its OpenAPI 3 conversion, cut down to what the mapping reads. */
const original = {
  paths: {
    "/pets": {
      get: {
        parameters: [
          { name: "body", in: "body", schema: {} },
          { name: "limit", in: "query", type: "integer" },
        ],
      },
      post: {
        parameters: [
          { name: "name", in: "formData", type: "string" },
          { name: "photo", in: "formData", type: "file" },
        ],
      },
    },
  },
};
const converted = {
  paths: { "/pets": { get: { parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }] } } },
};

const cases: Array<[string, Pointer, Pointer]> = [
  [
    "a schema moves back to definitions",
    ["components", "schemas", "Pet", "properties", "name"],
    ["definitions", "Pet", "properties", "name"],
  ],
  [
    "a security scheme to securityDefinitions",
    ["components", "securitySchemes", "key", "in"],
    ["securityDefinitions", "key", "in"],
  ],
  [
    "a shared response's schema",
    ["components", "responses", "NotFound", "content", "application/json", "schema", "type"],
    ["responses", "NotFound", "schema", "type"],
  ],
  [
    "a parameter by name and place; its schema's fields sit on the parameter",
    ["paths", "/pets", "get", "parameters", 0, "schema", "type"],
    ["paths", "/pets", "get", "parameters", 1, "type"],
  ],
  [
    "the request body to the body parameter",
    ["paths", "/pets", "get", "requestBody", "content", "application/json", "schema", "$ref"],
    ["paths", "/pets", "get", "parameters", 0, "schema", "$ref"],
  ],
  [
    "a form field to its formData parameter",
    [
      "paths",
      "/pets",
      "post",
      "requestBody",
      "content",
      "multipart/form-data",
      "schema",
      "properties",
      "photo",
      "format",
    ],
    ["paths", "/pets", "post", "parameters", 1, "format"],
  ],
  [
    "a response schema out of content",
    ["paths", "/pets", "get", "responses", "200", "content", "application/json", "schema", "items"],
    ["paths", "/pets", "get", "responses", "200", "schema", "items"],
  ],
  ["servers to host", ["servers", 0, "url"], ["host"]],
  ["anything else unchanged", ["info", "title"], ["info", "title"]],
];

describe("originalPointer (converted OpenAPI 3 → Swagger 2.0 original)", () => {
  it.each(cases)("%s", (_, pointer, expected) => {
    expect(originalPointer(pointer, converted, original)).toEqual(expected);
  });
});
