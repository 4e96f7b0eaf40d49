import type { Rule } from "../rule.js";
import { configMatchesSpec } from "./config-matches-spec.js";
import { infoRequired } from "./info-required.js";
import { openapiVersion } from "./openapi-version.js";
import { operationIdsUnique } from "./operation-ids-unique.js";
import { pathParams } from "./path-params.js";
import { pathsShape } from "./paths-shape.js";
import { refCycles } from "./ref-cycles.js";
import { refsResolve } from "./refs-resolve.js";
import { securitySchemesKnown } from "./security-schemes-known.js";

/** Every rule, run in this order; all of them always run so one pass reports every problem. */
export const rules: readonly Rule[] = [openapiVersion, infoRequired, pathsShape, refsResolve, refCycles, pathParams, operationIdsUnique, securitySchemesKnown, configMatchesSpec];
