import { getAt, type Pointer } from "./json-pointer.js";
import { isObject, type Json } from "./json-helpers.js";

/** Where the converter moves Swagger 2.0's top-level maps. */
const COMPONENT_HOMES: Record<string, string> = {
  schemas: "definitions",
  parameters: "parameters",
  responses: "responses",
  securitySchemes: "securityDefinitions",
  requestBodies: "parameters",
};

/**
 * Maps a pointer into the converted OpenAPI 3 document back to the Swagger 2.0 original, so a
 * problem found after conversion is shown on the line the author wrote. Where the two differ in
 * shape (a body parameter became `requestBody`, a response's `schema` moved under `content`), the
 * result stops at the nearest part that exists in both; the caller locates its deepest existing prefix.
 */
export function originalPointer(pointer: Pointer, converted: Json, original: Json): Pointer {
  const [head, kind, name, ...rest] = pointer;
  if (head === "components" && typeof kind === "string" && COMPONENT_HOMES[kind] && name !== undefined) {
    return [COMPONENT_HOMES[kind]!, name, ...inside(rest)];
  }
  if (head === "servers") return ["host"];
  if (head === "paths" && kind !== undefined && name !== undefined) {
    const op: Pointer = ["paths", kind, name];
    return [...op, ...operationPart(rest, getAt(converted, op), getAt(original, op))];
  }
  return pointer;
}

/** Inside one operation (or path item): parameters by name and place, the body, response schemas. */
function operationPart(rest: Pointer, convertedOp: unknown, originalOp: unknown): Pointer {
  const [first, second, ...tail] = rest;
  const params =
    isObject(originalOp) && Array.isArray(originalOp.parameters) ? (originalOp.parameters as unknown[]) : [];
  const indexWhere = (test: (p: Json) => boolean) => params.findIndex((p) => isObject(p) && test(p));
  if (
    first === "parameters" &&
    second !== undefined &&
    isObject(convertedOp) &&
    Array.isArray(convertedOp.parameters)
  ) {
    const param = convertedOp.parameters[Number(second)];
    const at = isObject(param) ? indexWhere((p) => p.name === param.name && p.in === param.in) : -1;
    return at < 0 ? ["parameters"] : ["parameters", at, ...(tail[0] === "schema" ? tail.slice(1) : tail)];
  }
  if (first === "requestBody") {
    // requestBody / content / <media type> / schema / properties / <form field> / …
    const body = rest.slice(1);
    const property = body[3] === "properties" ? body[4] : undefined;
    const form = property === undefined ? -1 : indexWhere((p) => p.in === "formData" && p.name === property);
    if (form >= 0) return ["parameters", form, ...body.slice(5)];
    const at = indexWhere((p) => p.in === "body");
    return at < 0 ? [] : ["parameters", at, ...(body[0] === "content" ? body.slice(2) : [])];
  }
  if (first === "responses" && second !== undefined) return ["responses", second, ...inside(tail)];
  return rest;
}

/** A response's `content/<media type>/schema` is Swagger's `schema`; a header's `schema/type` is its `type`. */
function inside(rest: Pointer): Pointer {
  if (rest[0] === "content" && rest[2] === "schema") return ["schema", ...rest.slice(3)];
  if (rest[0] === "headers" && rest[2] === "schema") return ["headers", rest[1]!, ...rest.slice(3)];
  if (rest[0] === "schema") return rest.slice(1);
  return rest;
}
