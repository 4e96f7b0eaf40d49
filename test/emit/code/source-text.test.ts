import CodeBlockWriter from "code-block-writer";
import { describe, expect, it } from "vitest";
import type { Docs } from "../../../src/model/api-model.js";
import { block, INDENT, jsDoc, jsDocLines, line } from "../../../src/emit/code/source-writer.js";

/** ts-morph's writer, set up as DESIGN's generated files would be: the oracle the text helpers answer to. */
const newWriter = (): CodeBlockWriter =>
  new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: false, newLine: "\n" });

/** The JSDoc's lines written through the writer, which indents them itself inside a block. */
function writeJsDoc(writer: CodeBlockWriter, docs: Docs | undefined, extra: string[] = []): void {
  for (const text of jsDocLines(docs, extra)) writer.writeLine(text);
}

/**
 * Every generated TypeScript file is built as text with `line`, `block` and `jsDoc` instead of the
 * writer; they must give exactly the writer's bytes.
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
