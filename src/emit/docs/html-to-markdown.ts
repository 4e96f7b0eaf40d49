import { decodeEntities, safeUrl } from "./safe-url.js";

/**
 * HTML inside a spec's Markdown, turned into Markdown (OpenAPI descriptions are CommonMark, and
 * specs mix in `<a href>`, `<code>`, `<br>`, `<p>`, lists). The policy:
 * - a small set of inline and block tags becomes its Markdown equivalent (links only to absolute http(s) or
 *   mailto URLs; anything else, relative links included, keeps its text and loses the link);
 * - other HTML elements are dropped and their text kept; `<script>`, `<style>` and other elements
 *   whose content is not text are dropped with their content; comments are dropped;
 * - anything else that starts with `<` (`<owner>`, `a < b`) is text, and its `<` is escaped,
 * so no tag, attribute or event handler from a spec ever reaches the page as HTML.
 */
export function htmlToMarkdown(text: string, inline: boolean): string {
  const out: string[] = [];
  const links: (string | undefined)[] = [];
  const lists: ("ul" | "ol")[] = [];
  const marks = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      out.push(linkText(text.slice(i), links));
      break;
    }
    out.push(linkText(text.slice(i, lt), links));
    const rest = text.slice(lt);
    const comment = /^<!--[\s\S]*?(?:-->|$)/.exec(rest);
    const tag = comment ? undefined : TAG.exec(rest);
    if (comment) i = lt + comment[0].length;
    else if (tag && DROPPED_WITH_CONTENT.has(tag[2]!.toLowerCase())) i = lt + skipElement(rest, tag);
    else if (tag && !tag[1] && CODE_ELEMENTS.has(tag[2]!.toLowerCase()) && closingTag(rest, tag)) {
      const close = closingTag(rest, tag)!;
      out.push(codeElement(tag[2]!.toLowerCase(), rest.slice(tag[0].length, close.index), inline));
      i = lt + close.index + close.length;
    } else if (tag && HTML_ELEMENTS.has(tag[2]!.toLowerCase())) {
      out.push(convertTag(tag[2]!.toLowerCase(), !!tag[1], tag[3] ?? "", { inline, links, lists, marks }));
      i = lt + tag[0].length;
    } else if (/^<(?:https?|mailto):[^\s<>]*>/i.test(rest)) {
      const end = rest.indexOf(">");
      const url = safeUrl(rest.slice(1, end));
      out.push(url ? `<${url}>` : escapeText(rest.slice(1, end)));
      i = lt + end + 1;
    } else {
      out.push("&lt;");
      i = lt + 1;
    }
  }
  return out.join("");
}

/** `<a href="x" class=y>`, `</p>`, `<br/>`; attribute values may hold `>` inside quotes. */
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/;

/** Elements whose content is code, styling or embedded documents rather than text. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set(
  "script style iframe object embed noscript template textarea title xmp svg math head select frame frameset applet noembed noframes plaintext".split(
    " ",
  ),
);

const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    "a abbr address article aside b bdi bdo big blockquote body br caption center cite code col colgroup dd del details dfn div dl dt em " +
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr html i img input ins kbd label legend li main mark meta nav ol p pre q rp rt ruby " +
    "s samp section small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr button link base"
  ).split(" "),
);

interface State {
  inline: boolean;
  /** The href of each open `<a>`, undefined when it was unsafe (its text stays, unlinked). */
  links: (string | undefined)[];
  lists: ("ul" | "ol")[];
  /** How many of each emphasis marker are open, so a stray closing tag adds none. */
  marks: Map<string, number>;
}

function mark(marker: string, closing: boolean, s: State): string {
  const open = s.marks.get(marker) ?? 0;
  if (closing && open === 0) return "";
  s.marks.set(marker, open + (closing ? -1 : 1));
  return marker;
}

