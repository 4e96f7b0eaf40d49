import { describe, expect, it } from "vitest";
import { block, INDENT, jsDoc, line, newWriter, writeJsDoc } from "../../../src/emit/code/source-writer.js";

/**
 * Big regular files are built as text with `line`, `block` and `jsDoc` instead of the writer; they
 * must give exactly the writer's bytes, or switching a file between them would change generated output.
 */
describe("source text matches what CodeBlockWriter writes", () => {
  const texts = ["const a = 1;", "", "first\nsecond", "a\r\nb", "trailing\n", "\nleading", "x\n\ny"];

  it.each(texts)("line %j at top level and indented", (text) => {
    const top = newWriter();
    top.writeLine(text);
    expect(line(text)).toBe(top.toString());
    const nested = newWriter();
    nested.write("class A").block(() => nested.writeLine(text));
    expect(`class A {\n${line(text, INDENT)}}`).toBe(nested.toString());
  });

  it("blocks, nested, with docs at each level", () => {
    const docs = {
      summary: "Lists things.",
      description: "Line one\nline two */ closes\n\n  indented",
      deprecated: true,
    };
    const w = newWriter();
    writeJsDoc(w, docs, ["GET /things", "", "@param id - the id"]);
    w.write("export class Things").block(() => {
      writeJsDoc(w, { description: "A member." });
      w.write("list(id: string): void").block(() => w.writeLine("return run(id);"));
      w.blankLine();
      w.writeLine("readonly x = 1;");
    });
    const method = block("list(id: string): void", line("return run(id);", INDENT + INDENT), INDENT);
    const body = `${jsDoc({ description: "A member." }, [], INDENT)}${method}\n${line("readonly x = 1;", INDENT)}`;
    const text = `${jsDoc(docs, ["GET /things", "", "@param id - the id"])}${block("export class Things", body)}`;
    expect(text).toBe(`${w.toString()}\n`);
    expect(text).toContain(" * line two *\\/ closes\n");
  });

  it("no docs, no comment", () => {
    expect(jsDoc(undefined)).toBe("");
    expect(jsDoc({ summary: "  ", description: "" })).toBe("");
  });
});
