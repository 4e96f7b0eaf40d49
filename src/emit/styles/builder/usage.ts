import type { NamedApi, NamedOperation, NamedParam } from "../../../name/named-api.js";
import { clientConstruction, exampleBody, exampleValue, showcaseOperation } from "../../docs/examples.js";

export function builderCallName(api: NamedApi, named: NamedOperation): string {
  return `new ${named.builder.api}().${named.builder.method}`;
}

/** `api.listInvites().limit(20)`: path arguments, every required setter, and up to two query parameters the spec gives examples of. */
export function builderCall(named: NamedOperation): string {
  const args = named.pathArgs.map((a) => exampleValue(a.param)).join(", ");
  const required = named.params.filter((p) => p.param.required && !p.clientOption);
  const hasExample = (p: NamedParam) =>
    p.param.schema.example !== undefined || p.param.schema.default !== undefined || !!p.param.schema.enum;
  const optional = named.params
    .filter((p) => !required.includes(p) && p.param.in === "query" && hasExample(p))
    .slice(0, 2);
  const chain = named.params
    .filter((p) => required.includes(p) || optional.includes(p))
    .map((p) => `.${p.setter}(${exampleValue(p.param)})`);
  if (named.bodySetter && named.op.body?.required) chain.push(`.${named.bodySetter}(${exampleBody(named)})`);
  return `api.${named.builder.method}(${args})${chain.join("")}`;
}

/** Import the API class, construct it, build a request and execute it: a whole program. */
export function builderExample(api: NamedApi, named = showcaseOperation(api)): string {
  if (!named) return "// This API has no operations.\nexport {};";
  const call = builderCall(named);
  const lines = [
    `import { ${named.builder.api} } from "${api.client.packageName}/builder";`,
    "",
    `const api = ${clientConstruction(api, named.builder.api, named)};`,
    "",
  ];
  if (named.itemType) {
    lines.push(
      `const page = await ${call}.execute();`,
      `// Or every item, pages fetched as the loop goes:`,
      `for await (const item of ${call}.execute()) console.log(item);`,
    );
  } else if (named.op.success?.kind === "void") {
    lines.push(`await ${call}.execute();`);
  } else {
    lines.push(
      `const result = await ${call}.execute();`,
      "// Or, with the raw Response:",
      `const { data, response } = await ${call}.executeRaw();`,
    );
  }
  return lines.join("\n");
}

/** `import { InvitesApi } from "pkg/builder"; const api = new InvitesApi(...); …` for the README. */
export function builderUsage(api: NamedApi): { title: string; code: string } {
  const named = showcaseOperation(api);
  const notes = named
    ? [
        "",
        "// Builders are immutable: each setter returns a new builder, so a partly built one can be reused.",
        "// Per-request options go in .withOptions({ timeout, maxRetries, signal, headers }) before .execute().",
      ]
    : [];
  return { title: "Builders", code: [builderExample(api), ...notes].join("\n") };
}
