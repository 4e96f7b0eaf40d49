/**
 * Envelopes, for clients configured with one (clientgen.yaml `envelope`): generated as
 * `envelope({ result: "result", success: "success", errors: "errors" })`, so other clients don't bundle it.
 */
import { makeAPIError } from "./errors.js";
import type { Envelope, EnvelopeSpec } from "./types.js";
import { isObject } from "./util.js";

export function envelope(spec: EnvelopeSpec): Envelope {
  const { result, success, errors } = spec;
  return {
    ...spec,
    unwrap(op, body, response, redact, requestIdHeader) {
      if (op.envelope === false || !isObject(body) || !(result in body || (success && success in body))) return body;
      if (success && body[success] === false) throw makeAPIError(response, body, errors, redact, requestIdHeader);
      return body[result];
    },
  };
}
