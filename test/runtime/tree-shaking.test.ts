/**
 * What an operation does not use stays out of its bundle: the Stream and its decoder, uploads and the
 * multipart writer, webhooks, OAuth2's token requests, the middleware runner. Bundled with esbuild (minified, as bench-bundle does) from the runtime's index.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleModule } from "../helpers/bundle.js";
import { projectRoot } from "../helpers/generate.js";

const runtime = join(projectRoot, "src", "runtime", "index.ts").split("\\").join("/");

function bundle(imports: string, body: string): Promise<string> {
  return bundleModule(`import { ClientCore, ${imports} } from "${runtime}";\n${body}`, projectRoot);
}

/** A string only each feature's code holds (minifiers keep string literals). */
const MARKS = {
  stream: "[DONE]",
  idleTimeout: "No data received for",
  uploads: "audio/mpeg",
  streamedMultipart: "clientgen-",
  webhooks: "whsec_",
  oauth2: "client_credentials",
  middleware: "onResponse",
};

const call = (op: string) =>
  `console.log(await new ClientCore({ name: "X", baseURLEnv: "X_BASE_URL" }, {}).request(${op}, {}, {}));`;

describe("tree-shaking of the streaming, upload, webhook and OAuth2 code", () => {
  it("a JSON operation's bundle holds none of it", async () => {
    const code = await bundle(
      "jsonBody",
      call(`{ id: "a", method: "post", path: "/a", body: { mode: "fields", encode: jsonBody } }`),
    );
    for (const [feature, mark] of Object.entries(MARKS)) expect(code.includes(mark), feature).toBe(false);
  });

  it("an event-stream operation's bundle holds the Stream, and no uploads or webhooks", async () => {
    const code = await bundle("sseResponse", call(`{ id: "a", method: "get", path: "/a", response: sseResponse }`));
    expect(code).toContain(MARKS.stream);
    expect(code).toContain(MARKS.idleTimeout);
    for (const mark of [MARKS.uploads, MARKS.webhooks]) expect(code).not.toContain(mark);
  });

  it("a binary operation's bundle holds the idle timeout, not the Stream", async () => {
    const code = await bundle(
      "binaryResponse",
      call(`{ id: "a", method: "get", path: "/a", response: binaryResponse }`),
    );
    expect(code).toContain(MARKS.idleTimeout);
    expect(code).not.toContain(MARKS.stream);
  });

  it("an upload operation's bundle holds the multipart writer, not the Stream", async () => {
    const code = await bundle(
      "jsonOrMultipartBody",
      call(`{ id: "a", method: "post", path: "/a", body: { mode: "fields", encode: jsonOrMultipartBody } }`),
    );
    expect(code).toContain(MARKS.uploads);
    expect(code).toContain(MARKS.streamedMultipart);
    expect(code).not.toContain(MARKS.stream);
    expect(code).not.toContain(MARKS.webhooks);
  });

  it("a client with a bearer scheme holds no OAuth2 code; one with a client credentials flow does", async () => {
    const client = (scheme: string) =>
      `console.log(await new ClientCore({ name: "X", baseURLEnv: "X_BASE_URL", auth: auth({ s: ${scheme} }, [["s"]]) }, {}).request({ id: "a", method: "get", path: "/a" }, {}, {}));`;
    expect(await bundle("auth, bearer", client(`bearer("k")`))).not.toContain(MARKS.oauth2);
    expect(await bundle("auth, clientCredentials", client(`clientCredentials("/t", [], "i", "s")`))).toContain(
      MARKS.oauth2,
    );
  });

  it("a standalone core holds the middleware runner only once addMiddleware is used", async () => {
    const op = `{ id: "a", method: "get", path: "/a" }`;
    const core = `new ClientCore({ name: "X", baseURLEnv: "X_BASE_URL" }, {})`;
    expect(await bundle("jsonBody", call(op))).not.toContain(MARKS.middleware);
    const used = `const core = ${core}; addMiddleware(core, {}); console.log(await core.request(${op}, {}, {}));`;
    expect(await bundle("addMiddleware", used)).toContain(MARKS.middleware);
  });

  it("using webhooks alone brings only them", async () => {
    const code = await bundle(
      "Webhooks",
      `console.log(await new Webhooks({ webhookSecret: "whsec_x" }).unwrap("{}", {}));`,
    );
    expect(code).toContain(MARKS.webhooks);
    for (const mark of [MARKS.stream, MARKS.uploads]) expect(code).not.toContain(mark);
  });
});
