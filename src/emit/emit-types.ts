import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import type { FileSet } from "./file-set.js";
import { banner } from "./source-writer.js";

export interface TypesInput {
  data: Record<string, unknown>;
  source: { file: string; hash: string };
}

/** `src/types.ts` from openapi-typescript: `paths`, `components`, `operations`. We never convert schemas ourselves. */
export async function emitTypes({ data, source }: TypesInput): Promise<FileSet> {
  const ast = await openapiTS(data as unknown as OpenAPI3, { silent: true });
  const text = astToString(ast);
  return new Map([["src/types.ts", `${banner(source)}/* eslint-disable */\n${text}`]]);
}
