import { Project, ts } from "ts-morph";
import type { PackageInfo } from "./read-package.js";

export interface LoadedProject {
  program: ts.Program;
  checker: ts.TypeChecker;
}

/**
 * One ts-morph project holding both packages, so one checker sees the types of both and can ask whether an
 * old type is assignable to a new one. The options are those of a generated package's tsconfig.json.
 */
export function loadProject(packages: readonly PackageInfo[]): LoadedProject {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    // The program follows the imports itself; wrapping every file in a ts-morph node first doubles the load time.
    skipFileDependencyResolution: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
    },
  });
  for (const pkg of packages) for (const entry of pkg.entries) project.addSourceFileAtPath(entry.file);
  const program = project.getProgram().compilerObject;
  return { program, checker: program.getTypeChecker() };
}
