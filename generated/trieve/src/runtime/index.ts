/**
 * Runtime shared by every generated client (copied verbatim into generated/<provider>/src/runtime/).
 *
 * Generated code calls:
 *   new ClientCore(spec, options)
 *   core.request<T>(op, pathArgs, params, options)          → APIPromise<T>
 *   requestPage<Item>(core, op, pathArgs, params, options)   → PagePromise<Item>   (list operations)
 * with `pathArgs` the path parameters by wire name (`{ invite_id: inviteId }`).
 * `requestPage` is a standalone function from pagination.ts, not a ClientCore method, so bundles of
 * non-list operations leave the pagination code out. Likewise operations name the body encoders and
 * query styles they need (`collectParams`, `jsonBody`, `queryStyle("deepObject")`…) in their OperationSpec,
 * and clients their server variables, auth, client parameters and envelope (`serverURL(...)`,
 * `auth({ token: bearer("apiToken") }, [["token"]])`, `clientParams([...])`, `envelope({...})`); an OAuth2
 * client credentials flow is `clientCredentials(tokenUrl, scopes, "clientId", "clientSecret")` among the schemes.
 * Streaming, binary and upload operations name their readers and encoders the same way
 * (`response: sseResponse`, `sseOrJSONResponse`, `binaryResponse`; `body: { encode: jsonOrMultipartBody }`),
 * so the Stream, its decoder and the multipart writer reach only the bundles of operations that use them.
 * A client with webhooks builds `new Webhooks(this.options, "webhookSecret", "ENV_VAR")` as `client.webhooks`.
 */
export { ClientCore } from "./core.js";
export { addMiddleware, enableMiddleware, intercept } from "./middleware.js";
export { deriveClient } from "./derive-client.js";
export { APIPromise } from "./api-promise.js";
export { Page, PagePromise, requestPage } from "./pagination.js";
export { APIResource } from "./resource.js";
export {
  SDKError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  UnexpectedResponseError,
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
export { queryStyle } from "./serialize.js";
export { serverURL } from "./server-url.js";
export { auth, bearer, basic, apiKey, apiKeyCookie } from "./auth.js";
export { clientCredentials } from "./oauth2.js";
export { clientParams } from "./client-params.js";
export { collectParams } from "./collect-params.js";
export { envelope } from "./envelope.js";
export { idempotencyHeader } from "./idempotency.js";
export { textResponse, binaryResponse, voidResponse } from "./responses.js";
export { sseResponse, sseOrJSONResponse } from "./responses-sse.js";
export { Stream, type StreamEvent, type SSEOptions } from "./stream.js";
export { SSEDecoder, type ServerSentEvent } from "./sse-decoder.js";
export { jsonBody, formBody, textBody, binaryBody } from "./body-encoders.js";
export { multipartBody, jsonOrMultipartBody } from "./multipart.js";
export { toFile, type Uploadable, type FsReadStreamLike } from "./uploads.js";
export {
  InvalidWebhookSignatureError,
  Webhooks,
  unwrapWebhook,
  verifyWebhookSignature,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookVerifyOptions,
} from "./webhooks.js";
export type * from "./types.js";
export {
  requestBuilder,
  type RequestBuilder,
  type BuilderSetup,
  type MissingRequiredParameters,
} from "./request-builder.js";
