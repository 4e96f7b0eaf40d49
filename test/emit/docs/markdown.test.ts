import { describe, expect, it } from "vitest";
import { escapePipes, inlineCode, markdownBlock, markdownInline, tableCell } from "../../../src/emit/docs/markdown.js";
import { safeUrl } from "../../../src/emit/docs/safe-url.js";

describe("spec descriptions render as Markdown", () => {
  it.each([
    [
      "Markdown stays Markdown",
      "Use **bold**, *em*, `code` and [docs](https://x.io/d).",
      "Use **bold**, *em*, `code` and [docs](https://x.io/d).",
    ],
    [
      "<a href> becomes a link",
      'See <a href="https://x.io/a?b=1&amp;c=2">the guide</a>.',
      "See [the guide](https://x.io/a?b=1&c=2).",
    ],
    [
      "single-quoted and unquoted href",
      "<a href='https://a.io'>a</a> <a href=https://b.io>b</a>",
      "[a](https://a.io) [b](https://b.io)",
    ],
    ["inline tags", "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <del>d</del>", "**b** **s** *i* *e* ~~d~~"],
    ["<code> keeps its text literal", "<code>List<T></code> and <code>a &amp;&amp; b</code>", "`List<T>` and `a && b`"],
    ["backticks inside <code>", "<code>a`b</code>", "`` a`b ``"],
    ["<br> is a hard line break", "one<br>two<br/>three", "one  \ntwo  \nthree"],
    ["<p> are paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"],
    ["lists", "<ul><li>one</li><li>two</li></ul>", "- one\n- two"],
    ["ordered lists", "<ol><li>one</li><li>two</li></ol>", "1. one\n1. two"],
    [
      "<pre> is an indented code block",
      "Run:<pre>\n# not a heading\nx = 1</pre>",
      "Run:\n\n    # not a heading\n    x = 1",
    ],
    ["unknown tags are text", "GET /repos/<owner>/<repo> when a < b", "GET /repos/&lt;owner>/&lt;repo> when a &lt; b"],
    ["known tags without Markdown equivalent keep their text", '<span class="x">a</span> <div>b</div>', "a\n\nb"],
    ["comments are dropped", "a<!-- secret -->b", "ab"],
    ["code spans are kept as written", "`<script>` and `<a href=x>`", "`<script>` and `<a href=x>`"],
    [
      "fenced code is kept as written",
      "Example:\n\n```html\n<b>x</b>\n# y\n```\nafter",
      "Example:\n\n```html\n<b>x</b>\n# y\n```\nafter",
    ],
    ["autolinks with a safe scheme stay", "<https://x.io/a>", "<https://x.io/a>"],
    ["HTML entities stay entities", "&lt;b&gt; &copy;", "&lt;b&gt; &copy;"],
  ])("%s", (_name, input, expected) => {
    expect(markdownBlock(input)).toBe(expected);
  });
});

