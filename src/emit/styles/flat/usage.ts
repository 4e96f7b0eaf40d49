import type { NamedApi, NamedOperation } from "../../../name/named-api.js";
import { clientConstruction, exampleArgs, showcaseOperation } from "../../docs/examples.js";

export function flatCallName(api: NamedApi, named: NamedOperation): string {
  return ["client", ...named.flat.properties, named.flat.method].join(".");
}

/** `import X from "pkg"; const client = new X(...); for await (…)` for the README. */
export function flatUsage(api: NamedApi): { title: string; code: string } {
  const { client } = api;
  const named = showcaseOperation(api);
  const lines = [flatImport(api), "", `const client = ${clientConstruction(api, client.className, named)};`];
  if (named) {
    const call = `${flatCallName(api, named)}(${exampleArgs(named).join(", ")})`;
    lines.push("");
    if (named.itemType) {
      lines.push(
        `// Pages are fetched as the loop goes.`,
        `for await (const item of ${call}) {`,
        "  console.log(item);",
        "}",
      );
    } else if (named.op.success?.kind === "void") {
      lines.push(`await ${call};`);
    } else {
      lines.push(`const result = await ${call};`, "console.log(result);");
    }
  }
  return { title: "Flat methods", code: lines.join("\n") };
}

const flatImport = (api: NamedApi): string => `import ${api.client.className} from "${api.client.packageName}";`;

/** Import, construct the client and call one operation, as the docs pages show it: a whole program. */
export function flatExample(api: NamedApi, named: NamedOperation): string {
  const call = `${flatCallName(api, named)}(${exampleArgs(named).join(", ")})`;
  const result = named.itemType
    ? [`for await (const item of ${call}) console.log(item);`]
    : named.op.success?.kind === "void"
      ? [`await ${call};`]
      : [`const result = await ${call};`, "console.log(result);"];
  return [
    flatImport(api),
    "",
    `const client = ${clientConstruction(api, api.client.className, named)};`,
    ...result,
  ].join("\n");
}
