/**
 * Server variables, for clients whose first server has them (`https://{region}.api.example.com`):
 * generated as `server: serverURL("https://{region}.api.example.com", { region: { default: "us" } })`,
 * so other clients don't bundle this.
 */
import type { ServerURL, ServerVariables } from "./types.js";

export const serverURL =
  (url: string, variables: ServerVariables): ServerURL =>
  (values) =>
    url.replace(/\{(.*?)\}/g, (_, name: string) => values?.[name] ?? variables[name]?.default ?? "");
