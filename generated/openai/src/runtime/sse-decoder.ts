/**
 * Server-sent events: the WHATWG HTML "event stream interpretation"
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation), over
 * bytes as they arrive. Chunks may end anywhere: inside a UTF-8 character (TextDecoder's stream mode
 * holds it), inside a line, or between the CR and LF of a CRLF.
 */

/** One dispatched event. `data` is the raw text (its lines joined with LF). */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the event had none. */
  event: string;
  data: string;
  /** The last event ID: the latest `id:` field seen so far in the stream, this event's or an earlier one's. */
  id: string;
  /** The reconnection time (ms) the stream last set with `retry:`, if any. */
  retry: number | undefined;
}

export class SSEDecoder {
  // fatal: false, ignoreBOM: false: bad bytes become U+FFFD, and one leading BOM is dropped, as the spec says.
  #text = new TextDecoder();
  /** The start of a line whose end has not arrived. */
  #rest = "";
  /** The last chunk ended with CR: an LF starting the next one belongs to it. */
  #cr = false;
  #data = "";
  #event = "";
  #id = "";
  #retry: number | undefined;
  #out: ServerSentEvent[] = [];

  /** The events completed by `chunk`; call it with no chunk at the end of the body. */
  push(chunk?: Uint8Array): ServerSentEvent[] {
    this.#out = [];
    let text = this.#text.decode(chunk, { stream: !!chunk });
    if (text) {
      if (this.#cr && text.charCodeAt(0) === 10) text = text.slice(1);
      this.#cr = false;
    }
    text = this.#rest + text;
    // indexOf rather than a loop over characters: native, and most streams never send a CR, which one search then settles.
    let start = 0;
    let lf = text.indexOf("\n");
    let cr = text.indexOf("\r");
    for (;;) {
      if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
      if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
      const end = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
      if (end < 0) break;
      this.#line(text.slice(start, end));
      start = end + 1;
      if (end === cr) {
        if (start === text.length) this.#cr = true;
        else if (text.charCodeAt(start) === 10) start++;
      }
    }
    // At the end of the body an unfinished line is dropped, and so is an event without its blank line.
    this.#rest = chunk ? text.slice(start) : "";
    return this.#out;
  }

  #line(line: string): void {
    if (!line) return this.#dispatch();
    const colon = line.indexOf(":");
    if (colon === 0) return; // a comment
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value[0] === " ") value = value.slice(1);
    if (field === "data") this.#data += value + "\n";
    else if (field === "event") this.#event = value;
    else if (field === "id") {
      if (!value.includes("\0")) this.#id = value;
    } else if (field === "retry" && /^\d+$/.test(value)) this.#retry = Number(value);
  }

  #dispatch(): void {
    if (this.#data)
      this.#out.push({
        event: this.#event || "message",
        data: this.#data.slice(0, -1),
        id: this.#id,
        retry: this.#retry,
      });
    this.#data = this.#event = "";
  }
}
