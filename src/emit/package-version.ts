import type { NamedApi } from "../name/named-api.js";

/** The package's version: the API's when it is semver, else 0.1.0 (package.json and the command line's --version). */
export function packageVersion(api: NamedApi): string {
  return /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(api.model.version) ? api.model.version : "0.1.0";
}
