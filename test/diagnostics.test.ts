import { describe, expect, it } from "vitest";
import { codeFrame, formatDiagnostic, jsonPointer, pointerSegments } from "../src/diagnostics.js";

/** The frame's source line and its caret line, without the gutter (`> 1 | `). */
function sourceAndCaret(frame: string, line: number): { source: string; caret: number } {
  const rows = frame.split("\n");
  const at = rows.findIndex((r) => r.startsWith(`> ${line}`) || new RegExp(`^> +${line} \\|`).test(r));
  const gutter = rows[at]!.indexOf("| ") + 2;
  return { source: rows[at]!.slice(gutter), caret: rows[at + 1]!.indexOf("^") - gutter };
}

describe("codeFrame", () => {
  it("shows short lines whole, with the caret under the column", () => {
    const text = "openapi: 3.0.3\ninfo:\n  title: Pets\n  version: 1\npaths: {}\n";
    const frame = codeFrame(text, 3, 3);
    expect(frame).toContain("  title: Pets");
    const { source, caret } = sourceAndCaret(frame, 3);
    expect(source).toBe("  title: Pets");
    expect(source[caret]).toBe("t");
  });

  const line = Array.from({ length: 2000 }, (_, i) => String(i % 10)).join("") + "X" + "y".repeat(3000);
  it.each([
    ["near the start", 5],
    ["in the middle", 2001],
    ["near the end", line.length - 3],
  ])("clips a 5,000-character line to a window around a column %s, caret on its character", (_, column) => {
    const frame = codeFrame(line, 1, column);
    const { source, caret } = sourceAndCaret(frame, 1);
    expect(source.length).toBeLessThanOrEqual(102);
    expect(source[caret]).toBe(line[column - 1]);
    expect(source.startsWith("…")).toBe(column > 60);
    expect(source.endsWith("…")).toBe(column < line.length - 60);
    expect(frame.length).toBeLessThan(300);
  });

  it("cuts every line of a frame to the same columns, so they stay aligned", () => {
    const long = (c: string) => c.repeat(500);
    const text = [long("a"), `${long("b").slice(0, 299)}Z${long("b")}`, "", long("c")].join("\n");
    const frame = codeFrame(text, 2, 300);
    const rows = frame.split("\n");
    expect(rows.every((r) => r.length < 120)).toBe(true);
    expect(sourceAndCaret(frame, 2).source[sourceAndCaret(frame, 2).caret]).toBe("Z");
    expect(rows).toContain("  3 | ");
  });
});

describe("JSON pointers", () => {
  it.each([
    [["paths", "/jobs/{id}", "post"], "/paths/~1jobs~1{id}/post"],
    [["components", "schemas", "a~b/c"], "/components/schemas/a~0b~1c"],
    [["paths", "/x", "get", "parameters", 2], "/paths/~1x/get/parameters/2"],
    [[], ""],
  ])("%j ⇄ %s", (segments, pointer) => {
    expect(jsonPointer(segments)).toBe(pointer);
    expect(pointerSegments(pointer)).toEqual(segments.map(String));
  });

  it("is printed with the finding, between the frame and the hint", () => {
    const text = formatDiagnostic(
      {
        severity: "warning",
        rule: "name-clash",
        message: "m",
        hint: "h",
        pointer: "/paths/~1a/get",
        location: { file: "a.json", line: 1, column: 1 },
        frame: "> 1 | {}",
      },
      { color: false },
    );
    expect(text.split("\n")).toEqual([
      "a.json:1:1 warning[name-clash] m",
      "> 1 | {}",
      "  at /paths/~1a/get",
      "  hint: h",
    ]);
  });
});
