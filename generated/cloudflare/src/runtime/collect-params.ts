/**
 * Query, header and cookie parameters. Operations that have any name this in their OperationSpec
 * (`collect: collectParams`), so bundles of operations without them leave it out; the client's
 * `defaultQuery` and `defaultHeaders` and per-request options are applied by the core for every request.
 */
import { setCookies } from "./cookies.js";
import { SDKError } from "./errors.js";
import type { CollectParams } from "./types.js";

type Params = Record<string, unknown>;

export const collectParams: CollectParams = (draft) => {
  const { op, params } = draft;
  const cookies: Params = {};
  copy(params, draft.query, op.query);
  copy(params, draft.paramHeader, op.headers);
  copy(params, cookies, op.cookies);
  if (op.cookies) setCookies(draft, cookies);
  // Their types are optional because a client option may supply them, so nothing else checks them.
  for (const r of op.required ?? []) {
    const [where, wire] = r.split(" ", 2) as [string, string];
    const value = where === "query" ? draft.query[wire] : where === "header" ? draft.paramHeader[wire] : cookies[wire];
    if (value == null)
      throw new SDKError(
        `${op.id}: missing required ${where} parameter \`${wire}\`: pass it, or set the client option that supplies it`,
      );
  }
};

/** Copies the params named in `names` (params key → wire name) into `into` by wire name, over what is there (a client parameter, defaultQuery). */
function copy(params: Params, into: Params, names: Record<string, string> | undefined): void {
  for (const key in names) {
    const wire = names[key]!;
    into[wire] = params[key] ?? into[wire];
  }
}
