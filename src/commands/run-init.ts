import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { hasErrors } from "../diagnostics.js";
import { renderTemplate } from "../emit/render-template.js";
import { eachOperation } from "../load/each-operation.js";
import { jobFor } from "../load/find-providers.js";
import { loadSpec, type LoadedSpec } from "../load/load-spec.js";
import { readAssets, type GeneratorAssets } from "../load/read-assets.js";
import { camel, pascal, words } from "../name/identifiers.js";
import { stringOption, ClientgenUsageError, type CommandArgs } from "./command.js";
import { GenerateSession } from "./generate-session.js";
import { Reporter } from "./reporter.js";

const PROVIDER = /^[a-z0-9][a-z0-9._-]*$/;

/** `clientgen init <provider> [--from FILE]`: the provider's folder, checked before anything is written, then its first generation. */
export async function runInit(args: CommandArgs): Promise<number> {
  const provider = args.positionals[0];
  if (!provider) throw new ClientgenUsageError("init needs a provider name: clientgen init <provider> [--from FILE]");
  if (!PROVIDER.test(provider))
    throw new ClientgenUsageError(
      `provider '${provider}' must be lower case letters, digits, '.', '_' or '-' (it names a folder and an npm package)`,
    );
  const reporter = new Reporter(args.color, args.quiet);
  const specsDir = stringOption(args, "specs") ?? "specs";
  const folder = resolve(args.cwd, specsDir, provider);
  if (existsSync(folder)) {
    reporter.problem(`${relative(args.cwd, folder)}/ already exists: edit it, or choose another provider name`);
    return 1;
  }
  const assets = readAssets();
  const from = stringOption(args, "from");
  let files: Map<string, string>;
  let spec: LoadedSpec | undefined;
  if (from) {
    const loaded = loadSpec(resolve(args.cwd, from), args.cwd);
    reporter.diagnostics(loaded.errors);
    if (!loaded.spec || hasErrors(loaded.errors)) return 1;
    spec = loaded.spec;
    files = copiedSpec(loaded.spec);
  } else {
    files = new Map([
      ["openapi.yaml", renderTemplate(assets, "init/openapi.yaml.hbs", { provider, title: pascal(provider) })],
    ]);
  }
  files.set("clientgen.yaml", renderTemplate(assets, "init/clientgen.yaml.hbs", configExamples(provider, spec?.data)));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  reporter.note(`wrote ${[...files.keys()].map((f) => `${relative(args.cwd, folder)}/${f}`).join(", ")}`);
  const specPath = join(folder, [...files.keys()][0]!);
  const session = new GenerateSession(args.cwd, false, reporter);
  try {
    return (
      await session.run([
        jobFor(specPath, resolve(args.cwd, stringOption(args, "out-dir") ?? "generated", provider), provider),
      ])
    ).code;
  } finally {
    await session.close();
  }
}

/**
 * The spec as the user wrote it (comments and all), renamed `openapi.yaml` (`openapi.json` for JSON,
 * which loads much faster when large), with the files its `$ref`s reach at the same relative places.
 */
function copiedSpec(spec: LoadedSpec): Map<string, string> {
  const [root, ...others] = spec.sources;
  const main = extname(root!.absPath).toLowerCase() === ".json" ? "openapi.json" : "openapi.yaml";
  const files = new Map([[main, root!.text]]);
  const base = dirname(root!.absPath);
  for (const doc of others) {
    const rel = relative(base, doc.absPath);
    if (rel.startsWith(".."))
      throw new ClientgenUsageError(
        `--from: ${doc.file} is outside ${relative(process.cwd(), base) || "."}/: move the files a spec references next to it first`,
      );
    files.set(rel.split(sep).join("/"), doc.text);
  }
  return files;
}

/** Examples for the commented clientgen.yaml, taken from the spec where it has them. */
function configExamples(provider: string, data: Record<string, unknown> | undefined) {
  const envPrefix = provider.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  const components = (data?.components ?? {}) as {
    securitySchemes?: Record<string, { description?: string; type?: string; scheme?: string }>;
  };
  const schemes = Object.entries(
    components.securitySchemes ?? (data ? {} : { bearerAuth: { type: "http", scheme: "bearer" } }),
  );
  const credentials = schemes.map(([name, scheme]) => ({
    option: camel(name) || "credential",
    scheme: JSON.stringify(name),
    env: [envPrefix, ...words(name)].join("_").toUpperCase(),
    description: JSON.stringify(
      scheme.description?.split("\n")[0] ?? [scheme.type, scheme.scheme].filter(Boolean).join(" "),
    ),
  }));
  const [operationKey, builderMethod] = firstOperation(data) ?? ["listItems", "listItems"];
  return {
    provider,
    className: pascal(provider),
    packageName: `${provider}-client`,
    envPrefix,
    credentials,
    operationKey: JSON.stringify(operationKey),
    builderMethod,
  };
}

function firstOperation(data: Record<string, unknown> | undefined): [key: string, method: string] | undefined {
  const first = data ? eachOperation(data).next().value : undefined;
  if (!first) return undefined;
  const { key, method, path } = first;
  return [key, camel(key === first.operation.operationId ? key : `${method} ${path}`)];
}
