/**
 * Runtime shared by every generated client (copied verbatim into generated/<provider>/src/runtime/).
 *
 * Generated code calls:
 *   new ClientCore(spec, options)
 *   core.request<T>(op, pathArgs, params, options)          → APIPromise<T>
 *   requestPage<Item>(core, op, pathArgs, params, options)   → PagePromise<Item>   (list operations)
 * `requestPage` is a standalone function from pagination.ts, not a ClientCore method, so bundles of
 * non-list operations leave the pagination code out.
 */
export { ClientCore } from "./core.js";
export { APIPromise } from "./api-promise.js";
export { Page, PagePromise, requestPage } from "./pagination.js";
export { APIResource } from "./resource.js";
export {
  SDKError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  makeAPIError,
} from "./errors.js";
export { readEnv, encodePathSegment } from "./util.js";
export type * from "./types.js";
export { requestBuilder, type RequestBuilder, type BuilderSetup, type MissingRequiredParameters } from "./request-builder.js";
