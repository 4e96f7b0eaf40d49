import type CodeBlockWriter from "code-block-writer";
import type { NamedApi } from "../../../name/named-api.js";

/** What every entry point re-exports: the core, the models, the error classes and the runtime types. */
export function writeIndexExports(w: CodeBlockWriter, api: NamedApi): void {
  const { client } = api;
  w.writeLine(`export { ${client.coreClassName}, clientSpec } from "./core.js";`);
  w.writeLine(`export type { ${client.optionsType} } from "./core.js";`);
  w.writeLine(`export type * from "./models.js";`);
  w.writeLine(
    `export { SDKError as ${client.errorClass}, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, UnexpectedResponseError, APIPromise, Page, PagePromise } from "./runtime/index.js";`,
  );
  w.writeLine(`export type { ClientOptions, RequestOptions, Logger, LogLevel } from "./runtime/index.js";`);
}
