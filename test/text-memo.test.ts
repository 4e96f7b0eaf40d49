import { describe, expect, it } from "vitest";
import { markdownBlock, markdownInline, tableCell } from "../src/emit/docs/markdown.js";
import { rememberText } from "../src/text-memo.js";

describe("rememberText", () => {
  it("converts each text once and gives every caller the same result", () => {
    const calls: (string | undefined)[] = [];
    const upper = rememberText((text: string | undefined) => {
      calls.push(text);
      return (text ?? "none").toUpperCase();
    });
    expect([upper("a"), upper("b"), upper("a"), upper(undefined), upper(undefined), upper("")]).toEqual([
      "A",
      "B",
      "A",
      "NONE",
      "NONE",
      "",
    ]);
    expect(calls).toEqual(["a", "b", undefined, ""]);
  });

  it("keeps at most `limit` texts, and converts a forgotten one again correctly", () => {
    const calls: string[] = [];
    const twice = rememberText((text: string) => {
      calls.push(text);
      return text + text;
    }, 2);
    expect([twice("x"), twice("y"), twice("z"), twice("x"), twice("z")]).toEqual(["xx", "yy", "zz", "xx", "zz"]);
    expect(calls).toEqual(["x", "y", "z", "x"]);
  });

  it("remembers per conversion: the Markdown functions never hand out each other's results", () => {
    const text = "a | b\n\n# c";
    expect(markdownInline(text)).toBe("a | b # c");
    expect(tableCell(text)).toBe("a \\| b # c");
    expect(markdownBlock(text)).toBe("a | b\n\n**c**");
    expect(markdownInline(text)).toBe("a | b # c");
  });
});
