import { describe, expect, it } from "vitest";
import { modelOf, specWith } from "../helpers/model.js";

const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const components = {
  schemas: {
    Chunk: { type: "object", properties: { delta: { type: "string" } } },
    Done: { type: "object", properties: { text: { type: "string" } } },
  },
};

/** The success response of one POST /x operation with these response contents and request body properties. */
function successOf(content: Record<string, unknown>, bodyProperties?: Record<string, unknown>) {
  const requestBody = bodyProperties && {
    content: { "application/json": { schema: { type: "object", properties: bodyProperties } } },
  };
  const op = { operationId: "x", requestBody, responses: { "200": { description: "OK", content } } };
  return modelOf(specWith({ "/x": { post: op } }, components)).operations[0]!.success!;
}

describe("success kinds with text/event-stream", () => {
  it("an event stream alone is `sse`, typed by its schema", () => {
    const success = successOf({ "text/event-stream": { schema: schema("Chunk") } });
    expect(success).toMatchObject({ kind: "sse", contentType: "text/event-stream", schema: { ref: "Chunk" } });
    expect(success.type).toEqual(["paths", "/x", "post", "responses", "200", "content", "text/event-stream"]);
  });

  it("JSON and an event stream with a boolean `stream` body field: JSON, with the events on request", () => {
    const success = successOf(
      { "application/json": { schema: schema("Done") }, "text/event-stream": { schema: schema("Chunk") } },
      { stream: { type: ["boolean", "null"] }, model: { type: "string" } },
    );
    expect(success.kind).toBe("json");
    expect(success.events?.schema.ref).toBe("Chunk");
    expect(success.events?.type.at(-1)).toBe("text/event-stream");
  });

  it("a `stream` field spelled anyOf boolean or null (OpenAI's 3.1 spec) qualifies too", () => {
    const content = {
      "application/json": { schema: schema("Done") },
      "text/event-stream": { schema: schema("Chunk") },
    };
    const stream = { anyOf: [{ type: "boolean" }, { type: "null" }] };
    expect(successOf(content, { stream }).events?.schema.ref).toBe("Chunk");
    expect(successOf(content, { stream: { anyOf: [{ type: "string" }, { type: "null" }] } }).events).toBeUndefined();
  });

  it("without a boolean `stream` field the JSON answer is all a client asks for", () => {
    const content = {
      "application/json": { schema: schema("Done") },
      "text/event-stream": { schema: schema("Chunk") },
    };
    expect(successOf(content, { stream: { type: "string" } }).events).toBeUndefined();
    expect(successOf(content).events).toBeUndefined();
  });

  it("an event schema of whole events, a named `event` beside its `data` (OpenAI's Assistants), is framed; others are not", () => {
    const named = (name: string, data: unknown) => ({
      type: "object",
      required: ["event", "data"],
      properties: { event: { type: "string", enum: [name] }, data },
    });
    const framed = {
      oneOf: [
        { oneOf: [named("thread.run.created", schema("Chunk")), named("thread.run.queued", schema("Chunk"))] },
        named("error", { type: "object" }),
        { ...named("done", { type: "string", enum: ["[DONE]"] }) },
      ],
    };
    const stream = { type: "boolean" };
    const dual = (events: unknown) => ({
      "application/json": { schema: schema("Done") },
      "text/event-stream": { schema: events },
    });
    expect(successOf(dual(framed), { stream }).framedEvents).toBe(true);
    expect(successOf({ "text/event-stream": { schema: framed } }).framedEvents).toBe(true);
    // Events told apart by a `type` field in their data (the Responses API), a free-form `event`, one variant off.
    const typed = { anyOf: [{ type: "object", properties: { type: { enum: ["response.created"] }, data: {} } }] };
    const loose = { type: "object", required: ["event", "data"], properties: { event: { type: "string" }, data: {} } };
    const mixed = { oneOf: [named("a", {}), schema("Chunk")] };
    for (const events of [typed, loose, mixed, schema("Chunk")])
      expect(successOf(dual(events), { stream }).framedEvents).toBeUndefined();
    // No boolean field to ask for the stream: no stream, nothing framed.
    expect(successOf(dual(framed)).framedEvents).toBeUndefined();
  });

  it("bytes offered beside an event stream stay binary (OpenAI's speech), not text", () => {
    const content = {
      "application/octet-stream": { schema: { type: "string", format: "binary" } },
      "text/event-stream": {},
    };
    expect(successOf(content)).toMatchObject({ kind: "binary", contentType: "application/octet-stream" });
  });
});
