import type { Diagnostic } from "../../diagnostics.js";
import type { Pointer } from "../../load/json-pointer.js";

/** One problem reported by Redocly's `struct` rule, with its place as a pointer into the document. */
export interface StructFinding {
  pointer: Pointer;
  message: string;
  suggest: readonly string[];
  /** The value found at `pointer`, to quote it back. */
  value: unknown;
}

export type FindingReport = Omit<Diagnostic, "location" | "frame">;

/**
 * Fields whose absence loses documentation only. A response without a description is common in
 * hand-written specs and generates the same client, so it is a warning rather than a refusal.
 */
const DOCUMENTATION_ONLY: ReadonlySet<string> = new Set(["description", "name@license", "url@externalDocs"]);

/** Schema keywords that only constrain values: clientgen's types do not read them, so a wrong one is a warning. */
const VALIDATION_ONLY: ReadonlySet<string> = new Set([
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minimum",
  "maximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "format",
  "xml",
  "externalDocs",
]);

/**
 * Turns a finding into our diagnostic, or `undefined` for findings we deliberately accept:
 * `nullable` without `type` is how OpenAPI 3.0 specs write a nullable `allOf`/`$ref`
 * (GitHub's spec does it 135 times) and openapi-typescript reads it as meant.
 * Redocly's messages are fixed strings; anything not recognised stays an error with its text.
 */
export function reportFinding(f: StructFinding): FindingReport | undefined {
  const key = String(f.pointer[f.pointer.length - 1] ?? "");
  const here = place(f.pointer);
  let m: RegExpExecArray | null;
  if (/^The `type` field must be defined when the `nullable` field is used\.$/.test(f.message)) return undefined;
  if ((m = /^Expected type `([^`]+)` \((object|array)\) but got `([^`]+)`$/.exec(f.message))) {
    const [, type, shape, got] = m as unknown as [string, string, "object" | "array", string];
    return error(
      "spec-type",
      `${here} must be ${shape === "array" ? "a list" : "a mapping"} (OpenAPI ${typeName(type)}), not ${describe(f.value, got)}`,
      shape === "array"
        ? "write it as a list: one '- ' line per item"
        : "write 'field: value' lines indented under this key",
    );
  }
  if ((m = /^Expected type `([^`]+)` but got `([^`]+)`\.$/.exec(f.message))) {
    const [, type, got] = m as unknown as [string, string, string];
    if (VALIDATION_ONLY.has(key)) {
      return {
        severity: "warning",
        rule: "spec-type",
        message: `${here} must be ${kind(type)}, not ${describe(f.value, got)}; clientgen ignores it`,
        hint: key.startsWith("exclusive")
          ? "in OpenAPI 3.1, 'exclusiveMinimum'/'exclusiveMaximum' hold the bound itself (a number), not true/false"
          : `write ${kind(type)} here`,
      };
    }
    const hint =
      key === "required" && type === "array"
        ? "in a schema, 'required' lists the names of the properties that must be present: required: [name]"
        : type === "string"
          ? "quote the value ('…') so YAML reads it as text"
          : `write ${kind(type)} here`;
    return error("spec-type", `${here} must be ${kind(type)}, not ${describe(f.value, got)}`, hint);
  }
  if ((m = /^`([^`]+)` can be one of the following only: (.*)\.$/.exec(f.message))) {
    const allowed = m[2]!.replace(/"/g, "");
    const near = f.suggest[0];
    return error(
      "spec-value",
      `${here} is ${describe(f.value)}; OpenAPI allows only ${allowed}`,
      near ? `did you mean '${near}'?` : `use one of: ${allowed}`,
    );
  }
  if ((m = /^The field `([^`]+)` must be present on this level\.$/.exec(f.message))) {
    const field = m[1]!;
    const docOnly = DOCUMENTATION_ONLY.has(field) || DOCUMENTATION_ONLY.has(`${field}@${key}`);
    return {
      severity: docOnly ? "warning" : "error",
      rule: "spec-required",
      message: `${key ? here : "the document"} has no '${field}', which OpenAPI requires here`,
      hint: `add '${field}:' under ${key ? here : "the top level"}`,
    };
  }
  if ((m = /^Must contain at least one of the following fields: (.*)\.$/.exec(f.message))) {
    const fields = m[1]!.split(", ");
    return error(
      "spec-required",
      `${here} needs one of: ${fields.join(", ")}`,
      fields.includes("schema")
        ? "add 'schema:' (for example 'schema: { type: string }'); Swagger 2.0's 'type:' on a parameter is 'schema: { type: … }' in OpenAPI 3"
        : `add '${fields[0]}:'`,
    );
  }
  if (
    (m = /^Property `([^`]+)` is not expected here\.$/.exec(f.message)) ||
    (m = /^The field `([^`]+)` is not allowed here\.$/.exec(f.message))
  ) {
    const near = f.suggest[0];
    return {
      severity: "warning",
      rule: "spec-unknown-field",
      message: `'${m[1]}' is not an OpenAPI field here; clientgen ignores it`,
      hint: near ? `did you mean '${near}'?` : "remove it, or prefix it with 'x-' to keep it as an extension",
    };
  }
  if ((m = /^The value of the (\S+) field must be greater than or equal to (\S+)$/.exec(f.message))) {
    return error(
      "spec-value",
      `${here} is ${describe(f.value)}; it must be at least ${m[2]}`,
      `use a number >= ${m[2]}`,
    );
  }
  return error("spec-structure", f.message, "see the OpenAPI specification for what this field may hold");
}

const error = (rule: string, message: string, hint: string): FindingReport => ({
  severity: "error",
  rule,
  message,
  hint,
});

/** The last key quoted (`'in'`); a list item with its list (`parameters[0]`). */
function place(pointer: readonly (string | number)[]): string {
  const last = String(pointer[pointer.length - 1] ?? "");
  if (!/^\d+$/.test(last)) return `'${last}'`;
  const list = pointer[pointer.length - 2];
  return list === undefined ? `item ${last}` : `${String(list)}[${last}]`;
}

/** JSON Schema type names as a YAML author says them. */
const KINDS: Record<string, string> = {
  array: "a list",
  object: "a mapping",
  string: "text",
  boolean: "true or false",
  integer: "a whole number",
  number: "a number",
};
const kind = (type: string): string => KINDS[type] ?? article(type);

const article = (word: string): string => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;

/** Redocly's type names (`MediaTypesMap`, `ParameterList`) as words: "media types map", "parameter list". */
const typeName = (type: string): string => type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

function describe(value: unknown, fallback?: string): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (value === undefined) return fallback ? article(fallback) : "nothing";
  return `${typeof value} ${JSON.stringify(value)}`;
}
