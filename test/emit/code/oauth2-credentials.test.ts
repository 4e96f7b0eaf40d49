/**
 * How an OAuth2 client credentials flow becomes client options: `clientId` and `clientSecret` (with
 * `<PREFIX>_CLIENT_ID` and `<PREFIX>_CLIENT_SECRET`) by default, or the names clientgen.yaml gives each
 * half (`part: clientId`, `part: clientSecret`); both end up in one `clientCredentials(...)` scheme.
 */
import { describe, expect, it } from "vitest";
import { fixture, generateFrom } from "../../helpers/generate.js";

const core = async (spec: string) => (await generateFrom(fixture("specs", spec), "ledger")).files!.get("src/core.ts")!;

describe("OAuth2 client credentials options", () => {
  it("by default: clientId and clientSecret, from <PREFIX>_CLIENT_ID and <PREFIX>_CLIENT_SECRET", async () => {
    const text = await core("oauth2-client-credentials.yaml");
    expect(text).toContain('{ option: "clientId", env: "LEDGER_CLIENT_ID" }');
    expect(text).toContain('{ option: "clientSecret", env: "LEDGER_CLIENT_SECRET" }');
    expect(text).toMatch(
      /clientCredentials\(\s*"\/oauth\/token",\s*\["accounts:read", "accounts:write"\],\s*"clientId",\s*"clientSecret",?\s*\)/,
    );
  });

  it("named in clientgen.yaml, each half by its part", async () => {
    const text = await core("oauth2-config/openapi.yaml");
    expect(text).toContain('{ option: "appId", env: "LEDGER_APP_ID" }');
    expect(text).toMatch(/clientCredentials\("https:\/\/auth\.example\.com\/token", \[\], "appId", "appSecret"\)/);
    expect(text).not.toContain("clientId");
  });
});
