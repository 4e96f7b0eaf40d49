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
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "does not exist"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : `cannot be read (${code ?? String(err)})`;
    return {
      errors: [
        {
          severity: "error",
          rule: "file-unreadable",
          message: `${file} ${why}`,
          hint: "check the path; specs are YAML or JSON files",
          location: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    return {
      errors: [
        {
          severity: "error",
          rule: "file-binary",
          message: `${file} is not a text file (it holds bytes that are not UTF-8 text)`,
          hint: "a spec is a YAML or JSON text file: check that this is the file you meant",
          location: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  return parseSource(file, absPath, text);
}

/** UTF-8 text without its byte-order mark, or undefined for a binary file (a NUL byte, or bytes that are not UTF-8). */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
