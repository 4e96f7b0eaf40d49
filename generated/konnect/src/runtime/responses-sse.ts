/**
 * Readers of `text/event-stream` responses: the answer is a Stream of events. Kept apart from
 * responses.ts so only operations that stream carry the Stream and its decoder.
 */
import { UnexpectedResponseError } from "./errors.js";
import { Stream } from "./stream.js";
import type { ResponseReader } from "./types.js";

/**
 * A Stream of the events. The attempt's timeout and retries end with the headers; past them the idle
 * timeout holds (no byte for `timeout` ms ends the stream with an APIConnectionTimeoutError), and the
 * request's signal aborts the stream. A JSON answer instead (a server that ignored the request to
 * stream) is an UnexpectedResponseError rather than a stream of nothing.
 */
export const sseResponse: ResponseReader = {
  accept: "text/event-stream",
  read: async (r, _keep, client, op, _params, o) => {
    if (/json/i.test(r.headers.get("content-type") ?? "")) throw new UnexpectedResponseError(op.id, r, await r.text());
    return Stream.fromSSEResponse(r, {
      timeout: o?.timeout ?? client.options.timeout,
      signal: o?.signal,
      framed: op.framedEvents,
    });
  },
};

/**
 * For an operation offering JSON and an event stream, chosen by the request's `stream` field (or the
 * one `op.streamParam` names), as openai-node does: a Stream when it is `true`, else the JSON. The
 * request decides rather than the response's content-type because the method's overloads promise
 * `Stream<Chunk>` exactly for `stream: true`: a server that answers the other way fails loudly instead
 * of handing back a value of the wrong type.
 */
export const sseOrJSONResponse: ResponseReader = {
  accept: "application/json, text/event-stream",
  read: (r, keep, client, op, params, o) =>
    params?.[op.streamParam ?? "stream"] === true
      ? sseResponse.read(r, keep, client, op, params, o)
      : client.parse({ ...op, response: undefined }, r, keep),
};
