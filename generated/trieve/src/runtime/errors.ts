/**
 * Error classes. `name` is assigned explicitly on each class because minifiers mangle class names and
 * callers (and logs) rely on `err.name`.
 */

export class SDKError extends Error {
  override name = "SDKError";
}

/** Response headers that carry a request id, most common first. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray", "x-kong-request-id"];

export class APIError<TBody = unknown> extends SDKError {
  override name = "APIError";
  /** Undefined when no response was received (connection errors, timeouts, aborts). */
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  readonly body: TBody | undefined;
  readonly requestID: string | undefined;

  constructor(message: string, status?: number, body?: TBody, headers?: Headers, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.body = body;
    this.headers = headers;
    let id: string | null | undefined;
    for (const h of REQUEST_ID_HEADERS) id ||= headers?.get(h);
    this.requestID = id || undefined;
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

type ErrorClass = new (message: string, status: number, body: unknown, headers: Headers) => APIError;

const BY_STATUS: Record<number, ErrorClass> = {
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
 * fields. `errorsField` names a list of `{ code, message }` objects (an envelope's `errors`).
 */
export function makeAPIError(r: Response, body: unknown, errorsField = "errors", redact = (s: string) => s): APIError {
  const detail = describe(body, errorsField);
  const message = `${r.status}${r.statusText ? " " + r.statusText : ""}${detail ? ": " + detail : ""}`;
  const Cls = BY_STATUS[r.status] ?? (r.status >= 500 ? InternalServerError : APIError);
  return new Cls(redact(message), r.status, body, r.headers);
}

/** The first human-readable message among the shapes APIs commonly use, else the body itself. */
function describe(body: unknown, errorsField: string): string {
  if (typeof body !== "object" || !body) return String(body ?? "").slice(0, 500);
  const b = body as Record<string, any>;
  const list: unknown = b[errorsField];
  const listed = Array.isArray(list)
    ? list.map((e) => (e?.message ? (e.code != null ? e.code + ": " : "") + e.message : JSON.stringify(e))).join("; ")
    : undefined;
  // problem+json: `detail` says what happened to this request, `title` only names the problem type.
  const found = [b.message, b.error?.message, b.error, b.detail, b.title, listed].find((v) => typeof v === "string" && v);
  return found ?? JSON.stringify(body).slice(0, 500);
}
