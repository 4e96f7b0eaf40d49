import { posix } from "node:path";
import { headingSlugger } from "../../src/emit/docs/heading-slugs.js";

/** Text outside code fences and code spans, where links and headings are Markdown. */
function prose(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split("\n").flatMap((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return [];
    }
    if (marker) {
      fence = marker;
      return [];
    }
    return [line.replace(/(`+)[^`]*?\1/g, "")];
  });
}

/** The anchors GitHub gives the page's headings. */
export function anchors(markdown: string): Set<string> {
  const slug = headingSlugger();
  return new Set(
    prose(markdown).flatMap((l) =>
      /^#{1,6} /.test(l) ? [slug(l.replace(/^#+ /, "").replace(/[*_`[\]]|\]\([^)]*\)/g, ""))] : [],
    ),
  );
}

/**
 * Relative links of every page that lead nowhere: a file not in the set, or an `#anchor` no
 * heading of the target makes. `[[Back to top]](#)` is the page itself.
 */
export function brokenLinks(files: Map<string, string>): string[] {
  const broken: string[] = [];
  for (const [file, text] of files) {
    if (!file.endsWith(".md")) continue;
    for (const line of prose(text)) {
      for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue;
        const [path = "", anchor] = target.split("#");
        const resolved = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
        const page = files.get(resolved);
        if (page === undefined) broken.push(`${file}: ${target} (no file ${resolved})`);
        else if (anchor && !anchors(page).has(anchor)) broken.push(`${file}: ${target} (no heading makes #${anchor})`);
      }
    }
  }
  return broken;
}
