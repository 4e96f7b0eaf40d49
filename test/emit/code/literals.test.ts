import { describe, expect, it } from "vitest";
import { dataLiteral } from "../../../src/emit/code/source-writer.js";
import { isIdentifier, propertyKey } from "../../../src/ts-syntax.js";

/** Evaluates a generated expression. */
const evaluate = (code: string): unknown => new Function(`return (${code});`)();

describe("property keys and data literals", () => {
  it.each([
    ["limit", "limit"],
    ["$ref", "$ref"],
    ["TR-Organization", '"TR-Organization"'],
    ["2fa", '"2fa"'],
    ["", '""'],
    ["__proto__", '["__proto__"]'],
    ["constructor", "constructor"],
  ])("%j is written %s", (name, key) => {
    expect(propertyKey(name)).toBe(key);
  });

  it("identifiers are ASCII names not starting with a digit", () => {
    expect(["a", "_a", "$", "a1"].every(isIdentifier)).toBe(true);
    expect(["1a", "a-b", "", "é"].some(isIdentifier)).toBe(false);
  });

  it("an object with a `__proto__` key keeps it as an own property, value and all", () => {
    const data = JSON.parse('{"__proto__": "x", "a-b": [1, {"__proto__": {"y": 2}}]}') as unknown;
    const code = dataLiteral(data);
    expect(code).toBe('{ ["__proto__"]: "x", "a-b": [1, { ["__proto__"]: { y: 2 } }] }');
    const back = evaluate(code) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a-b"]);
    expect(JSON.stringify(back)).toBe(JSON.stringify(data));
  });
});
