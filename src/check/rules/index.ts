import type { Rule } from "../rule.js";
import { configMatchesSpec } from "./config-matches-spec.js";
import { infoRequired } from "./info-required.js";
import { paginationFields } from "./pagination-fields.js";
import { operationIdsUnique } from "./operation-ids-unique.js";
import { pathParams } from "./path-params.js";
import { pathsShape } from "./paths-shape.js";
import { percentEscapes } from "./percent-escapes.js";
import { refCycles } from "./ref-cycles.js";
import { refsResolve } from "./refs-resolve.js";
import { securitySchemesKnown } from "./security-schemes-known.js";
import { streamingConfig } from "./streaming-config.js";

/** Every rule after `openapi-version` (which check-spec runs first), in this order; all of them run so one pass reports every problem. */
export const rules: readonly Rule[] = [
  infoRequired,
  pathsShape,
  percentEscapes,
  refsResolve,
  refCycles,
  pathParams,
  operationIdsUnique,
  securitySchemesKnown,
  configMatchesSpec,
  paginationFields,
  streamingConfig,
];
