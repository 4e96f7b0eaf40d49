import { describe, expect, it } from "vitest";
import { operationHelp } from "../../src/runtime-cli/help.js";
import type { CliOperation, CliProgram } from "../../src/runtime-cli/program.js";
import { runCli } from "../../src/runtime-cli/run-cli.js";
import { fit, wrapCell, wrapWords } from "../../src/runtime-cli/wrap.js";

describe("wrapping words", () => {
  it.each<[string, string, number, string[]]>([
    ["breaks between words", "one two three four", 9, ["one two", "three", "four"]],
    [
      "keeps a word longer than the room whole",
      "a https://example.test/very/long b",
      10,
      ["a", "https://example.test/very/long", "b"],
    ],
    ["gives one empty line for no text", "", 10, [""]],
  ])("%s", (_, text, room, lines) => {
    expect(wrapWords(text, room)).toEqual(lines);
  });

  it("hangs a table cell's continuation lines under its start", () => {
    expect(wrapCell("  --all  ", "every item of every page, one JSON line each", 34)).toBe(
      ["  --all  every item of every page,", "         one JSON line each"].join("\n"),
    );
  });

  it("puts a cell below its row when the row leaves too little room", () => {
    const prefix = `  ${"x".repeat(60)}  `;
    expect(wrapCell(prefix, "ID of the organization the request acts on.", 70)).toBe(
      `  ${"x".repeat(60)}\n      ID of the organization the request acts on.`,
    );
  });

  it("wraps prose under its own indent and leaves short lines alone", () => {
    expect(fit("  alpha beta gamma delta\nshort", 14)).toBe("  alpha beta\n  gamma delta\nshort");
  });
});

const description =
  "Pagination cursor: the ID of the last object on the previous page. If a page ended with obj_foo, send after=obj_foo to get the objects that follow it.";
const op: CliOperation = {
  command: "listThings",
  group: "things",
  summary: "List things",
  method: "get",
  path: "/things",
  call: () => {
    throw new Error("not called");
  },
  params: [{ name: "after", key: "after", in: "query", required: false, schema: { type: "string" }, description }],
  takesParams: true,
  response: "json",
  example: "after=obj_foo",
};
const program = {
  bin: "demo",
  title: "Demo",
  version: "1.0.0",
  options: [],
  operations: [op],
} as unknown as CliProgram;
const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

describe("help at the terminal's width", () => {
  it.each([60, 80, 120])("fits %i columns, with descriptions under their column", (width) => {
    const help = operationHelp(program, op, width);
    expect(widest(help)).toBeLessThanOrEqual(width);
    const rows = help.split("\n");
    const first = rows.findIndex((r) => r.includes("Pagination cursor"));
    const column = rows[first]!.indexOf("Pagination cursor");
    expect(rows[first + 1]!.search(/\S/)).toBe(column);
  });

  it("keeps a description on one line on a wide terminal (220 columns)", () => {
    expect(operationHelp(program, op, 220)).toContain(description);
  });

  it("reads the width from the host, 80 when it gives none (not a terminal)", async () => {
    const help = async (columns?: number) => {
      const out: string[] = [];
      await runCli(program, {
        args: ["listThings", "--help"],
        env: {},
        stdoutIsTTY: columns !== undefined,
        ...(columns ? { columns } : {}),
        write: async (_stream, chunk) => void out.push(String(chunk)),
        readStdin: async () => new Uint8Array(),
        readFile: async () => new Uint8Array(),
        openFile: async () => {
          throw new Error("no files in this test");
        },
        onInterrupt: () => {},
        exit: () => {},
      });
      return out.join("");
    };
    expect(widest(await help())).toBeLessThanOrEqual(80);
    expect(widest(await help())).toBeGreaterThan(60);
    expect(await help(220)).toContain(description);
  });
});
