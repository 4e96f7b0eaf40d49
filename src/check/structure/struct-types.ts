import { createRequire } from "node:module";
import type * as RedoclyTypes from "@redocly/openapi-core/lib/types/index.js";
import type * as Oas2 from "@redocly/openapi-core/lib/types/oas2.js";
import type * as Oas3 from "@redocly/openapi-core/lib/types/oas3.js";
import type * as Oas3_1 from "@redocly/openapi-core/lib/types/oas3_1.js";

export type NodeType = RedoclyTypes.NormalizedNodeType;
/** A field holding a plain value: a JSON type, a closed set, a list of those, a lower bound. */
export interface ValueSchema {
  type?: string;
  enum?: readonly unknown[];
  items?: { type?: string; enum?: readonly unknown[] };
  minimum?: number;
  resolvable?: boolean;
  directResolveAs?: NodeType;
}
/** What a field of a node type holds: a node type, a value schema, null (anything), or nothing known. */
export type PropType = NodeType | ValueSchema | null | undefined;
/** As the type tree writes it: that, or a function of the field's value and name choosing it. */
export type FieldType = PropType | ((value: unknown, key: string) => PropType);

/**
 * Redocly's OpenAPI type trees: its definition of the object model, the same one its `struct` rule
 * reads. Required from their modules rather than the package's index, which loads all of Redocly
 * (a third of a second at start-up) for these few objects.
 */
const require = createRequire(import.meta.url);
const { normalizeTypes, SpecExtension } = require("@redocly/openapi-core/lib/types/index.js") as typeof RedoclyTypes;

/** Redocly's type for an `x-` field it knows nothing about: anything goes. */
export const SPEC_EXTENSION: NodeType = SpecExtension;

type Version = "oas2" | "oas3_0" | "oas3_1";
/** Memo of load, keyed by the version, its whole input: Redocly's tree for a version is fixed by the installed package. */
const trees = new Map<Version, Record<string, NodeType>>();

function load(version: Version): Record<string, NodeType> {
  switch (version) {
    case "oas2":
      return normalizeTypes((require("@redocly/openapi-core/lib/types/oas2.js") as typeof Oas2).Oas2Types);
    case "oas3_0":
      return normalizeTypes((require("@redocly/openapi-core/lib/types/oas3.js") as typeof Oas3).Oas3Types);
    case "oas3_1":
      return normalizeTypes((require("@redocly/openapi-core/lib/types/oas3_1.js") as typeof Oas3_1).Oas3_1Types);
  }
}

/** The tree for the document's version, as Redocly picks it (3.0.x, 3.1.x, Swagger 2.0); see check-structure's `validatable`. */
export function structTypes(data: Record<string, unknown>): Record<string, NodeType> & { Root: NodeType } {
  const version: Version =
    typeof data.openapi === "string" ? (data.openapi.startsWith("3.0") ? "oas3_0" : "oas3_1") : "oas2";
  let tree = trees.get(version);
  if (!tree) trees.set(version, (tree = load(version)));
  return tree as Record<string, NodeType> & { Root: NodeType };
}
