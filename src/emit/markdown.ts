/** Spec text placed in Markdown: no raw HTML, and nothing that can break a table row. */
export function markdownText(text: string | undefined): string {
  return (text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function tableCell(text: string | undefined): string {
  return markdownText(text).replace(/\r?\n+/g, " ").replace(/\|/g, "\\|").trim();
}

/** Inline code that survives backticks inside the text. */
export function inlineCode(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${fence.length > 1 ? " " : ""}${text}${fence.length > 1 ? " " : ""}${fence}`;
}
