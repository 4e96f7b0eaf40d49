import { describe, expect, it } from "vitest";
import { jobFor } from "../../src/load/find-providers.js";
import { readAssets } from "../../src/load/read-assets.js";
import type { ApiModel, SecuritySchemeModel } from "../../src/model/api-model.js";
import { camel, words } from "../../src/name/identifiers.js";
import { clientNameFromTitle, nameCredentials, packageNameFor } from "../../src/name/name-client.js";
import type { ClientNames } from "../../src/name/named-api.js";
import { generateProvider } from "../../src/pipeline.js";
import { fixture, projectRoot } from "../helpers/generate.js";

/** Titles as real specs write them (GitHub, Stripe, APIs.guru entries) and the class name each gets without a `name` in clientgen.yaml. */
describe("client class name from the spec title", () => {
  it.each([
    ["GitHub's official OpenAPI spec + Octokit extension", "GitHub"],
    ["Stripe API", "Stripe"],
    ["Quicksold REST API", "Quicksold"],
    ["Spotify Web API", "SpotifyWeb"],
    ["Twilio - Pricing", "TwilioPricing"],
    ["Weatherbit - Interactive Swagger UI Documentation", "Weatherbit"],
    ["Kong Konnect Identity API - Invites", "KongKonnectIdentity"],
    ["Cloudflare API - User\u2019s Invites", "Cloudflare"],
    [
      "U.S. EPA Enforcement and Compliance History Online (ECHO) - Clean Air Act",
      "USEPAEnforcementAndComplianceHistoryOnline",
    ],
    ["API Gateway API", "APIGateway"],
    ["OpenAI API", "OpenAI"],
    ["GitHub v3 REST API", "GitHub"],
    ["STRIPE API", "Stripe"],
    ["the cloudflare api", "Cloudflare"],
    ["iOS App Store Connect API", "IOSAppStoreConnect"],
    ["On-Demand Flight Status", "OnDemandFlightStatus"],
  ])("%s → %s", (title, name) => {
    expect(clientNameFromTitle(title)).toBe(name);
  });

  it("gives nothing for a title that is only generic words, so the provider's name is used", () => {
    expect(clientNameFromTitle("The API")).toBe("");
    expect(clientNameFromTitle("OpenAPI spec")).toBe("");
  });
});

/** The npm name from the provider folder (or `--out`'s last folder) when clientgen.yaml gives none. */
describe("package name from the provider", () => {
  it.each([
    ["openai", "openai-client"],
    ["spotify-client", "spotify-client"],
    ["SpotifyClient", "spotify-client"],
    ["my_client", "my-client"],
    ["Kong Konnect", "kong-konnect-client"],
    ["client", "client"],
    ["clientele", "clientele-client"],
  ])("%s → %s", (provider, expected) => {
    expect(packageNameFor(provider)).toBe(expected);
  });
});

describe("--out names the package", () => {
  it("`--out some/dir/spotify-client` gives the npm name spotify-client", async () => {
    const result = await generateProvider(
      jobFor(fixture("specs", "minimal.yaml"), "/tmp/some/dir/spotify-client"),
      readAssets(),
      projectRoot,
    );
    expect(JSON.parse(result.files!.get("package.json")!).name).toBe("spotify-client");
  }, 30_000);

  it("`--out src` says where, not what: the spec's name names the package and its variables", () => {
    expect(jobFor(fixture("specs", "minimal.yaml"), "/tmp/app/src").provider).toBe("minimal");
    expect(jobFor("/tmp/app/specs/billing/openapi.yaml", "/tmp/app/generated").provider).toBe("billing");
    expect(jobFor("/tmp/app/billing.yaml", "/tmp/app/clients/ledger").provider).toBe("ledger");
  });
});

describe("--name and clientgen.yaml's name", () => {
  const job = (name?: string) =>
    jobFor(fixture("specs", "named-client", "openapi.yaml"), "/tmp/named", undefined, name);
  const className = async (name?: string) => {
    const result = await generateProvider(job(name), readAssets(), projectRoot);
    return /export class (\w+) extends/.exec(result.files!.get("src/index.ts")!)?.[1];
  };

  it("clientgen.yaml's name is used when --name is not given", async () => {
    expect(await className()).toBe("ConfigNamed");
  }, 30_000);

  it("--name beats clientgen.yaml's name, as generate --help says", async () => {
    expect(await className("FlagNamed")).toBe("FlagNamed");
  }, 30_000);
});

/** Words as the name stage splits them: a capital starting a word before a capitalised one stays with it (`OAuth`), not elsewhere. */
describe("words and camelCase", () => {
  it.each([
    ["OAuth2", "oauth2", "OAUTH2"],
    ["ETag", "etag", "ETAG"],
    ["getAUser", "getAUser", "GET_A_USER"],
    ["getHTTPStatus", "getHttpStatus", "GET_HTTP_STATUS"],
    ["XMLHttpRequest", "xmlHttpRequest", "XML_HTTP_REQUEST"],
    ["api_key", "apiKey", "API_KEY"],
    ["my OAuth scheme", "myOauthScheme", "MY_OAUTH_SCHEME"],
  ])("%s → %s, %s", (input, camelCase, upper) => {
    expect(camel(input)).toBe(camelCase);
    expect(words(input).join("_").toUpperCase()).toBe(upper);
  });
});

/** A security scheme clientgen.yaml does not name gets an option and an env variable from its own name. */
describe("credential option and env variable from the scheme's name", () => {
  const client = { envPrefix: "ACME" } as ClientNames;
  it.each([
    ["OAuth2", "oauth2", "ACME_OAUTH2"],
    ["ApiKeyAuth", "apiKeyAuth", "ACME_API_KEY_AUTH"],
    ["bearer_token", "bearerToken", "ACME_BEARER_TOKEN"],
    ["OpenIDConnect", "openIdConnect", "ACME_OPEN_ID_CONNECT"],
  ])("%s → option %s, env %s", (scheme, option, env) => {
    const schemes: SecuritySchemeModel[] = [{ name: scheme, kind: "bearer" }];
    const model = { credentials: [], securitySchemes: schemes } as unknown as ApiModel;
    const [named] = nameCredentials(model, client, []);
    expect([named?.option, named?.env]).toEqual([option, env]);
  });
});
