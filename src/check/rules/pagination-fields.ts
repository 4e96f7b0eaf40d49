import type { Diagnostic } from "../../diagnostics.js";
import { didYouMean } from "../../did-you-mean.js";
import { deref } from "../../load/follow-ref.js";
import { isObject } from "../../load/json-helpers.js";
import { arrayItems, objectShape, schemaAtPath, type PathLookup } from "../../load/object-shape.js";
import type { PaginationSpec } from "../../runtime/types.js";
import type { Rule } from "../rule.js";
import { operationIndex } from "./config-matches-spec.js";

/**
 * The response fields clientgen.yaml's pagination names exist in the operation's success response (or
 * in the envelope's result, where the runtime looks too). A name the schema cannot confirm because it
 * does not say (no schema, a `oneOf`, free-form objects) passes: only a field that is clearly absent is an error.
 */
export const paginationFields: Rule = ({ spec, config }) => {
  const doc = config.doc;
  if (!doc) return [];
  const out: Diagnostic[] = [];
  const operations = operationIndex(spec.data);
  const envelope = config.config.envelope?.result;
  for (const [key, opConfig] of Object.entries(config.config.operations)) {
    const pagination = opConfig.pagination;
    const op = operations.get(key)?.op;
    if (!pagination || pagination === "none" || !op) continue;
    const body = successSchema(spec.data, op);
    if (body === undefined) continue;
    const bodies: unknown[] = [body];
    const result = envelope ? schemaAtPath(spec.data, body, envelope) : undefined;
    if (result && "found" in result) bodies.push(result.found);
    const lookup = (path: string): PathLookup => {
      // A field named with a dot of its own (`@odata.nextLink`) is a field before it is a path, as at run time.
      const own = objectShape(spec.data, body)?.properties.get(path);
      if (own !== undefined) return { found: own };
      const found = bodies.map((b) => schemaAtPath(spec.data, b, path));
      return found.find((l) => !("missing" in l)) ?? found[0]!;
    };
    for (const [field, path] of fieldsOf(pagination)) {
      const got = lookup(path);
      if (!("missing" in got)) continue;
      out.push(
        doc.diagnostic(["operations", key, "pagination", field], {
          severity: "error",
          rule: "config-mismatch",
          message: `pagination ${field} '${path}' is not a field of ${key}'s response${got.at ? ` (no '${got.missing}' in '${got.at}')` : ""}`,
          hint: fieldsHint(got.missing, got.fields, got.at ? `'${got.at}'` : "the response"),
        }),
      );
    }
    const itemField = pagination.kind === "cursor" ? pagination.cursorItemField : undefined;
    if (itemField === undefined) continue;
    const list = pagination.items ? lookup(pagination.items) : { found: body };
    const item = "found" in list ? arrayItems(spec.data, list.found) : undefined;
    const fields = item === undefined ? undefined : objectShape(spec.data, item)?.properties;
    if (fields && !fields.has(itemField))
      out.push(
        doc.diagnostic(["operations", key, "pagination", "cursorItemField"], {
          severity: "error",
          rule: "config-mismatch",
          message: `pagination cursorItemField '${itemField}' is not a field of ${key}'s list items`,
          hint: fieldsHint(itemField, [...fields.keys()], "each item"),
        }),
      );
  }
  return out;
};

function fieldsHint(name: string, fields: string[], where: string): string {
  const near = didYouMean(name, fields);
  return `${near ? `did you mean '${near}'? ` : ""}fields of ${where}: ${fields.join(", ")}`;
}

/** The response fields a pagination names, by config key; `page`'s info fields sit under `info`. */
function fieldsOf(p: PaginationSpec): [string, string][] {
  const named = (pairs: [string, string | undefined][]) =>
    pairs.filter((pair): pair is [string, string] => typeof pair[1] === "string" && pair[1] !== "");
  switch (p.kind) {
    case "cursor":
      return named([
        ["items", p.items],
        ["hasMore", p.hasMore],
        ["nextCursor", p.nextCursor],
      ]);
    case "page": {
      const under = (f: string | undefined) => (f && p.info ? `${p.info}.${f}` : f);
      return named([
        ["items", p.items],
        ["info", p.info],
        ["totalCount", under(p.totalCount)],
        ["totalPages", under(p.totalPages)],
        ["page", under(p.page)],
        ["perPage", under(p.perPage)],
      ]);
    }
    case "offset":
      return named([
        ["items", p.items],
        ["totalCount", p.totalCount],
      ]);
    case "next":
      return named([
        ["items", p.items],
        ["nextUrl", p.nextUrl],
      ]);
    case "single":
      return named([["items", p.items]]);
    default:
      return p satisfies never;
  }
}

/** The schema of the first 2xx JSON response, or undefined when there is none. */
function successSchema(root: unknown, op: Record<string, unknown>): unknown {
  const responses = isObject(op.responses) ? op.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^2/.test(status)) continue;
    const content = deref(root, raw).value?.content;
    if (!isObject(content)) continue;
    const json = Object.keys(content).find((t) => /json/i.test(t));
    const media = json ? content[json] : undefined;
    if (isObject(media) && media.schema !== undefined) return media.schema;
  }
  return undefined;
}
