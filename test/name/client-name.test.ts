import { describe, expect, it } from "vitest";
import { clientNameFromTitle } from "../../src/name/name-client.js";

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
    ["U.S. EPA Enforcement and Compliance History Online (ECHO) - Clean Air Act", "USEpaEnforcementAndComplianceHistoryOnline"],
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
