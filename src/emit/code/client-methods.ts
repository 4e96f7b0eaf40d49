import type { NamedApi } from "../../name/named-api.js";
import { builderMiddlewareExample, middlewareExample } from "../docs/examples.js";
import { block, exampleTag, INDENT, jsDoc, line } from "./source-writer.js";

/**
 * `withOptions` and `use`, as the flat client (`apiClass` absent) and every builder API class have them,
 * over the runtime's `deriveClient` and `addMiddleware`: the core leaves them out, so one-operation
 * bundles do too. RESERVED.clientMethods keeps resources and builder methods off these names.
 */
export function clientMethods(api: NamedApi, apiClass?: string): string {
  const core = apiClass ? "this.#client" : "this";
  const derive = apiClass ? `new ${apiClass}(deriveClient(${core}, options))` : "deriveClient(this, options)";
  const what = apiClass ? `\`${apiClass}\` over a new client` : "client";
  // The README's example, which shows both methods.
  const shown = (apiClass ? builderMiddlewareExample(api) : middlewareExample(api)) ?? "";
  const example = shown ? exampleTag(shown) : [];
  // The flat client runs middleware from the start (its `middleware` option); the core alone does not.
  const hook = apiClass
    ? ""
    : jsDoc(
        {
          description:
            "Runs the middleware: a field of this class, not of the core, so one-operation bundles leave it out.",
        },
        [],
        INDENT,
      ) +
      line("override intercept = intercept;", INDENT) +
      "\n";
  return [
    hook,
    jsDoc(
      {
        description: `A new ${what} with these options over this one's: each option given replaces its\nown (\`defaultHeaders\` whole). This one is left as it is; the two share no mutable state${
          api.credentials.some((c) => c.part === "clientSecret")
            ? "\nbut the OAuth2 token, while the base URL and credentials are the same"
            : ""
        }.`,
      },
      example,
      INDENT,
    ),
    block(
      `withOptions(options: ${api.client.optionsType}): ${apiClass ?? "this"}`,
      line(`return ${derive};`, INDENT + INDENT),
      INDENT,
    ),
    "\n",
    jsDoc(
      {
        description: apiClass
          ? "Adds a middleware after those the client has: every API object sharing the client sees it."
          : "Adds a middleware after those the client has (its `middleware` option); later requests pass through it.",
      },
      example,
      INDENT,
    ),
    block(
      "use(middleware: Middleware): this",
      line(`addMiddleware(${core}, middleware);`, INDENT + INDENT) + line("return this;", INDENT + INDENT),
      INDENT,
    ),
  ].join("");
}
