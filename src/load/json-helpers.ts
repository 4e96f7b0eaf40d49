/** Reading the loaded JSON document: shared by the check rules and the model builder (`$ref`s: follow-ref.ts). */
import type { HttpMethod } from "../runtime/types.js";

/** The operation keys of a path item, in the order OpenAPI lists them. */
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
