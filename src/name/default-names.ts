import type { OperationModel } from "../model/api-model.js";
import { camel, words } from "./identifiers.js";

const VERSION_SEGMENT = /^(v\d+(\.\d+)*|api)$/i;

/** Static path segments that make up a resource: `/v1/user/invites/{id}` → [user, invites]. */
export function resourceSegments(path: string): string[] {
  const segments = path.split("/").filter(Boolean);
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.includes("{")) continue;
    if (out.length === 0 && VERSION_SEGMENT.test(segment)) continue;
    const name = camel(segment);
    if (name) out.push(name);
  }
  return out;
}

const endsWithParam = (path: string): boolean => /\}\/?$/.test(path);

/** The CRUD verb for an operation's shape, like Stainless: list, retrieve, create, update, delete. */
export function crudVerb(op: OperationModel): string | undefined {
  const item = endsWithParam(op.path);
  switch (op.method) {
    case "get":
      return item ? "retrieve" : "list";
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
