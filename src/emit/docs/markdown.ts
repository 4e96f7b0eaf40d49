import { htmlToMarkdown } from "./html-to-markdown.js";
import { inlineCode } from "./html-to-markdown.js";
export { inlineCode };
import { safeUrl } from "./safe-url.js";
import { rememberText } from "../../text-memo.js";

/**
 * Spec text placed in Markdown. Descriptions are Markdown (CommonMark, as OpenAPI says), so their
 * emphasis, links, lists and code render; HTML in them becomes Markdown (html-to-markdown.ts); and
 * nothing in them can break the page around them: no heading joins the page's outline, a code fence
 * left open is closed, link reference definitions and setext underlines are escaped, and links go
 * only to absolute http(s) or mailto URLs. Code spans and fenced blocks are kept as written.
 * A memo (rememberText), keyed by the text.
 */
export const markdownBlock = rememberText(renderBlock);

function renderBlock(text: string | undefined): string {
  const segments = splitCode(clean(text).replace(/\r\n?/g, "\n").trim(), true);
  let atLineStart = true;
  const out = segments.map((seg) => {
    const rendered = seg.code ? seg.text : guardLines(renderText(seg.text, false), atLineStart);
    atLineStart = rendered.endsWith("\n");
    return { text: rendered, code: seg.code };
  });
  return withLinksChecked(out)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Spec text on one line (a heading, a list item): Markdown inline, whitespace collapsed. A memo keyed by the text. */
export const markdownInline = rememberText(renderInline);

function renderInline(text: string | undefined): string {
  const segments = splitCode(clean(text).replace(/\s+/g, " "), false);
  return withLinksChecked(segments.map((seg) => (seg.code ? seg : { text: renderText(seg.text, true), code: false })))
    .replace(/\s+/g, " ")
    .trim();
}

/** Private-use characters stand in for code while links are checked; the spec's own are dropped. */
const clean = (text: string | undefined): string => (text ?? "").replace(/[\uE000\uE001]/g, "");

/** Links are checked across code spans (`` [`GET /x`](url) ``), but code is never changed. */
function withLinksChecked(segments: Segment[]): string {
  const code = segments.filter((s) => s.code).map((s) => s.text);
  let n = 0;
  const joined = segments.map((s) => (s.code ? `\uE000${n++}\uE001` : s.text)).join("");
  return neutraliseLinks(joined).replace(/\uE000(\d+)\uE001/g, (_m, i: string) => code[Number(i)]!);
}

/**
 * Spec text in a table cell: inline, and no `|` that would split the row (code spans included, as GFM
 * requires). A memo keyed by the text.
 */
export const tableCell = rememberText((text: string | undefined): string => escapePipes(markdownInline(text)));

/**
 * `|` → `\|`. A pipe already after backslashes gets the backslashes as entities, so no reading of
 * `\\|` (escaped backslash, or escaped pipe) can end the cell.
 */
export function escapePipes(text: string): string {
  return text.replace(/(\\*)\|/g, (_m, slashes: string) => "&#92;".repeat(slashes.length) + "\\|");
}

/** Text as inline code in a table cell: backticks survive, pipes do not split the row. */
export const codeCell = (text: string): string => escapePipes(inlineCode(text));

interface Segment {
  text: string;
  code: boolean;
}

/** Splits text into code (spans; fenced blocks in block mode, an unclosed one closed at the end) and the rest. */
function splitCode(text: string, block: boolean): Segment[] {
  const out: Segment[] = [];
  const code = block ? /(^|\n)( {0,3})(`{3,}|~{3,})[^\n]*\n?|(`+)/g : /()()()(`+)/g;
  let plain = 0;
  for (let m = code.exec(text); m; m = code.exec(text)) {
    const start = m.index + (m[1]?.length ?? 0);
    const end = m[3] ? fenceEnd(text, code.lastIndex, m[3]) : spanEnd(text, code.lastIndex, m[4]!);
    if (end === undefined) continue;
    if (start > plain) out.push({ text: text.slice(plain, start), code: false });
    const body = text.slice(start, end.index);
    out.push({ text: m[3] && !end.closed ? `${body}${body.endsWith("\n") ? "" : "\n"}${m[3]}\n` : body, code: true });
    plain = code.lastIndex = end.index;
  }
  if (plain < text.length) out.push({ text: text.slice(plain), code: false });
  return out;
}

function fenceEnd(text: string, from: number, fence: string): { index: number; closed: boolean } {
  const close = new RegExp(`(^|\\n) {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*(\\n|$)`, "g");
  close.lastIndex = from - 1;
  const m = close.exec(text);
  return m && m.index + m[1]!.length >= from
    ? { index: m.index + m[0].length, closed: true }
    : { index: text.length, closed: false };
}

/** A run of n backticks closes at the next run of exactly n; none means the backticks are literal. */
function spanEnd(text: string, from: number, run: string): { index: number; closed: boolean } | undefined {
  const close = /`+/g;
  close.lastIndex = from;
  for (let m = close.exec(text); m; m = close.exec(text))
    if (m[0].length === run.length) return { index: close.lastIndex, closed: true };
  return undefined;
}

function renderText(text: string, inline: boolean): string {
  return htmlToMarkdown(text, inline).replace(/[ \t]+(?=\n\n)/g, "");
}

/** `[text](javascript:…)` and `![alt](data:…)` keep their text and lose the link. */
function neutraliseLinks(text: string): string {
  return text.replace(
    /(!?)\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>]*>|(?:[^\s()]|\([^\s()]*\))*)((?:\s+(?:"[^"]*"|'[^']*'))?)\s*\)/g,
    (whole, bang: string, label: string, dest: string) => {
      const url = dest.startsWith("<") ? dest.slice(1, -1) : dest;
      return safeUrl(url) === undefined ? (bang ? label.replace(/[[\]]/g, "") : label) : whole;
    },
  );
}

/** Line-level constructs that would reach outside a description: headings, setext underlines, reference definitions. */
function guardLines(text: string, atLineStart: boolean): string {
  return text
    .split("\n")
    .map((line, i) => {
      if (i === 0 && !atLineStart) return line;
      const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
      if (heading) return heading[1] ? `**${heading[1]}**` : "";
      if (/^ {0,3}(=+|-+)[ \t]*$/.test(line)) return line.replace(/^( *)/, "$1\\");
      return line.replace(/^( {0,3})\[(?=(?:\\.|[^\]\\])+\]:)/, "$1\\[");
    })
    .join("\n");
}
