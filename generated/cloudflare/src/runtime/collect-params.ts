/**
 * Query, header and cookie parameters. Operations that have any name this in their OperationSpec
 * (`collect: collectParams`), so bundles of operations without them leave it out; the client's
 * `defaultQuery` and `defaultHeaders` and per-request options are applied by the core for every request.
 */
import { SDKError } from "./errors.js";
import type { CollectParams } from "./types.js";

type Params = Record<string, unknown>;

export const collectParams: CollectParams = (op, params, values, to) => {
  copy(to.query, op.query, "query", params, values);
  copy(to.header, op.headers, "header", params, values);
  copy(to.cookie, op.cookies, "cookie", params, values);
  // Their types are optional because a client option may supply them, so nothing else checks them.
  for (const r of op.required ?? []) {
    const [where, wire] = r.split(" ", 2) as [keyof typeof to, string];
    if (to[where][wire] == null) throw new SDKError(`${op.id}: missing required ${where} parameter \`${wire}\`: pass it, or set the client option that supplies it`);
  }
};

/** Copies the params named in `names` (params key → wire name) into `into` by wire name; a client value fills in for one the caller left out. */
function copy(into: Params, names: Record<string, string> | undefined, where: string, params: Params, values: Record<string, string | undefined>): void {
  for (const key in names) {
    const wire = names[key]!;
    into[wire] = params[key] ?? values[where + " " + wire] ?? into[wire];
  }
}
