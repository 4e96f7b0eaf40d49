import type { BodyEncoding, ResponseKind } from "../runtime/types.js";

const base = (contentType: string): string => contentType.split(";")[0]!.trim().toLowerCase();

export const isJsonMedia = (contentType: string): boolean => {
  const t = base(contentType);
  return t === "application/json" || t === "text/json" || t.endsWith("+json") || t === "*/*" || t === "application/*";
};

export function bodyEncoding(contentType: string): BodyEncoding {
  const t = base(contentType);
  if (isJsonMedia(t)) return "json";
  if (t === "application/x-www-form-urlencoded") return "form";
  if (t.startsWith("multipart/")) return "multipart";
  if (t.startsWith("text/") || t === "application/xml" || t.endsWith("+xml")) return "text";
  return "binary";
}

export const isEventStream = (contentType: string): boolean => base(contentType) === "text/event-stream";

export function responseKind(contentType: string | undefined): ResponseKind {
  if (contentType === undefined) return "void";
  if (isEventStream(contentType)) return "sse";
  const encoding = bodyEncoding(contentType);
  return encoding === "json" ? "json" : encoding === "text" ? "text" : encoding === "binary" ? "binary" : "text";
}

const preference: BodyEncoding[] = ["json", "form", "multipart", "text", "binary"];

/** The content type a client sends (or expects) when the spec offers several: JSON first. */
export function pickContentType(types: readonly string[]): string | undefined {
  let best: string | undefined;
  let rank = Infinity;
  for (const t of types) {
    const r = preference.indexOf(bodyEncoding(t));
    if (r < rank) [best, rank] = [t, r];
  }
  return best;
}
