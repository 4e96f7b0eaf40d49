/**
 * Help text that fits the terminal: a long cell or line breaks between words, its continuation lines
 * start under where its text started (a hanging indent), so tables stay readable at any width.
 */

/** Help is this wide when stdout is not a terminal (a pipe, a file): the width `man` and `git` use. */
export const DEFAULT_WIDTH = 80;
/** Below this many columns of room a cell is not worth wrapping: it runs on instead. */
const MIN_ROOM = 24;

/** `text` broken between words into lines of at most `room` characters; a longer word stays whole. */
export function wrapWords(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line || !lines.length ? [...lines, line] : lines;
}

/**
 * The last cell of a table row, wrapped so the row fits `width`, its continuation lines under its start.
 * When the other cells leave too little room, the cell goes below the row, indented under its first cell.
 */
export function wrapCell(prefix: string, cell: string, width: number): string {
  if (prefix.length + cell.length <= width || !cell) return (prefix + cell).trimEnd();
  const room = width - prefix.length;
  if (room >= MIN_ROOM) return hang(prefix, wrapWords(cell, room));
  const under = `${/^ */.exec(prefix)![0]}    `;
  return `${prefix.trimEnd()}\n${hang(under, wrapWords(cell, Math.max(width - under.length, MIN_ROOM)))}`;
}

const hang = (prefix: string, lines: string[]): string =>
  lines.map((l, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + l).join("\n");

/** Prose wrapped to `width`, each line under the indent it starts with; blank lines kept. */
export function fit(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const indent = /^ */.exec(line)![0];
      return line.length <= width ? line : hang(indent, wrapWords(line.slice(indent.length), width - indent.length));
    })
    .join("\n");
}
