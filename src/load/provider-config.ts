import type { PaginationSpec } from "../runtime/types.js";

/** `specs/<provider>/clientgen.yaml`: everything optional; defaults come from the spec. */
export interface ProviderConfig {
  /** Client class name, e.g. `Cloudflare`. */
  name?: string;
  /** npm package name of the generated package. */
  packageName?: string;
  credentials: Record<string, CredentialConfig>;
  clientParams: Record<string, ClientParamConfig>;
  envelope?: { result: string; success?: string; errors?: string };
  idempotencyHeader?: string;
  operations: Record<string, OperationConfig>;
}

export interface CredentialConfig {
  /** Key of `components.securitySchemes`. */
  scheme: string;
  env?: string;
  /** For http basic schemes: which half this credential is. */
  part?: "username" | "password";
  description?: string;
}

export interface ClientParamConfig {
  in: "header" | "query" | "path";
  name: string;
  env?: string;
  description?: string;
}

export interface OperationConfig {
  /** Flat style: dotted resource path, e.g. `user.invites`. */
  resource?: string;
  /** Flat style: method name on the resource. */
  method?: string;
  /** Builder style: API class name without the `Api` suffix. */
  api?: string;
  builderMethod?: string;
  /** `none` turns off pagination recognised from the response shape. */
  pagination?: PaginationSpec | "none";
}

export const emptyConfig = (): ProviderConfig => ({ credentials: {}, clientParams: {}, operations: {} });
