import { dirname, resolve } from "node:path";
import type { Diagnostic, SourceLocation } from "../diagnostics.js";
import type { SourceDocument } from "./source-document.js";
import { decodePointer, encodeSegment, getAt, type Pointer } from "./json-pointer.js";
import { readSourceFile } from "./read-file.js";

/** Where a hoisted component came from, so diagnostics can point into the file that defines it. */
export interface Origin {
  doc: SourceDocument;
  pointer: Pointer;
}

export interface Bundled {
  data: Record<string, unknown>;
  /** `components/<kind>/<name>` → where it was defined, for components hoisted from other files. */
  origins: Map<string, Origin>;
  files: SourceDocument[];
  errors: Diagnostic[];
}

const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/;

/**
 * Brings `$ref`s to other files into the root document: components of another file are hoisted
 * under the root's `components` (renamed on a clash), anything else is inlined. Local refs stay.
 */
export function bundleExternalRefs(root: SourceDocument, cwd: string): Bundled {
  const data = root.data as Record<string, unknown>;
  const result: Bundled = { data, origins: new Map(), files: [root], errors: [] };
  if (!EXTERNAL_REF.test(root.text)) return result;
  const docs = new Map<string, SourceDocument>([[root.absPath, root]]);
  const hoisted = new Map<string, string>();

  const load = (absPath: string, at: SourceLocation): SourceDocument | undefined => {
    const known = docs.get(absPath);
    if (known) return known;
    const { doc, errors } = readSourceFile(absPath, cwd);
    if (!doc) {
      result.errors.push(
        ...errors.map((e) => ({ ...e, message: `${e.message} (referenced from ${at.file}:${at.line}:${at.column})` })),
      );
      return undefined;
    }
    docs.set(absPath, doc);
    result.files.push(doc);
    return doc;
  };

  const resolveRef = (ref: string, doc: SourceDocument, pointer: Pointer, stack: string[]): unknown => {
    const [filePart = "", fragment = ""] = ref.split("#", 2) as [string, string?];
    const target = filePart ? load(resolve(dirname(doc.absPath), filePart), doc.locate(pointer)) : doc;
    if (!target) return { $ref: ref };
    const targetPointer = decodePointer(fragment);
    const key = `${target.absPath}#${fragment}`;
    const value = getAt(target.data, targetPointer);
    if (value === undefined) {
      result.errors.push(
        doc.diagnostic([...pointer, "$ref"], {
          severity: "error",
          rule: "ref-unresolved",
          message: `$ref '${ref}' points at nothing in ${target.file}`,
          hint: "check the file name and the JSON pointer after '#' (for example '#/components/schemas/Invite')",
        }),
      );
      return { $ref: ref };
    }
    if (targetPointer.length === 3 && targetPointer[0] === "components")
      return { $ref: hoist(key, target, targetPointer, value, stack) };
    if (stack.includes(key)) {
      result.errors.push(
        doc.diagnostic([...pointer, "$ref"], {
          severity: "error",
          rule: "ref-cycle",
          message: `$ref '${ref}' refers back to itself through other files`,
          hint: "move the recursive schema under components/schemas so it can be referenced by name",
        }),
      );
      return {};
    }
    return walk(structuredClone(value), target, targetPointer, [...stack, key]);
  };

  const hoist = (key: string, target: SourceDocument, pointer: Pointer, value: unknown, stack: string[]): string => {
    const done = hoisted.get(key);
    if (done) return done;
    if (target === root) return `#/${pointer.join("/")}`;
    const [, kind, name] = pointer as [string, string, string];
    const components = (data.components ??= {}) as Record<string, Record<string, unknown>>;
    const bucket = (components[kind] ??= {});
    let unique = name;
    for (let n = 2; unique in bucket; n++) unique = `${name}${n}`;
    const local = `#/components/${kind}/${encodeSegment(unique)}`;
    hoisted.set(key, local);
    bucket[unique] = {};
    result.origins.set(`components/${kind}/${unique}`, { doc: target, pointer });
    bucket[unique] = walk(structuredClone(value), target, pointer, [...stack, key]);
    return local;
  };

  const walk = (node: unknown, doc: SourceDocument, pointer: Pointer, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, doc, [...pointer, i], stack));
    if (node === null || typeof node !== "object") return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === "string" && (doc !== root || !obj.$ref.startsWith("#"))) {
      const { $ref, ...rest } = obj;
      const resolved = resolveRef($ref, doc, pointer, stack);
      return Object.keys(rest).length > 0 && resolved && typeof resolved === "object"
        ? { ...(resolved as object), ...rest }
        : resolved;
    }
    for (const key of Object.keys(obj)) obj[key] = walk(obj[key], doc, [...pointer, key], stack);
    return obj;
  };

  walk(data, root, [], []);
  return result;
}
