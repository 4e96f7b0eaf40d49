import { join } from "node:path";
import ts from "typescript";
import { projectRoot } from "./generate.js";

/**
 * `--strict` diagnostics of example files, as a user's project would check them (NodeNext, DOM and
 * Node types), in one in-process program; `paths` maps package names to sources. Keyed by file,
 * each `line:column TScode: message`; option problems throw, since they would hide every error.
 */
export function strictDiagnostics(files: string[], paths?: Record<string, string[]>): Map<string, string[]> {
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: ["node"],
      typeRoots: [join(projectRoot, "node_modules", "@types")],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      ...(paths ? { paths } : {}),
    },
    projectRoot,
  );
  const program = ts.createProgram(files, options);
  const optionProblems = [...errors, ...program.getOptionsDiagnostics()].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, " "),
  );
  if (optionProblems.length) throw new Error(`compiler options: ${optionProblems.join("; ")}`);
  const byFile = new Map<string, string[]>();
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const found = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    byFile.set(
      file,
      found.map((d) => {
        const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${line + 1}:${character + 1} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
      }),
    );
  }
  return byFile;
}
