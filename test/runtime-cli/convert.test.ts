import { describe, expect, it } from "vitest";
import { convertJSON, convertText } from "../../src/runtime-cli/convert.js";
import { runCli, type CliProgram, type Host } from "../../src/runtime-cli/index.js";
import {
  ClientCore,
  collectParams,
  jsonBody,
  type OperationSpec,
  type RequestOptions,
} from "../../src/runtime/index.js";

describe("values converted by the schema", () => {
  const ok: [string, string, object, unknown][] = [
    ["integer", "2", { type: "integer" }, 2],
    ["negative integer", "-7", { type: "integer" }, -7],
    ["number", "0.5", { type: "number" }, 0.5],
    ["boolean true", "true", { type: "boolean" }, true],
    ["boolean false", "false", { type: "boolean" }, false],
    ["string that looks like a number stays a string", "007", { type: "string" }, "007"],
    ["union takes the first type that fits", "12", { type: "integer | string" }, 12],
    ["union falls back to string", "abc", { type: "integer | string" }, "abc"],
    ["enum member", "reader", { type: "string", enum: ["reader", "owner"] }, "reader"],
    ["integer enum", "1", { type: "integer", enum: [0, 1, 2] }, 1],
    ["no type: the text", "x=y", {}, "x=y"],
  ];
  it.each(ok)("%s", (_, text, schema, expected) => {
    expect(convertText("p", text, schema)).toEqual(expected);
  });

  const bad: [string, string, object, RegExp][] = [
    ["integer given a word", "abc", { type: "integer" }, /p: expected integer, got 'abc'/],
    ["integer given a fraction", "1.5", { type: "integer" }, /expected integer/],
    ["boolean given yes", "yes", { type: "boolean" }, /p: expected boolean, got 'yes'/],
    [
      "enum given another value",
      "admin",
      { type: "string", enum: ["reader", "owner"] },
      /'admin' is not one of "reader" \| "owner"/,
    ],
    ["integer enum given another number", "5", { type: "integer", enum: [0, 1, 2] }, /'5' is not one of 0 \| 1 \| 2/],
    [
      "object given text, with the := hint",
      "x",
      { type: "object" },
      /expected object, got 'x'; give JSON with p:='<json>'/,
    ],
  ];
  it.each(bad)("%s", (_, text, schema, message) => {
    expect(() => convertText("p", text, schema)).toThrow(message);
  });

  it("JSON values are checked against the type, items and enum", () => {
    expect(convertJSON("p", "[1,2]", { type: "array", items: { type: "integer" } })).toEqual([1, 2]);
    expect(convertJSON("p", "null", { type: "string", nullable: true })).toBeNull();
    expect(() => convertJSON("p", '[1,"x"]', { type: "array", items: { type: "integer" } })).toThrow(
      /p\[1\]: expected integer, got "x"/,
    );
    expect(() => convertJSON("p", "null", { type: "string" })).toThrow(/expected string, got null/);
    expect(() => convertJSON("p", '"a"', { enum: ["b"] })).toThrow(/not one of "b"/);
  });
});

/** The engine in-process, with a host whose stdout is a terminal and a fetch that records. */
describe("runCli with a host of its own", () => {
  const spec: OperationSpec = {
    id: "search",
    method: "post",
    path: "/search",
    query: { tags: "tags", exact: "exact" },
    collect: collectParams,
    body: { mode: "fields", encode: jsonBody },
  };
  const sent: { url: string; body: unknown }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify({ hits: [1, 2] }), { headers: { "content-type": "application/json" } });
  };
  const program: CliProgram = {
    bin: "demo",
    title: "Demo",
    version: "1.0.0",
    client: (options) =>
      new ClientCore({ name: "Demo", baseURL: "http://demo.test", baseURLEnv: "DEMO_BASE_URL" }, { ...options, fetch }),
    options: [],
    operations: [
      {
        command: "search",
        group: "Search",
        method: "post",
        path: "/search",
        call: ((client: ClientCore, params: Record<string, unknown>, options: RequestOptions) =>
          client.request(spec, {}, params, options)) as never,
        params: [
          {
            name: "tags",
            key: "tags",
            in: "query",
            required: false,
            schema: { type: "array", items: { type: "string" } },
          },
          { name: "exact", key: "exact", in: "query", required: false, schema: { type: "boolean" } },
        ],
        takesParams: true,
        body: {
          mode: "fields",
          encoding: "json",
          contentType: "application/json",
          required: false,
          type: "Query",
          fields: [{ name: "size", required: false, schema: { type: "integer" } }],
        },
        response: "json",
        example: "",
      },
    ],
  };
  const host = (args: string[], out: string[]): Host => ({
    args,
    env: {},
    stdoutIsTTY: true,
    write: async (stream, chunk) => void (stream === "out" && out.push(String(chunk))),
    readStdin: async () => new Uint8Array(),
    readFile: async () => new Uint8Array(),
    openFile: async () => {
      throw new Error("no files in this test");
    },
    onInterrupt: () => {},
    exit: () => {},
  });

  it("repeated array parameters, booleans, --name value and body fields; indented JSON on a terminal", async () => {
    const out: string[] = [];
    const code = await runCli(program, host(["search", "tags=a", "--tags", "b", "exact=true", "size=10"], out));
    expect(code).toBe(0);
    expect(sent.at(-1)).toEqual({ url: "http://demo.test/search?tags=a&tags=b&exact=true", body: { size: 10 } });
    expect(out.join("")).toBe('{\n  "hits": [\n    1,\n    2\n  ]\n}\n');
  });

  it("a scalar given twice is a usage error", async () => {
    expect(await runCli(program, host(["search", "exact=true", "exact=false"], []))).toBe(2);
  });
});
