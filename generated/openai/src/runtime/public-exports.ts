/**
 * What generated packages re-export from the runtime, and the type-only exports generated code
 * imports. The value exports need no list: the generator reads them from the module itself.
 */
import type { ClientOptions } from "./types.js";

/** Every ClientOptions key, once: a missing or unknown key is a compile error. */
const CLIENT_OPTIONS: { [K in keyof Required<ClientOptions>]: 0 } = {
  baseURL: 0,
  serverVariables: 0,
  defaultHeaders: 0,
  defaultQuery: 0,
  fetch: 0,
  timeout: 0,
  maxRetries: 0,
  logLevel: 0,
  logger: 0,
  fetchOptions: 0,
};

export const PUBLIC_EXPORTS = {
  /** Classes (and `toFile`) every entry point re-exports. */
  values: [
    "SDKError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APIConnectionTimeoutError",
    "APIUserAbortError",
    "UnexpectedResponseError",
    "InvalidWebhookSignatureError",
    "APIPromise",
    "Page",
    "PagePromise",
    "Stream",
    "toFile",
  ],
  /** Types every entry point re-exports. */
  types: ["ClientOptions", "RequestOptions", "Logger", "LogLevel", "Uploadable"],
  /** Types only the builder entry re-exports. */
  builderTypes: ["RequestBuilder"],
  /** The other type-only exports generated code imports (a generated file importing another must add it here). */
  importedTypes: ["ClientSpec", "OperationSpec"],
  clientOptions: Object.keys(CLIENT_OPTIONS),
} as const;
