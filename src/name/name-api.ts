import type { ApiModel } from "../model/api-model.js";
import type { Diagnostic } from "../diagnostics.js";
import { pascal, uniqueName } from "./identifiers.js";
import { buildApis, buildFlatTree } from "./flat-resources.js";
import { nameCli } from "./name-cli.js";
import { nameClient, nameClientParams, nameCredentials } from "./name-client.js";
import { nameOperations } from "./name-operations.js";
import type { NamedApi } from "./named-api.js";

/** Type names models.ts must not take: they are exported from the runtime or the client. */
const RUNTIME_EXPORTS = [
  "APIPromise", "PagePromise", "Page", "ClientOptions", "RequestOptions", "Logger", "LogLevel", "Fetch", "ClientCore", "APIResource", "RequestBuilder",
  "SDKError", "APIError", "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError", "ConflictError",
  "UnprocessableEntityError", "RateLimitError", "InternalServerError", "APIConnectionError", "APIConnectionTimeoutError", "APIUserAbortError",
];
/** Global names a schema alias must not shadow: generated code and users' code rely on the real ones. */
const GLOBAL_TYPES = new Set(
  "Error Object Promise Response Request Headers Blob File FormData Date Array Map Set Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReadonlyArray String Number Boolean Symbol Function URL URLSearchParams AbortSignal ReadableStream Uint8Array ArrayBuffer JSON Math Event Node Element Document Window Location Storage Text Comment".split(" "),
);

export function nameApi(model: ApiModel, provider: string, nameOverride?: string): NamedApi {
  const warnings: Diagnostic[] = [];
  const client = nameClient(model, provider, nameOverride);
  const typeNames = new Set<string>([...RUNTIME_EXPORTS, client.className, client.coreClassName, client.optionsType, client.errorClass, "paths", "components", "operations", "webhooks", "$defs"]);
  const schemas = model.schemas.map((s) => {
    const wanted = pascal(s.name) || "Schema";
    // An error schema named like a runtime error class describes that error's body.
    const renamed = GLOBAL_TYPES.has(wanted) || typeNames.has(wanted) ? `${wanted}${wanted.endsWith("Error") ? "Body" : "Model"}` : wanted;
    const alias = uniqueName(renamed, typeNames);
    typeNames.add(alias);
    return { name: s.name, alias };
  });
  const clientParams = nameClientParams(model);
  const operations = nameOperations({ model, clientParams, typeNames, warnings });
  const flat = buildFlatTree(client.className, operations, warnings, [client.coreClassName, client.optionsType]);
  const apis = buildApis(operations, typeNames);
  const credentials = nameCredentials(model, client, warnings);
  const cli = nameCli(client, operations, [...credentials, ...clientParams], warnings);
  return { model, client, credentials, clientParams, schemas, operations, flat, apis, cli, warnings };
}