/** Inline elements with a Markdown marker on both sides. */
const MARKERS: Record<string, string> = { b: "**", strong: "**", i: "*", em: "*", s: "~~", del: "~~", strike: "~~" };
/** Elements that are a paragraph of their own. */
const BLOCKS: ReadonlySet<string> = new Set(
  "p div pre blockquote section article header footer main aside nav figure figcaption details summary dl dt dd table tr caption address html body form".split(
    " ",
  ),
);

function convertTag(name: string, closing: boolean, attrs: string, s: State): string {
  const block = (text: string) => (s.inline ? " " : text);
  if (MARKERS[name]) return mark(MARKERS[name], closing, s);
  if (BLOCKS.has(name)) return block("\n\n");
  // Headings from a spec would join the page's outline: they are bold paragraphs instead.
  if (/^h[1-6]$/.test(name)) return closing ? `**${block("\n\n")}` : `${block("\n\n")}**`;
  switch (name) {
    case "a":
      return link(closing, attrs, s);
    case "br":
      return block("  \n");
    case "hr":
      return block("\n\n---\n\n");
    case "ul":
    case "ol":
      if (closing) s.lists.pop();
      else s.lists.push(name);
      return block("\n\n");
    case "li":
      if (closing) return "";
      return s.inline
        ? " • "
        : `\n${"   ".repeat(Math.max(0, s.lists.length - 1))}${s.lists.at(-1) === "ol" ? "1." : "-"} `;
    case "img":
      return escapeText(decodeEntities(attribute(attrs, "alt") ?? ""));
    case "td":
    case "th":
      return " ";
    default:
      // Other elements (and an unclosed <code>) lose the tag and keep their text.
      return "";
  }
}

/** `<a href>` opens `[` and its closing tag writes `](url)`; without a safe href, neither. */
function link(closing: boolean, attrs: string, s: State): string {
  if (closing) {
    if (!s.links.length) return "";
    const href = s.links.pop();
    return href === undefined ? "" : `](${href})`;
  }
  const href = safeUrl(attribute(attrs, "href"));
  s.links.push(href);
  return href === undefined ? "" : "[";
}

/** Skips an element dropped with its content: to its closing tag, or to the end when it has none. */
function skipElement(rest: string, open: RegExpExecArray): number {
  if (open[1] || open[0].endsWith("/>")) return open[0].length;
  const close = closingTag(rest, open);
  return close ? close.index + close.length : rest.length;
}

/** Where the element opened by `open` (at the start of `rest`) closes. */
function closingTag(rest: string, open: RegExpExecArray): { index: number; length: number } | undefined {
  const close = new RegExp(`</${open[2]}\\s*>`, "i").exec(rest.slice(open[0].length));
  return close ? { index: open[0].length + close.index, length: close[0].length } : undefined;
}

const CODE_ELEMENTS: ReadonlySet<string> = new Set(["code", "tt", "kbd", "samp", "pre"]);

/**
 * Code is literal: its markup goes, its entities are decoded, and it becomes a code span (or, for a
 * `<pre>` in a block, an indented code block, which no line inside it can escape).
 */
function codeElement(name: string, content: string, inline: boolean): string {
  const text = decodeEntities(
    content.replace(/<\/?([A-Za-z][A-Za-z0-9-]*)[^<>]*>/g, (tag, name: string) =>
      HTML_ELEMENTS.has(name.toLowerCase()) ? "" : tag,
    ),
  );
  if (name === "pre" && !inline)
    return `\n\n${text
      .replace(/^\n+|\s+$/g, "")
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n")}\n\n`;
  return inlineCode(text.replace(/\s+/g, " "));
}

/** Inline code that survives backticks inside the text. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || text.startsWith(" ") || text.endsWith(" ") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, "i").exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Text inside a link's brackets must not close them early. */
function linkText(text: string, links: (string | undefined)[]): string {
  return links.some((l) => l !== undefined) ? text.replace(/[[\]]/g, "\\$&") : text;
}

const escapeText = (text: string): string => text.replace(/</g, "&lt;").replace(/[[\]*_`|\\]/g, "\\$&");
