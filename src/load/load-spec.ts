import { createHash } from "node:crypto";
import { dirname, relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { bundleExternalRefs, type Origin } from "./bundle-refs.js";
import { type Pointer } from "./json-pointer.js";
import { hoistDefinitions } from "./hoist-definitions.js";
import { normalizeRefs } from "./normalize-refs.js";
import { readSourceFile } from "./read-file.js";
import type { SourceDocument } from "./source-document.js";

/** One OpenAPI document with every file it references folded in, and a way back to source positions. */
export interface LoadedSpec {
  root: SourceDocument;
  data: Record<string, unknown>;
  /** sha256 over the text of every file read, for banners and caches. */
  hash: string;
  /** Every file read: the spec and each file its `$ref`s reach. */
  sources: SourceDocument[];
  diagnostic(pointer: Pointer, d: Omit<Diagnostic, "location" | "frame">): Diagnostic;
}

const posixRelative = (from: string, to: string): string => relative(from, to).split("\\").join("/");

export function loadSpec(path: string, cwd: string): { spec?: LoadedSpec; errors: Diagnostic[] } {
  const { doc, errors } = readSourceFile(path, cwd);
  if (!doc) return { errors };
  if (doc.data === null || typeof doc.data !== "object" || Array.isArray(doc.data)) {
    return {
      errors: [
        doc.diagnostic([], {
          severity: "error",
          rule: "not-openapi",
          message: `${doc.file} is not an OpenAPI document: its top level must be a mapping`,
          hint: "an OpenAPI file starts with 'openapi: 3.1.0', 'info:' and 'paths:'",
        }),
      ],
    };
  }
  const bundled = bundleExternalRefs(doc, cwd);
  normalizeRefs(
    bundled.data,
    bundled.files.map((f) => f.text),
  );
  for (const [name, from] of hoistDefinitions(bundled.data))
    bundled.origins.set(`components/schemas/${name}`, originOf(bundled.origins, from, doc));
  // Each file named from the spec's folder, not the working directory: the same spec gives the same hash wherever it lies.
  const hash = createHash("sha256");
  for (const file of bundled.files)
    hash
      .update(posixRelative(dirname(doc.absPath), file.absPath))
      .update("\0")
      .update(file.text)
      .update("\0");
  const spec: LoadedSpec = {
    root: doc,
    data: bundled.data,
    hash: hash.digest("hex"),
    sources: bundled.files,
    diagnostic: (pointer, d) =>
      originOf(bundled.origins, pointer, doc).doc.diagnostic(originOf(bundled.origins, pointer, doc).pointer, d),
  };
  return { spec, errors: bundled.errors };
}

/** Maps a pointer into the bundled document back to the file and pointer it came from. */
function originOf(origins: Map<string, Origin>, pointer: Pointer, root: SourceDocument): Origin {
  if (origins.size > 0 && pointer[0] === "components" && pointer.length >= 3) {
    const origin = origins.get(`components/${pointer[1]}/${pointer[2]}`);
    if (origin) return { doc: origin.doc, pointer: [...origin.pointer, ...pointer.slice(3)] };
  }
  return { doc: root, pointer };
}
