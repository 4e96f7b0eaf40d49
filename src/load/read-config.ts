import type { Diagnostic } from "../diagnostics.js";
import { editDistance } from "../did-you-mean.js";
import type { Pointer } from "./json-pointer.js";
import { configShape, type Shape } from "./config-schema.js";
import { emptyConfig, type ProviderConfig } from "./provider-config.js";
import { readSourceFile } from "./read-file.js";
import type { SourceDocument } from "./source-document.js";
import { isIdentifier } from "../ts-syntax.js";

export interface LoadedConfig {
  config: ProviderConfig;
  doc?: SourceDocument;
}

/** Reads and shape-checks clientgen.yaml. Cross-checks against the spec happen in check/. */
export function readConfig(path: string, cwd: string): { loaded: LoadedConfig; errors: Diagnostic[] } {
  const { doc, errors } = readSourceFile(path, cwd);
  if (!doc) return { loaded: { config: emptyConfig() }, errors };
  if (doc.data === null || doc.data === undefined) return { loaded: { config: emptyConfig(), doc }, errors: [] };
  const problems: Diagnostic[] = [];
  checkShape(doc, doc.data, configShape, [], problems);
  if (problems.length > 0) return { loaded: { config: emptyConfig(), doc }, errors: problems };
  return { loaded: { config: { ...emptyConfig(), ...(doc.data as Partial<ProviderConfig>) }, doc }, errors: [] };
}

function checkShape(doc: SourceDocument, value: unknown, shape: Shape, at: Pointer, out: Diagnostic[]): void {
  const fail = (message: string, hint: string, pointer: Pointer = at) =>
    out.push(
      doc.diagnostic(pointer, { severity: "error", rule: "config-invalid", message: `${where(at)}${message}`, hint }),
    );
  if (shape === "string") {
    if (typeof value !== "string" || value === "")
      fail(`expected a non-empty string, got ${describe(value)}`, "write a plain string value");
    return;
  }
  if (shape === "identifier") {
    if (typeof value !== "string" || !isIdentifier(value))
      fail(`expected an identifier, got ${describe(value)}`, "use letters, digits, _ or $, not starting with a digit");
    return;
  }
  if (shape === "boolean") {
    if (typeof value !== "boolean") fail(`expected true or false, got ${describe(value)}`, "write true or false");
    return;
  }
  if ("enum" in shape) {
    if (typeof value !== "string" || !shape.enum.includes(value)) {
      const allowed =
        shape.enum.length === 1 ? `${shape.enum[0]}, the only value supported` : `one of ${shape.enum.join(", ")}`;
      fail(`expected ${allowed}, got ${describe(value)}`, shape.hint ?? `use one of: ${shape.enum.join(", ")}`);
    }
    return;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(`expected a mapping, got ${describe(value)}`, "write 'key: value' lines indented under this key");
    return;
  }
  const obj = value as Record<string, unknown>;
  if ("map" in shape) {
    for (const [key, item] of Object.entries(obj)) {
      if (shape.keys === "identifier" && !isIdentifier(key))
        fail(
          `'${key}' is not an identifier`,
          "option names become TypeScript property names: use camelCase letters and digits",
          [...at, key],
        );
      checkShape(doc, item, shape.map, [...at, key], out);
    }
    return;
  }
  if ("tagged" in shape) {
    const tag = obj[shape.tagged];
    const variant = typeof tag === "string" ? shape.variants[tag] : undefined;
    if (!variant) {
      fail(
        `'${shape.tagged}' must be one of ${Object.keys(shape.variants).join(", ")}, got ${describe(tag)}`,
        `set ${shape.tagged}: ${Object.keys(shape.variants).join(" | ")}`,
      );
      return;
    }
    checkShape(doc, value, variant, at, out);
    return;
  }
  for (const key of shape.required ?? []) {
    if (!(key in obj))
      fail(`'${key}' is required here`, `add '${key}:' under ${at.length ? `'${at.join(".")}'` : "the top level"}`);
  }
  for (const [key, item] of Object.entries(obj)) {
    const fieldShape = shape.fields[key];
    if (!fieldShape) {
      const known = Object.keys(shape.fields);
      const close = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2);
      fail(`unknown key '${key}'`, close ? `did you mean '${close}'?` : `known keys here: ${known.join(", ")}`, [
        ...at,
        key,
      ]);
      continue;
    }
    checkShape(doc, item, fieldShape, [...at, key], out);
  }
}

const where = (at: Pointer): string => (at.length ? `${at.join(".")}: ` : "");

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
