import type { OperationModel } from "../model/api-model.js";
import { camel, words } from "./identifiers.js";

/** `v1`, `v3.1`, `v2beta`, `v1alpha1`: a version, anywhere in a path. */
const VERSION_SEGMENT = /^v\d+(\.\d+)*([a-z]+\d*)?$/i;

/**
 * Static path segments that make up a resource: `/v1/user/invites/{id}` → [user, invites]. A version
 * is not a resource wherever it stands (nor is a leading `api`), and the segment it separates from a
 * repeat of the one before is the same resource: `/files/v3/files` → [files].
 */
export function resourceSegments(path: string): string[] {
  const segments = path.split("/").filter(Boolean);
  const out: string[] = [];
  let afterVersion = false;
  for (const segment of segments) {
    if (segment.includes("{")) continue;
    if (VERSION_SEGMENT.test(segment) || (out.length === 0 && /^api$/i.test(segment))) {
      afterVersion = true;
      continue;
    }
    const name = camel(segment);
    if (name && !(afterVersion && out[out.length - 1] === name)) out.push(name);
    afterVersion = false;
  }
  return out;
}

const endsWithParam = (path: string): boolean => /\}\/?$/.test(path);

/** The CRUD verb for an operation's shape, like Stainless: list, retrieve, create, update, delete. */
export function crudVerb(op: OperationModel): string | undefined {
  const item = endsWithParam(op.path);
  switch (op.method) {
    case "get":
      return item || returnsOne(op) ? "retrieve" : "list";
    case "post":
      return item ? undefined : "create";
    case "put":
    case "patch":
      return item ? "update" : undefined;
    case "delete":
      return item ? "delete" : undefined;
    default:
      return undefined;
  }
}

/** Where a list response keeps its items, besides a property named for the path's last segment (`invites`). */
const ITEM_ARRAYS = /^(data|items|results?|records|entries|values|list|content|nodes|edges|hits|rows)$/i;

/**
 * A GET of a path without a trailing parameter that still answers one thing: an object that carries
 * no items and is not paged (Alertmanager's `GET /status`, rev.ai's `GET /jobs/{id}/transcript`, whose
 * `monologues` are part of the one transcript), or a document (text, a file). Anything else there
 * (arrays, pages, objects carrying items, shapes not known, enveloped results) is a list.
 */
function returnsOne(op: OperationModel): boolean {
  const success = op.success;
  if (!success || op.pagination) return false;
  if (success.kind === "text" || success.kind === "binary") return true;
  if (success.kind !== "json" || !success.properties?.length || op.enveloped) return false;
  const last = (
    op.path
      .split("/")
      .filter((s) => s && !s.includes("{"))
      .pop() ?? ""
  ).toLowerCase();
  const named = (p: string): boolean =>
    ITEM_ARRAYS.test(p) || [last, `${last}s`, last.replace(/s$/, "")].includes(p.toLowerCase());
  return !(success.arrayProperties ?? []).some(named);
}

/** A name for an operation without an operationId: `GET /user/invites/{id}` → `getUserInvitesById`. */
export function nameFromPath(op: OperationModel): string {
  const parts = op.path
    .split("/")
    .filter(Boolean)
    .map((s) => {
      const param = /^\{(.+)\}$/.exec(s);
      return param ? `by ${param[1]}` : s;
    });
  return camel([op.method, ...parts].join(" "));
}

/** The operationId as a camelCase name, or one made from method and path. */
export function operationName(op: OperationModel): string {
  const fromId = op.operationId ? camel(op.operationId) : "";
  return fromId && words(fromId).length > 0 ? fromId : nameFromPath(op);
}
