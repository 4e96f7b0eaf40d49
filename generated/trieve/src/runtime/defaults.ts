/**
 * What a call does when neither the client nor the request says otherwise. The core reads these, and
 * so do the command line's help, the package README and the command-line docs page, so none of them
 * restates a number.
 */

/** Milliseconds per attempt, body included. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;
/** The response header results' `_request_id` comes from, unless clientgen.yaml's `requestIdHeader` names another. */
export const DEFAULT_REQUEST_ID_HEADER = "x-request-id";
