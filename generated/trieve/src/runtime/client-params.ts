/**
 * Client parameters, for clients configured with them (clientgen.yaml `clientParams`): generated as
 * `clientParams([{ option: "trOrganization", in: "header", name: "TR-Organization" }])`, so other
 * clients don't bundle this.
 */
import type { ClientParamSpec, ClientParams } from "./types.js";
import { optionValue } from "./util.js";

/**
 * Reads each value once, when the client is created (the option, else its environment variable).
 * Per request it fills in the operation's parameter of that name; the caller's value, set later by the
 * path or by `collectParams`, wins.
 */
export const clientParams =
  (params: ClientParamSpec[]): ClientParams =>
  (options) => {
    const values = params.map((p) => [p, optionValue(options, p.option, p.env)] as const);
    return ({ op, pathArgs, query, paramHeader }) => {
      for (const [{ in: where, name }, value] of values) {
        if (value === undefined) continue;
        if (where === "path") pathArgs[name] ??= value;
        // Only operations that declare the parameter send it.
        else if (Object.values((where === "query" ? op.query : op.headers) ?? {}).includes(name))
          (where === "query" ? query : paramHeader)[name] = value;
      }
    };
  };
