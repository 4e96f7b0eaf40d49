/** A fenced code block of a Markdown file, with where it is: its line and the `##` / `###` headings above it. */
export interface CodeBlock {
  language: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  section: string;
  sub: string;
}

/** Every fenced code block (``` or ~~~, any length) of a Markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  let section = "";
  let sub = "";
  let open: { fence: string; language: string; line: number; lines: string[] } | undefined;
  markdown.split("\n").forEach((line, i) => {
    if (open) {
      if (line.trim().startsWith(open.fence) && line.trim().replace(/[`~]/g, "") === "") {
        out.push({ language: open.language, code: open.lines.join("\n"), line: open.line, section, sub });
        open = undefined;
      } else open.lines.push(line);
      return;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) open = { fence: fence[1]!, language: fence[2]!, line: i + 1, lines: [] };
    else if (line.startsWith("## ")) [section, sub] = [line.slice(3).trim(), ""];
    else if (line.startsWith("### ")) sub = line.slice(4).trim();
  });
  return out;
}
