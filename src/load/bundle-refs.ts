import { basename, dirname, extname, resolve } from "node:path";
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
  /** Schemas outside `components` that had to be named (recursive, or a mapping's target) → their local ref. */
  const named = new Map<string, string>();

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

  /**
   * The file, pointer and value `ref` names, relative to `doc`; undefined (and reported) where it names
   * nothing. `from` is the object that refers (named when a file is missing), `at` the reference itself.
   */
  const locateRef = (ref: string, doc: SourceDocument, from: Pointer, at: Pointer, what: string) => {
    const [filePart = "", fragment = ""] = ref.split("#", 2) as [string, string?];
    const target = filePart ? load(resolve(dirname(doc.absPath), filePart), doc.locate(from)) : doc;
    if (!target) return undefined;
    const pointer = decodePointer(fragment);
    const value = getAt(target.data, pointer);
    if (value !== undefined) return { target, pointer, value, key: `${target.absPath}#${fragment}` };
    result.errors.push(
      doc.diagnostic(at, {
        severity: "error",
        rule: "ref-unresolved",
        message: `${what} '${ref}' points at nothing in ${target.file}`,
        hint: "check the file name and the JSON pointer after '#' (for example '#/components/schemas/Invite')",
      }),
    );
    return undefined;
  };

  const resolveRef = (ref: string, doc: SourceDocument, pointer: Pointer, stack: string[]): unknown => {
    const found = locateRef(ref, doc, pointer, [...pointer, "$ref"], "$ref");
    if (!found) return { $ref: ref };
    const { target, pointer: targetPointer, value, key } = found;
    if (targetPointer.length === 3 && targetPointer[0] === "components")
      return { $ref: hoist(key, target, targetPointer, value, stack) };
    const known = named.get(key);
    if (known) return { $ref: known };
    // A schema that reaches itself through other files cannot be inlined: it becomes a named component,
    // and the copy being walked further up the stack is moved there when its walk ends.
    if (stack.includes(key)) return { $ref: nameSchema(key, target, targetPointer) };
    const walked = walk(structuredClone(value), target, targetPointer, [...stack, key]);
    const local = named.get(key);
    if (!local) return walked;
    schemaBucket()[decodePointer(local.slice(1))[2] as string] = walked;
    return { $ref: local };
  };

  /**
   * A discriminator mapping must name a schema: each value that points into another file (or, in another
   * file, anywhere) is given a component, before the `oneOf`/`anyOf` beside it is walked, so that both
   * refer to the same named schema rather than to two inlined copies.
   */
  const resolveMapping = (mapping: Record<string, unknown>, doc: SourceDocument, at: Pointer, stack: string[]) => {
    for (const [value, ref] of Object.entries(mapping)) {
      if (typeof ref !== "string" || (doc === root && ref.startsWith("#")) || !/[#/]|\.(ya?ml|json)$/.test(ref))
        continue;
      const found = locateRef(ref, doc, [...at, value], [...at, value], "discriminator mapping");
      if (!found) continue;
      const { target, pointer, key } = found;
      if (pointer.length === 3 && pointer[0] === "components") {
        mapping[value] = hoist(key, target, pointer, found.value, stack);
        continue;
      }
      mapping[value] =
        named.get(key) ?? (stack.includes(key) ? nameSchema(key, target, pointer) : nameAndWalk(found, stack));
    }
  };

  const nameAndWalk = (
    found: { target: SourceDocument; pointer: Pointer; value: unknown; key: string },
    stack: string[],
  ) => {
    const local = nameSchema(found.key, found.target, found.pointer);
    const walked = walk(structuredClone(found.value), found.target, found.pointer, [...stack, found.key]);
    schemaBucket()[decodePointer(local.slice(1))[2] as string] = walked;
    return local;
  };

  /** Gives the schema at `key` a free name under components/schemas (a placeholder holds it until it is walked). */
  const nameSchema = (key: string, target: SourceDocument, pointer: Pointer): string => {
    const bucket = schemaBucket();
    const name = schemaName(target, pointer);
    let unique = name;
    for (let n = 2; unique in bucket; n++) unique = `${name}${n}`;
    bucket[unique] = {};
    const local = `#/components/schemas/${encodeSegment(unique)}`;
    named.set(key, local);
    result.origins.set(`components/schemas/${unique}`, { doc: target, pointer });
    return local;
  };

  const schemaBucket = (): Record<string, unknown> => {
    const components = (data.components ??= {}) as Record<string, Record<string, unknown>>;
    return (components.schemas ??= {});
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
    const discriminator = obj.discriminator as Record<string, unknown> | undefined;
    if (discriminator && typeof discriminator.mapping === "object" && discriminator.mapping !== null)
      resolveMapping(
        discriminator.mapping as Record<string, unknown>,
        doc,
        [...pointer, "discriminator", "mapping"],
        stack,
      );
    for (const key of Object.keys(obj)) obj[key] = walk(obj[key], doc, [...pointer, key], stack);
    return obj;
  };

  walk(data, root, [], []);
  result.errors = uniqueDiagnostics(result.errors);
  return result;
}

/**
 * The name a recursive schema outside `components` gets: the key it is defined under
 * (`definitions.yml#/apiAgent` → `apiAgent`), or the file's name when the whole file is the schema,
 * kept to the characters a component name may hold.
 */
function schemaName(doc: SourceDocument, pointer: Pointer): string {
  const last = pointer.length > 0 ? String(pointer[pointer.length - 1]) : basename(doc.absPath, extname(doc.absPath));
  return last.replace(/[^A-Za-z0-9._-]+/g, "_") || "Schema";
}

/** Inlined copies of one file walk its refs again: a finding there is reported once, not per copy. */
function uniqueDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.location?.file}:${d.location?.line}:${d.location?.column}\0${d.rule}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
