/** The event-stream parser against the WHATWG rules, fed whole and split at every byte. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SSEDecoder, type ServerSentEvent } from "../../src/runtime/sse-decoder.js";

const bytes = (s: string) => new TextEncoder().encode(s);

/** Every event the decoder gives for `chunks`, then the end of the body. */
function decode(chunks: Uint8Array[]): ServerSentEvent[] {
  const d = new SSEDecoder();
  return [...chunks.flatMap((c) => d.push(c)), ...d.push()];
}

/** The body cut at the given byte offsets. */
function split(body: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts)].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => body.slice(from, at[i] ?? body.length));
}

const ev = (data: string, more: Partial<ServerSentEvent> = {}): ServerSentEvent => ({
  event: "message",
  data,
  id: "",
  retry: undefined,
  ...more,
});

const TABLE: Array<[string, string, ServerSentEvent[]]> = [
  ["one event", "data: {}\n\n", [ev("{}")]],
  ["no space after the colon", "data:x\n\n", [ev("x")]],
  ["only one leading space is removed", "data:  x\n\n", [ev(" x")]],
  ["multi-line data joined with LF", "data: a\ndata: b\ndata\n\n", [ev("a\nb\n")]],
  ["empty data line dispatches an empty event", "data:\n\n", [ev("")]],
  ["comments are ignored", ": ping\n:\ndata: x\n: between\n\n", [ev("x")]],
  ["a block with no data dispatches nothing", "event: ping\nid: 1\n\ndata: x\n\n", [ev("x", { id: "1" })]],
  [
    "event names kept, reset after each event",
    "event: add\ndata: 1\n\ndata: 2\n\n",
    [ev("1", { event: "add" }), ev("2")],
  ],
  [
    "id persists until changed",
    "id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n",
    [ev("a", { id: "7" }), ev("b", { id: "7" }), ev("c")],
  ],
  [
    "an id holding NUL is ignored",
    "id: 1\ndata: a\n\nid: x\0y\ndata: b\n\n",
    [ev("a", { id: "1" }), ev("b", { id: "1" })],
  ],
  [
    "retry: digits only",
    "retry: 150\ndata: a\n\nretry: 1x\ndata: b\n\n",
    [ev("a", { retry: 150 }), ev("b", { retry: 150 })],
  ],
  ["unknown fields are ignored", "foo: bar\ndata: x\n\n", [ev("x")]],
  ["CR line ends", "data: a\rdata: b\r\r", [ev("a\nb")]],
  ["CRLF line ends", "data: a\r\ndata: b\r\n\r\n", [ev("a\nb")]],
  ["mixed line ends", "data: a\r\n\ndata: b\r\rdata: c\n\r\n", [ev("a"), ev("b"), ev("c")]],
  ["a leading BOM is dropped", "\uFEFFdata: x\n\n", [ev("x")]],
  ["a BOM after the start is kept", "data: \uFEFFx\n\n", [ev("\uFEFFx")]],
  ["an unfinished event at the end is dropped", "data: a\n\ndata: b\n", [ev("a")]],
  ["an unfinished line at the end is dropped", "data: a\n\ndata: b", [ev("a")]],
  ["multi-byte characters", 'data: {"t":"héllo 🌍 日本"}\n\n', [ev('{"t":"héllo 🌍 日本"}')]],
  ["[DONE] is data like any other here", "data: [DONE]\n\n", [ev("[DONE]")]],
  ["a field name without a colon", "data\n\n", [ev("")]],
];

describe("SSEDecoder", () => {
  it.each(TABLE)("%s", (_name, body, expected) => {
    expect(decode([bytes(body)])).toEqual(expected);
  });

  it.each(TABLE)("%s, split at every byte", (_name, body, expected) => {
    const b = bytes(body);
    expect(decode(split(b, [...b.keys()].slice(1)))).toEqual(expected);
  });

  it("gives the same events wherever the chunks end (inside UTF-8 characters, between CR and LF)", () => {
    const body = bytes(TABLE.map(([, b]) => b.replace(/^\uFEFF/, "")).join("\n\n"));
    const whole = decode([body]);
    expect(whole.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(decode(split(body, cuts))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("an LF after a CR ending one chunk is not a second line end, even after an empty chunk", () => {
    expect(decode([bytes("data: a\r"), new Uint8Array(0), bytes("\n"), bytes("\n")])).toEqual([ev("a")]);
    // Had the LF counted as a line of its own, this would be one event, not none.
    expect(decode([bytes("data: a\r"), bytes("\ndata: b\n")])).toEqual([]);
  });

  it("dispatches an event as soon as its blank line arrives", () => {
    const d = new SSEDecoder();
    expect(d.push(bytes("data: a\n"))).toEqual([]);
    expect(d.push(bytes("\n"))).toEqual([ev("a")]);
    expect(d.push(bytes("data: b\r"))).toEqual([]);
    expect(d.push(bytes("\r"))).toEqual([ev("b")]);
  });

  it("replaces invalid UTF-8 with U+FFFD", () => {
    expect(decode([new Uint8Array([...bytes("data: "), 0xff, 0x0a, 0x0a])])).toEqual([ev("\uFFFD")]);
  });
});
