import type { HttpMethod } from "../runtime/types.js";
import { deref } from "./follow-ref.js";
import { HTTP_METHODS, isObject, str, type Json } from "./json-helpers.js";
import type { Pointer } from "./json-pointer.js";

/** One operation of a spec, as the check rules and the model builder walk them. */
export interface SpecOperation {
  path: string;
  method: HttpMethod;
  /** The path item, its `$ref` followed. */
  pathItem: Json;
  operation: Json;
  /** How clientgen.yaml and every message name the operation: see operationKey. */
  key: string;
  /** `["paths", path, method]`. */
  pointer: Pointer;
}

/**
 * The operationId, else `METHOD /path`: the key clientgen.yaml's `operations` use. A blank
 * operationId counts as none, as it does for naming.
 */
export const operationKey = (operation: Json, method: HttpMethod, path: string): string =>
  str(operation.operationId) ?? `${method.toUpperCase()} ${path}`;

/** Every operation of the document in spec order: paths as written, methods in OpenAPI's order. */
export function* eachOperation(root: Json): Generator<SpecOperation> {
  const paths = isObject(root.paths) ? root.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = deref(root, rawItem).value;
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      yield {
        path,
        method,
        pathItem,
        operation,
        key: operationKey(operation, method, path),
        pointer: ["paths", path, method],
      };
    }
  }
}
