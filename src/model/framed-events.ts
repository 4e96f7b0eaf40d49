/**
 * Event schemas that describe the whole server-sent event rather than its data: OpenAI's
 * `AssistantStreamEvent`, each variant `{ event: "thread.run.created", data: RunObject }`, where the
 * name travels on the `event:` line and only `data` in the `data:` line. Such a stream yields
 * `{ event, data }` (as openai-node's Assistants streams do), so that values match their type.
 */
import { deref } from "../load/follow-ref.js";
import { isObject, type Json } from "../load/json-helpers.js";
import { objectShape } from "../load/object-shape.js";

/** True when every variant (through `$ref`, `oneOf` and `anyOf`, nested) is an object of a named `event` and its `data`. */
export function isFramedEventSchema(root: unknown, schema: unknown, depth = 0): boolean {
  const { value } = deref(root, schema);
  if (!value || depth > 16) return false;
  const variants = [value.oneOf, value.anyOf].find(Array.isArray) as Json[] | undefined;
  if (variants) return variants.length > 0 && variants.every((v) => isFramedEventSchema(root, v, depth + 1));
  const shape = objectShape(root, value);
  if (!shape || !shape.properties.has("data") || !shape.required.has("event")) return false;
  // The name is a fixed string (an enum or a const), as an `event:` line gives it.
  const name = deref(root, shape.properties.get("event")).value;
  return isObject(name) && (Array.isArray(name.enum) || typeof name.const === "string");
}
