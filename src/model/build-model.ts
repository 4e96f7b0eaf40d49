import type { Diagnostic } from "../diagnostics.js";
import type { LoadedSpec } from "../load/load-spec.js";
import type { ProviderConfig } from "../load/provider-config.js";
import type { ApiModel, SecuritySchemeModel, ServerModel } from "./api-model.js";
import { buildOperation, copyDocs, securityAlternatives } from "./build-operation.js";
import { eachOperation } from "../load/each-operation.js";
import { deref } from "../load/follow-ref.js";
import { isObject, str, type Json } from "../load/json-helpers.js";
import { buildSchemas } from "./build-schemas.js";
import { buildWebhooks } from "./build-webhooks.js";
import { addConfigSchemes, applyOperationConfig, resolveClientConfig } from "./resolve-config.js";

/** Builds the IR from a checked spec. Spec order is kept everywhere. */
export function buildModel(spec: LoadedSpec, config: ProviderConfig): ApiModel {
  const root = spec.data;
  const info = isObject(root.info) ? root.info : {};
  const notes: Diagnostic[] = [];
  const model: ApiModel = {
    title: str(info.title) ?? "API",
    version: str(info.version) ?? "0.0.0",
    servers: buildServers(root.servers),
    securitySchemes: buildSecuritySchemes(root),
    security: Array.isArray(root.security) ? securityAlternatives(root.security) : [],
    operations: [],
    schemas: buildSchemas(root, config.schemas),
    webhooks: [],
    ...resolveClientConfig(config),
    source: { file: spec.root.file, hash: spec.hash },
    notes,
  };
  if (str(info.description)) model.description = info.description as string;
  addConfigSchemes(model, config);
  for (const found of eachOperation(root)) {
    const op = buildOperation(spec, found, notes);
    applyOperationConfig(op, config, model, root);
    model.operations.push(op);
  }
  model.webhooks = buildWebhooks(spec, notes);
  return model;
}

function buildServers(raw: unknown): ServerModel[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).flatMap((s) => {
    const url = str(s.url);
    if (!url) return [];
    const server: ServerModel = { url, variables: {} };
    if (str(s.description)) server.description = s.description as string;
    if (isObject(s.variables)) {
      for (const [name, v] of Object.entries(s.variables)) {
        if (!isObject(v)) continue;
        const variable: ServerModel["variables"][string] = { default: String(v.default ?? "") };
        if (Array.isArray(v.enum)) variable.enum = v.enum.map(String);
        if (str(v.description)) variable.description = v.description as string;
        server.variables[name] = variable;
      }
    }
    return [server];
  });
}

function buildSecuritySchemes(root: Json): SecuritySchemeModel[] {
  const components = isObject(root.components) ? root.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const out: SecuritySchemeModel[] = [];
  for (const [name, raw] of Object.entries(schemes)) {
    const s = deref(root, raw).value;
    if (!s) continue;
    const description = str(s.description);
    const base = description ? { name, description } : { name };
    const scheme = String(s.scheme ?? "").toLowerCase();
    if (s.type === "http" && scheme === "basic") out.push({ ...base, kind: "basic" });
    else if (s.type === "http")
      out.push({ ...base, kind: "bearer", ...(str(s.bearerFormat) ? { format: s.bearerFormat as string } : {}) });
    else if (s.type === "apiKey" && (s.in === "header" || s.in === "query" || s.in === "cookie") && str(s.name))
      out.push({ ...base, kind: "apiKey", in: s.in, paramName: s.name as string });
    else if (s.type === "oauth2") {
      const flow = isObject(s.flows) && isObject(s.flows.clientCredentials) ? s.flows.clientCredentials : undefined;
      out.push(
        flow && str(flow.tokenUrl)
          ? {
              ...base,
              kind: "oauth2",
              clientCredentials: {
                tokenUrl: flow.tokenUrl as string,
                scopes: isObject(flow.scopes) ? Object.keys(flow.scopes) : [],
              },
            }
          : { ...base, kind: "oauth2" },
      );
    } else if (s.type === "openIdConnect") out.push({ ...base, kind: s.type });
  }
  return out;
}