describe("spec descriptions cannot break the page or inject script", () => {
  it.each([
    ["<script> goes with its content", "a<script>alert(1)</script>b", "ab"],
    ["<script> without a closing tag takes the rest", "a<script>alert(1)", "a"],
    [
      "<style>, <iframe>, <svg> go with their content",
      "<style>p{}</style><iframe src=x>f</iframe><svg onload=alert(1)><g/></svg>ok",
      "ok",
    ],
    [
      "event handlers go with their tag",
      '<img src=x onerror="alert(1)" alt="pic"> <div onclick="x()">t</div>',
      "pic\n\nt",
    ],
    ["javascript: links lose the link", '<a href="javascript:alert(1)">click</a>', "click"],
    [
      "obfuscated schemes are caught",
      '<a href="java&#x09;script:alert(1)">a</a> <a href=" JaVaScRiPt:x">b</a> <a href="data:text/html,x">c</a>',
      "a b c",
    ],
    [
      "Markdown links to javascript: lose the link",
      "[x](javascript:alert(1)) [y](vbscript:z) [z](&#106;avascript:q)",
      "x y z",
    ],
    ["Markdown images to data: lose the image", "![pic](data:image/svg+xml,x)", "pic"],
    [
      "links around code spans are checked too",
      "[`GET /x`](/rest/x#y) [`ok`](https://x.io) [`a`](javascript:b)",
      "`GET /x` [`ok`](https://x.io) `a`",
    ],
    [
      "relative links point into the spec author's site: they lose the link",
      '[apps](/developers/apps) [see](#section) <a href="/x">x</a>',
      "apps see x",
    ],
    ["autolinks to javascript: are text", "<javascript:alert(1)>", "&lt;javascript:alert(1)>"],
    ["headings do not join the page's outline", "# Title\n## Sub ##\ntext", "**Title**\n**Sub**\ntext"],
    ["HTML headings are bold", "<h2>Sub</h2>text", "**Sub**\n\ntext"],
    ["setext underlines are escaped", "Title\n=====\nSub\n---", "Title\n\\=====\nSub\n\\---"],
    ["link reference definitions are escaped", "[x]: javascript:alert(1)\n[x]", "\\[x]: javascript:alert(1)\n[x]"],
    ["an unclosed fence is closed", "a\n```\ncode", "a\n```\ncode\n```"],
    ["a closing tag with no opening one is dropped", "a</a></b>b", "ab"],
  ])("%s", (_name, input, expected) => {
    expect(markdownBlock(input)).toBe(expected);
  });

  it.each([
    ["newlines collapse", "one\ntwo\n\nthree", "one two three"],
    ["pipes are escaped, code spans too", "a | b `x|y`", "a \\| b `x\\|y`"],
    ["an escaped pipe stays one cell", "a \\| b", "a &#92;\\| b"],
    ["headings in a cell are text", "# not a heading", "# not a heading"],
    ["lists in a cell are inline", "<ul><li>a</li><li>b</li></ul>", "• a • b"],
    ["<br> in a cell is a space", "a<br>b", "a b"],
    ["links in a cell", 'see <a href="https://x.io">x</a>', "see [x](https://x.io)"],
    ["script in a cell", "a<script>x|y</script>b", "ab"],
  ])("table cell: %s", (_name, input, expected) => {
    expect(tableCell(input)).toBe(expected);
    expect(tableCell(input).split("\n")).toHaveLength(1);
  });

  it("no row of a table is ever split, whatever the text", () => {
    const nasty = [
      "a\n\n| x | y |\n|---|---|",
      "`unclosed | code",
      "\\\\|",
      "x\r\ny",
      "<td>a</td><td>b</td>",
      "```\n|\n```",
    ];
    for (const text of nasty) {
      const cell = tableCell(text);
      expect(cell).not.toMatch(/\n/);
      // Every pipe is escaped by exactly one backslash.
      expect(cell.replace(/\\\|/g, "")).not.toContain("|");
    }
  });

  it("headings and titles are one line", () => {
    expect(markdownInline("Pets\nAPI <b>v2</b>")).toBe("Pets API **v2**");
  });
});

describe("helpers", () => {
  it.each([
    ["https://x.io/a b", "https://x.io/a%20b"],
    ["https://x.io/path(1)", "https://x.io/path%281%29"],
    ["/developers/apps", undefined],
    ["#anchor", undefined],
    ["mailto:a@b.io", "mailto:a@b.io"],
    ["javascript:x", undefined],
    ["JAVASCRIPT:x", undefined],
    ["java\nscript:x", undefined],
    ["&#x6A;avascript:x", undefined],
    ["file:///etc/passwd", undefined],
    ["weird:1", undefined],
  ])("safeUrl(%j) → %j", (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });

  it("inline code survives backticks and escapePipes every pipe", () => {
    expect(inlineCode("a")).toBe("`a`");
    expect(inlineCode("a`b")).toBe("`` a`b ``");
    expect(escapePipes("a|b")).toBe("a\\|b");
  });
});
