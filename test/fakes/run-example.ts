/**
 * Runs a module with `fetch` pointed at fakes: `tsx test/fakes/run-example.ts <module>`, with
 * FAKE_ROUTES='[["https://api.openai.com/v1", "http://127.0.0.1:4321/v1"]]' mapping each real base
 * URL to a fake's. A request to any other URL is refused, so the module can never reach a real API.
 */
import { pathToFileURL } from "node:url";

const routes = JSON.parse(process.env.FAKE_ROUTES ?? "[]") as Array<[from: string, to: string]>;
const realFetch = globalThis.fetch;

globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const route = routes.find(([from]) => url === from || url.startsWith(from + "/") || url.startsWith(from + "?"));
  if (!route) return Promise.reject(new Error(`run-example: ${url} is not served by a fake; refusing to reach it`));
  const target = route[1] + url.slice(route[0].length);
  return realFetch(input instanceof Request ? new Request(target, input) : target, init);
};

const module = process.argv[2];
if (!module) throw new Error("usage: tsx test/fakes/run-example.ts <module>");
await import(pathToFileURL(module).href);
