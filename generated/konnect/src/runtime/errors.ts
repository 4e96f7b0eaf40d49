import { DEFAULT_REQUEST_ID_HEADER } from "./defaults.js";
import type { Redact } from "./types.js";

/**
 * Error classes. `name` is assigned explicitly on each class because minifiers mangle class names and
 * callers (and logs) rely on `err.name`.
 */

export class SDKError extends Error {
  override name = "SDKError";
}

export class APIError<TBody = unknown> extends SDKError {
  override name = "APIError";
  /** Undefined when no response was received (connection errors, timeouts, aborts). */
  declare readonly status: number | undefined;
  declare readonly headers: Headers | undefined;
  declare readonly body: TBody | undefined;
  declare readonly requestID: string | undefined;

  /** `options.requestIdHeader`: the response header holding the request id (clientgen.yaml's `requestIdHeader`). */
  constructor(
    message: string,
    status?: number,
    body?: TBody,
    headers?: Headers,
    options?: ErrorOptions & { requestIdHeader?: string | undefined },
  ) {
    super(message, options);
    // `declare`d fields plus one assignment: the same public fields, fewer bytes once minified.
    Object.assign(this, {
      status,
      body,
      headers,
      requestID: headers?.get(options?.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER) ?? undefined,
    });
  }
}

export class BadRequestError<TBody = unknown> extends APIError<TBody> {
  override name = "BadRequestError";
}
export class AuthenticationError<TBody = unknown> extends APIError<TBody> {
  override name = "AuthenticationError";
}
export class PermissionDeniedError<TBody = unknown> extends APIError<TBody> {
  override name = "PermissionDeniedError";
}
export class NotFoundError<TBody = unknown> extends APIError<TBody> {
  override name = "NotFoundError";
}
export class ConflictError<TBody = unknown> extends APIError<TBody> {
  override name = "ConflictError";
}
export class UnprocessableEntityError<TBody = unknown> extends APIError<TBody> {
  override name = "UnprocessableEntityError";
}
export class RateLimitError<TBody = unknown> extends APIError<TBody> {
  override name = "RateLimitError";
}
export class InternalServerError<TBody = unknown> extends APIError<TBody> {
  override name = "InternalServerError";
}

export class APIConnectionError extends APIError<undefined> {
  override name = "APIConnectionError";
  constructor(message = "Connection error.", cause?: unknown) {
    super(message, undefined, undefined, undefined, { cause });
  }
}
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  constructor(message = "Request timed out.") {
    super(message);
  }
}
export class APIUserAbortError extends APIError<undefined> {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted.") {
    super(message);
  }
}

/**
 * A 2xx response whose body is not what the operation declares: a JSON operation answered with HTML (a
 * proxy's login page) or truncated JSON, or with no body at all. `body` holds the start of the body.
 */
export class UnexpectedResponseError extends APIError<string> {
  override name = "UnexpectedResponseError";
  /** The operation, as in messages: the operationId or `GET /path`. */
  declare readonly operation: string;
  declare readonly contentType: string | undefined;

  constructor(operation: string, r: Response, text: string, redact: Redact = (v) => v) {
    const contentType = r.headers.get("content-type") ?? undefined;
    // Redacted before it is cut, so no credential is left half-shown at the cut.
    const start = redact(text).slice(0, 200);
    super(
      `${operation}: ${r.status} response is not JSON (${contentType ?? "no content-type"}): ${start || "empty body"}`,
      r.status,
      start,
      redact(r.headers),
    );
    Object.assign(this, { operation, contentType });
  }
}

type ErrorClass = new (
  message: string,
  status: number,
  body: unknown,
  headers: Headers,
  options: { requestIdHeader?: string | undefined },
) => APIError;

/** The class thrown for each status with its own; others are `InternalServerError` above 499, else `APIError`. */
export const BY_STATUS: Record<number, ErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * The APIError subclass for the response's status, with a message built from the body's usual error
 * fields. `redact` is the client's (auth's) when it has credentials; `requestIdHeader`, the client's. `errorsField` names a list of `{ code, message }` objects (an envelope's `errors`).
 */
export function makeAPIError(
  r: Response,
  body: unknown,
  errorsField?: string,
  redact: Redact = (v) => v,
  requestIdHeader?: string,
): APIError {
  const about = describe(body, errorsField);
  const message = `${r.status} ${r.statusText}`.trim() + (about && ": " + about);
  const Cls = BY_STATUS[r.status] ?? (r.status > 499 ? InternalServerError : APIError);
  // The server may echo a credential back: the message, body and headers are redacted (auth's `redact`).
  return new Cls(redact(message), r.status, redact(body), redact(r.headers), { requestIdHeader });
}

/** The first human-readable message among the shapes APIs commonly use, else the body itself (at most 500 characters). */
export function describe(body: any, errorsField = "errors"): string {
  const list: unknown = body?.[errorsField];
  const listed =
    Array.isArray(list) &&
    list.map((e) => (e?.message ? (e.code != null ? e.code + ": " : "") + e.message : JSON.stringify(e))).join("; ");
  // problem+json: `detail` says what happened to this request, `title` only names the problem type.
  const found = [body?.message, body?.error?.message, body?.error, body?.detail, body?.title, listed].find(
    (v) => typeof v == "string" && v,
  );
  return found ?? (body && typeof body == "object" ? JSON.stringify(body) : String(body ?? "")).slice(0, 500);
}
