/** Redirects followed by hand: credentials stay on the API's origin, loops end once. */
import { describe, expect, it } from "vitest";
import { APIError, SDKError } from "../../src/runtime/errors.js";
import { followRedirects, type Init } from "../../src/runtime/redirects.js";
import type { Fetch, Redact } from "../../src/runtime/types.js";

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch answering from `routes` (URL → status and location), recording what it was sent. */
function fakeFetch(routes: Record<string, [number, string?]>) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const i = init as Init;
    sent.push({ url: String(url), method: i.method, headers: { ...i.headers }, body: i.body });
    const [status, location] = routes[String(url)] ?? [200];
    return new Response(status === 200 ? "{}" : null, { status, headers: location ? { location } : {} });
  };
  return { fetch, sent };
}

const hidden = new Set(["authorization", "cookie", "x-api-key", "api_key"]);
/** Like auth's: the one credential value here is `sekrit`. */
const redact = ((v: unknown) => (typeof v == "string" ? v.replaceAll("sekrit", "***") : v)) as Redact;
const credentials = { authorization: "Bearer t", cookie: "session=c", "x-api-key": "k", accept: "application/json" };
/** As the core does it: the first answer, then the redirects from it. */
const fetchFollowing = async (fetch: Fetch, url: string, init: Init, hidden: Set<string>, redact: Redact) =>
  followRedirects(fetch, await fetch(url, init), url, init, hidden, redact);
const init = (extra: Partial<Init> = {}): Init => ({ method: "GET", headers: { ...credentials }, ...extra });
const API = "https://api.example.com";

describe("followRedirects", () => {
  it("keeps credentials on the same origin", async () => {
    const { fetch, sent } = fakeFetch({ [`${API}/a`]: [301, "/b"] });
    const r = await fetchFollowing(fetch, `${API}/a`, init(), hidden, redact);
    expect(r.status).toBe(200);
    expect(sent.map((s) => [s.url, s.headers])).toEqual([
      [`${API}/a`, credentials],
      [`${API}/b`, credentials],
    ]);
  });

  it("drops every hidden header and query parameter on another origin, for that hop and the next", async () => {
    const { fetch, sent } = fakeFetch({
      [`${API}/a`]: [302, "https://cdn.example.com/x?API_KEY=k&keep=1"],
      "https://cdn.example.com/x?keep=1": [307, `${API}/back`],
    });
    const original = init();
    const r = await fetchFollowing(fetch, `${API}/a`, original, hidden, redact);
    expect(r.status).toBe(200);
    expect(sent.map((s) => s.url)).toEqual([`${API}/a`, "https://cdn.example.com/x?keep=1", `${API}/back`]);
    expect(sent[1]!.headers).toEqual({ accept: "application/json" });
    // Back on the API's origin, the credentials stay dropped; the caller's init (used by a retry) keeps them.
    expect(sent[2]!.headers).toEqual({ accept: "application/json" });
    expect(original.headers).toEqual(credentials);
  });

  it("another port or scheme is another origin", async () => {
    for (const target of ["https://api.example.com:8443/x", "http://api.example.com/x"]) {
      const { fetch, sent } = fakeFetch({ [`${API}/a`]: [302, target] });
      await fetchFollowing(fetch, `${API}/a`, init(), hidden, redact);
      expect(sent[1]!.headers.authorization).toBeUndefined();
    }
  });

  it("a target on another origin whose URL still carries a credential is refused before anything is sent there", async () => {
    const { fetch, sent } = fakeFetch({ [`${API}/a`]: [302, "https://evil.example/cb/sekrit?x=1"] });
    const err = await fetchFollowing(fetch, `${API}/a`, init(), hidden, redact).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SDKError);
    expect((err as Error).message).toBe("Redirect refused: https://evil.example/cb/***?x=1 carries a credential");
    expect(sent).toHaveLength(1);
    // On the API's own origin, the same URL is followed.
    const same = fakeFetch({ [`${API}/a`]: [302, "/cb/sekrit"] });
    expect((await fetchFollowing(same.fetch, `${API}/a`, init(), hidden, redact)).status).toBe(200);
  });

  it("303, and 302 after a POST, continue as a GET without body or content-type; 307 keeps both", async () => {
    for (const [status, method] of [
      [303, "GET"],
      [302, "GET"],
      [307, "POST"],
    ] as const) {
      const { fetch, sent } = fakeFetch({ [`${API}/a`]: [status, "/b"] });
      await fetchFollowing(
        fetch,
        `${API}/a`,
        init({ method: "POST", body: "{}", headers: { ...credentials, "content-type": "application/json" } }),
        hidden,
        redact,
      );
      expect([sent[1]!.method, sent[1]!.body, sent[1]!.headers["content-type"]]).toEqual(
        method === "GET" ? ["GET", undefined, undefined] : ["POST", "{}", "application/json"],
      );
    }
  });

  it("a loop fails once after 20 redirects, with the last status", async () => {
    const { fetch, sent } = fakeFetch({ [`${API}/a`]: [302, "/a"] });
    const err = await fetchFollowing(fetch, `${API}/a`, init(), hidden, redact).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect([(err as APIError).status, (err as Error).message]).toEqual([
      302,
      "Redirect not followed: 302 after 20 redirects",
    ]);
    expect(sent).toHaveLength(21);
  });

  it("a Location that cannot be a URL is an APIError with the status, not a connection error", async () => {
    const { fetch, sent } = fakeFetch({ [`${API}/a`]: [302, "http://[bad"] });
    const err = await fetchFollowing(fetch, `${API}/a`, init(), hidden, redact).catch((e: unknown) => e);
    expect([err instanceof APIError, (err as APIError).status, (err as Error).message]).toEqual([
      true,
      302,
      "Redirect not followed: 302 to an invalid Location",
    ]);
    expect(sent).toHaveLength(1);
  });

  it("a 3xx without Location, and a 304, are answers", async () => {
    const { fetch } = fakeFetch({ [`${API}/a`]: [304] });
    expect((await fetchFollowing(fetch, `${API}/a`, init(), hidden, redact)).status).toBe(304);
  });

  it("a browser's opaque redirect is an APIError saying it was not followed", async () => {
    const opaque = { type: "opaqueredirect", status: 0, headers: new Headers() } as Response;
    await expect(fetchFollowing(async () => opaque, `${API}/a`, init(), hidden, redact)).rejects.toThrow(
      'Redirect not followed: this fetch hides its target (fetchOptions: { redirect: "follow" } lets fetch follow it)',
    );
  });
});
