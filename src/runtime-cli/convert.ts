import type { CliSchema } from "./program.js";
import { UsageError } from "./usage-error.js";

/** `integer`, `"reader" | "owner"`, `array of string`: what a value must look like, for messages and help. */
export function describeSchema(schema: CliSchema): string {
  if (schema.enum?.length) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.type === "array") return schema.items ? `array of ${describeSchema(schema.items)}` : "array";
  return (schema.type ?? "any") + (schema.format ? ` (${schema.format})` : "");
}

const types = (schema: CliSchema): string[] => (schema.type ? schema.type.split(" | ") : []);

/**
 * The value of `name=text`, converted by the schema: `2` is a number for an integer, `true` a boolean,
 * and an enum's value must be one of its members. Arrays and objects need `name:=<json>`, except that
 * a repeated `name=value` of an array of scalars collects the items.
 */
export function convertText(label: string, text: string, schema: CliSchema): unknown {
  const allowed = types(schema);
  if (allowed.length === 0 && !schema.enum) return text;
  const value = scalar(text, allowed.length ? allowed : ["string"]);
  if (value === undefined) {
    const structured = allowed.some((t) => t === "object" || t === "array");
    const hint = structured ? `; give JSON with ${label}:='<json>'` : "";
    throw new UsageError(`${label}: expected ${describeSchema(schema)}, got '${text}'${hint}`);
  }
  checkEnum(label, value, schema, text);
  return value;
}

/** `text` as the first of `allowed` it can be: a number, a boolean, null or a string. */
function scalar(text: string, allowed: string[]): unknown {
  for (const t of allowed) {
    if (t === "integer" && /^-?\d+$/.test(text)) return Number(text);
    if (t === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
    if (t === "boolean" && (text === "true" || text === "false")) return text === "true";
    if (t === "null" && text === "null") return null;
  }
  return allowed.includes("string") ? text : undefined;
}

/** The value of `name:=json`: parsed, then checked against the schema's type and enum. */
export function convertJSON(label: string, text: string, schema: CliSchema): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${label}: not valid JSON (${(err as Error).message}): ${text}`);
  }
  checkJSON(label, value, schema);
  return value;
}

/** Checks a JSON value (from `:=` or `--data`) against the type and enum the schema declares, one level deep. */
export function checkJSON(label: string, value: unknown, schema: CliSchema): void {
  const allowed = types(schema);
  if (
    value === null
      ? !schema.nullable && allowed.length > 0 && !allowed.includes("null")
      : allowed.length > 0 && !allowed.some((t) => matches(value, t))
  ) {
    throw new UsageError(`${label}: expected ${describeSchema(schema)}, got ${JSON.stringify(value)}`);
  }
  if (value !== null) checkEnum(label, value, schema, JSON.stringify(value));
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => checkJSON(`${label}[${i}]`, item, schema.items!));
}

function matches(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "string":
    case "boolean":
      return typeof value === type;
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function checkEnum(label: string, value: unknown, schema: CliSchema, shown: string): void {
  if (!schema.enum?.length || schema.enum.includes(value)) return;
  if (value === null && schema.nullable) return;
  throw new UsageError(`${label}: '${shown}' is not one of ${describeSchema(schema)}`);
}
