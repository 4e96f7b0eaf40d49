import { readFileSync } from "node:fs";
import { relative, resolve, isAbsolute } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { parseSource, type SourceDocument } from "./source-document.js";

/** Paths inside the working directory are shown relative to it, so messages stay short and machine-independent. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : absPath;
}

export function readSourceFile(path: string, cwd: string): { doc?: SourceDocument; errors: Diagnostic[] } {
  const absPath = resolve(cwd, path);
  const file = displayPath(absPath, cwd);
  let text: string;
  try {
    text = readFileSync(absPath, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? String(err)})`;
    return {
      errors: [{ severity: "error", rule: "file-unreadable", message: `${file} ${why}`, hint: "check the path; specs are YAML or JSON files", location: { file, line: 1, column: 1 } }],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseSource(file, absPath, text);
}
