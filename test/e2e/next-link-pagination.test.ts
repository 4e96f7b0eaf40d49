/**
 * Lists whose responses give the next page's URL (test/fixtures/specs/next-links: Azure's `nextLink`,
 * Twilio's relative `meta.next_page_url`, both recognised, and a `Link` header that clientgen.yaml
 * names): the package is generated once and walked against a 127.0.0.1 server in the flat and builder
 * styles and through its command line's `--all`; the items and bodies are typed under `--strict`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliBundles } from "../helpers/cli-bundle.js";
import { useFixturePackage } from "../helpers/fixture-package.js";
import { reply } from "../helpers/http-server.js";

const cli = new CliBundles();

const CHECKS = `import Fleet from "./index.js";
import { VehiclesApi } from "./builder.js";
import type { Driver, Trip, Vehicle } from "./models.js";
const client = new Fleet();
export async function typed(): Promise<void> {
  const vehicles = await client.vehicles.list({ $top: 2 });
  const v: Vehicle | undefined = vehicles.items[0];
  const next: string | null | undefined = vehicles.body.nextLink;
  const drivers = await client.drivers.list();
  const d: Driver | undefined = drivers.items[0];
  const url: string | null | undefined = drivers.body.meta.next_page_url;
  for await (const trip of client.trips.list()) {
    const t: Trip = trip;
    // @ts-expect-error a trip has no plate
    trip.plate;
  }
  const page = await new VehiclesApi().listVehicles().top(2).execute();
  const w: Vehicle | undefined = page.items[0];
  void [v, next, d, url, w];
}
`;

const VEHICLES = ["v1", "v2", "v3", "v4", "v5"];

const pkg = useFixturePackage(
  "next-links/openapi.yaml",
  "fleet",
  (req, res) => {
    const base = `${pkg.server.url}/v2`;
    if (req.path === "/v2/vehicles") {
      // An opaque skip token, as Azure's; the page size comes back in the link.
      const skip = Number(req.query.get("$skiptoken") ?? 0);
      const top = Number(req.query.get("$top") ?? 2);
      const value = VEHICLES.slice(skip, skip + top).map((id) => ({ id, plate: id.toUpperCase() }));
      const more = skip + top < VEHICLES.length;
      return reply(res, 200, {
        value,
        nextLink: more ? `${base}/vehicles?$skiptoken=${skip + top}&$top=${top}` : null,
      });
    }
    if (req.path === "/v2/drivers") {
      const page = Number(req.query.get("Page") ?? 0);
      return reply(res, 200, {
        drivers: [{ sid: `d${page}`, name: `Driver ${page}` }],
        meta: { page, next_page_url: page < 2 ? `/v2/drivers?Page=${page + 1}&PageToken=T${page}` : null },
      });
    }
    if (req.path === "/v2/trips") {
      const page = Number(req.query.get("page") ?? 1);
      const next = page < 3 ? `<${base}/trips?page=${page + 1}>; rel="next", ` : "";
      return reply(res, 200, [{ id: `t${page}`, km: page * 10 }], {
        link: `${next}<${base}/trips?page=3>; rel="last"`,
      });
    }
    reply(res, 404, { message: "no such path" });
  },
  CHECKS,
);

beforeAll(() => cli.buildPackage("fleet", pkg.dir), 60_000);
afterAll(() => cli.remove());

const options = () => ({ baseURL: `${pkg.server.url}/v2`, maxRetries: 0 });
const paths = (from: number) => pkg.server.requests.slice(from).map((r) => r.url);

describe("next-URL pagination in a generated package", () => {
  it("types items and bodies under --strict, in both styles", async () => {
    expect(await pkg.typeErrors()).toBe("");
  }, 60_000);

  it("flat: walks Azure's absolute nextLink and Twilio's relative next_page_url", async () => {
    const client = new pkg.flat.default(options());
    const from = pkg.server.requests.length;
    const vehicles: string[] = [];
    for await (const v of client.vehicles.list({ $top: 2 }, { headers: { "x-depot": "north" } })) vehicles.push(v.id);
    expect(vehicles).toEqual(VEHICLES);
    expect(paths(from)).toEqual([
      "/v2/vehicles?%24top=2",
      "/v2/vehicles?%24skiptoken=2&%24top=2",
      "/v2/vehicles?%24skiptoken=4&%24top=2",
    ]);
    // Request options hold for every page.
    expect(pkg.server.requests.slice(from).map((r) => r.headers["x-depot"])).toEqual(["north", "north", "north"]);
    const drivers = await client.drivers.list();
    expect(drivers.hasNextPage()).toBe(true);
    const second = await drivers.getNextPage();
    expect(second.items).toEqual([{ sid: "d1", name: "Driver 1" }]);
    expect(pkg.server.requests.at(-1)!.url).toBe("/v2/drivers?Page=1&PageToken=T0");
    const last = await second.getNextPage();
    expect(last.hasNextPage()).toBe(false);
  });

  it("middleware sees the operation's own path template on every page, its link's URL on the request", async () => {
    const seen: string[] = [];
    const client = new pkg.flat.default(options()).use({
      onRequest: ({ request, operation }: any) =>
        void seen.push(`${operation.id} ${operation.method} ${operation.path} ${new URL(request.url).search}`),
    });
    for await (const _ of client.vehicles.list({ $top: 3 }));
    expect(seen).toEqual([
      "listVehicles get /vehicles ?%24top=3",
      "listVehicles get /vehicles ?%24skiptoken=3&%24top=3",
    ]);
  });

  it("builder: the same walk, and the Link header's next page", async () => {
    const vehicles: string[] = [];
    for await (const v of new pkg.builder.VehiclesApi(options()).listVehicles().top(3).execute()) vehicles.push(v.id);
    expect(vehicles).toEqual(VEHICLES);
    const from = pkg.server.requests.length;
    const trips: number[] = [];
    for await (const t of new pkg.builder.TripsApi(options()).listTrips().execute()) trips.push(t.km);
    expect(trips).toEqual([10, 20, 30]);
    expect(paths(from)).toEqual(["/v2/trips", "/v2/trips?page=2", "/v2/trips?page=3"]);
  });

  it("the README shows page.body with the field the first list's pagination reads", async () => {
    const readme = await readFile(join(pkg.dir, "README.md"), "utf8");
    expect(readme).toContain("the whole response typed as its schema (`page.body.nextLink`).");
  });

  it("command line: --all prints every item, one JSON line each", async () => {
    const run = await cli.run("fleet", ["listDrivers", "--all", "--base-url", `${pkg.server.url}/v2`]);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).sid),
    ).toEqual(["d0", "d1", "d2"]);
  });
});
