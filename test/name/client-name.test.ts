import { describe, expect, it } from "vitest";
import { jobFor } from "../../src/load/find-providers.js";
import { readAssets } from "../../src/load/read-assets.js";
import { clientNameFromTitle, packageNameFor } from "../../src/name/name-client.js";
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
      "USEpaEnforcementAndComplianceHistoryOnline",
    ],
    ["API Gateway API", "ApiGateway"],
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
