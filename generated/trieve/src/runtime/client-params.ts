/**
 * Client parameters, for clients configured with them (clientgen.yaml `clientParams`): generated as
 * `clientParams([{ option: "trOrganization", in: "header", name: "TR-Organization" }])`, so other
 * clients don't bundle this.
 */
import type { ClientParamSpec, ClientParams } from "./types.js";
import { optionValue } from "./util.js";

/** Reads each parameter once, when the client is created: the option, else its environment variable. */
export const clientParams =
  (params: ClientParamSpec[]): ClientParams =>
  (options) =>
    Object.fromEntries(params.map((p) => [p.in + " " + p.name, optionValue(options, p.option, p.env)]));
