import { describe, expect, it } from "vitest";
import { boundedLiteral, dataLiteral } from "../../../src/emit/code/source-writer.js";
import {
  Call,
  Code,
  LINE_WIDTH,
  stringPieces,
  wrappedHead,
  wrappedLiteral,
} from "../../../src/emit/code/wrapped-literal.js";

/** Evaluates a generated expression. */
const evaluate = (code: string): unknown => new Function(`return (${code});`)();
const widest = (text: string): number => Math.max(...text.split("\n").map((l) => l.length));

describe("literals wrapped at 120 columns", () => {
  const long = {
    id: "listInvites",
    method: "get",
    path: "/organization/invites",
    query: { limit: "limit", after: "after" },
  };
  const nested = { ...long, pagination: { kind: "cursor", items: "data", hasMore: "has_more", cursorParam: "after" } };

  it("stays on one line where it fits, counting what the line holds besides it", () => {
    expect(wrappedLiteral({ a: 1, b: [2, 3] })).toBe("{ a: 1, b: [2, 3] }");
    const text = wrappedLiteral(long, undefined, "", 0);
    expect(text).not.toContain("\n");
    expect(wrappedLiteral(long, undefined, "", LINE_WIDTH - text.length + 1)).toContain("\n");
  });

  it("breaks one entry a line, inner values on one line where they fit, and reads back as the same data", () => {
    const head = "const listInvitesSpec: OperationSpec = ";
    const text = wrappedLiteral(nested, undefined, "", head.length + 1);
    expect(text).toBe(
      [
        "{",
        '  id: "listInvites",',
        '  method: "get",',
        '  path: "/organization/invites",',
        '  query: { limit: "limit", after: "after" },',
        '  pagination: { kind: "cursor", items: "data", hasMore: "has_more", cursorParam: "after" },',
        "}",
      ].join("\n"),
    );
    expect(evaluate(text)).toEqual(nested);
  });

  it("wraps arrays and deep values so no line passes the width (strings aside)", () => {
    const data = {
      rows: Array.from({ length: 12 }, (_, i) => ({
        name: `field${i}`,
        required: i % 2 === 0,
        schema: { type: "string" },
      })),
    };
    const text = wrappedLiteral(data, undefined, "  ", 10);
    expect(widest(text)).toBeLessThanOrEqual(LINE_WIDTH);
    expect(evaluate(text)).toEqual(data);
  });

  it("puts a property's string too long for its line under the key, and one too long for any line in pieces", () => {
    const example = `${"name=value ".repeat(9)}x=12345`;
    const description = `${"A sentence of the description. ".repeat(5)}\nIts second line, "quoted".\n\n${"é😀".repeat(40)}`;
    const data = { rows: [{ example, description, short: "fits" }] };
    const text = wrappedLiteral(data, undefined, "", 20);
    expect(text).toContain(`      example:\n        ${JSON.stringify(example)},\n`);
    expect(text).toContain('        "Its second line, \\"quoted\\".\\n" +\n        "\\n" +\n');
    expect(text).toContain('short: "fits"');
    expect(widest(text)).toBeLessThanOrEqual(LINE_WIDTH);
    expect(evaluate(text)).toEqual(data);
    // A piece never ends inside a character: each is valid UTF-16 on its own (encodeURIComponent throws on half a pair).
    for (const piece of stringPieces("😀".repeat(30), 21)) expect(() => encodeURIComponent(piece)).not.toThrow();
  });

  it("prints code as it is, and a call hugs its last object argument", () => {
    const entries = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`op${i}`, { command: `op${i}`, group: "Things" }]),
    );
    const call = new Call({ callee: "register", args: [new Code("operations"), entries] });
    const text = wrappedLiteral({ client: new Code("(o) => o"), operations: call });
    expect(text.split("\n").slice(0, 4)).toEqual([
      "{",
      "  client: (o) => o,",
      "  operations: register(operations, {",
      '    op0: { command: "op0", group: "Things" },',
    ]);
    expect(text.endsWith("  }),\n}")).toBe(true);
  });

  it("puts a call's arguments a line each when the object is not last", () => {
    const setup = {
      name: "postInvitation",
      keys: { trOrganization: "trOrganization" },
      fields: "invitationData",
      params: true,
    };
    const call = new Call({ callee: "requestBuilder<B>", args: [setup, new Code("this.#client"), new Code("[id]")] });
    expect(wrappedLiteral(call, undefined, "", 70)).toBe(
      [
        "requestBuilder<B>(",
        '  { name: "postInvitation", keys: { trOrganization: "trOrganization" }, fields: "invitationData", params: true },',
        "  this.#client,",
        "  [id],",
        ")",
      ].join("\n"),
    );
  });

  it("a function head gets one parameter a line only when it would pass the width", () => {
    expect(wrappedHead("list", ["params?: P", "options?: O"], "R")).toBe("list(params?: P, options?: O): R");
    const params = ["client: ClientCore", "params: PostInvitationParams", "options?: RequestOptions"];
    expect(wrappedHead("export function postInvitation", params, "APIPromise<PostInvitationResponse>")).toBe(
      "export function postInvitation(\n  client: ClientCore,\n  params: PostInvitationParams,\n  options?: RequestOptions,\n): APIPromise<PostInvitationResponse>",
    );
  });

  it("asks whether a value fits without printing all of it: the one-line text within the budget, else nothing", () => {
    const value = { a: [1, "two", { b: null }], c: true };
    const text = dataLiteral(value);
    expect(boundedLiteral(value, undefined, text.length)).toBe(text);
    expect(boundedLiteral(value, undefined, text.length - 1)).toBeUndefined();
    expect(boundedLiteral([], undefined, 2)).toBe("[]");
  });
});
