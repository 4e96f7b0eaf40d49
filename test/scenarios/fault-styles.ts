/**
 * The fault table's calls, in both calling styles, on a package generated from
 * test/fixtures/specs/faults.yaml: every kind of credential (bearer, API key in a header, in the query,
 * in a cookie) and every response reader (JSON, pages, text, binary, withResponse).
 */
import { join } from "node:path";

/** The credential values the client is given: none may reach another origin or an error. */
export const CREDENTIALS = {
  bearerAuth: "bearer-s3cret",
  headerKey: "header-s3cret",
  queryKey: "query-s3cret",
  cookieKey: "cookie-s3cret",
};

export interface FaultSetup {
  baseURL: string;
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal;
}

/** One call per response reader, plus an operation that declares an empty 2xx. */
export interface FaultCalls {
  json(): Promise<unknown>;
  page(): Promise<unknown>;
  text(): Promise<unknown>;
  binary(): Promise<unknown>;
  withResponse(): Promise<unknown>;
  /** PUT: declares a 202 without content beside its JSON 200. */
  mayBeEmpty(): Promise<unknown>;
  /** What the caller holds: the flat client, or the builder's API object. */
  client(): { options?: object };
}

export type Reader = Exclude<keyof FaultCalls, "mayBeEmpty" | "client">;
export const READERS: Reader[] = ["json", "page", "text", "binary", "withResponse"];

export type FaultStyle = (setup: FaultSetup) => FaultCalls;

/** Both styles over the generated package in `dir`; the client is built anew for every call. */
export async function loadFaultStyles(dir: string): Promise<Record<"flat" | "builder", FaultStyle>> {
  // The generated modules are only known at run time (their types are checked by the typecheck test of generated/).
  const { default: Faults } = (await import(join(dir, "src", "index.ts"))) as { default: new (o: object) => any };
  const { ItemsApi } = (await import(join(dir, "src", "builder.ts"))) as { ItemsApi: new (o: object) => any };
  const options = ({ signal, ...setup }: FaultSetup) =>
    [{ ...CREDENTIALS, logLevel: "off", ...setup }, { signal }] as const;
  const drain = async (answer: Response) => new Uint8Array(await answer.arrayBuffer());
  return {
    flat: (setup) => {
      const [o, req] = options(setup);
      const items = () => new Faults(o).items;
      return {
        json: () => items().retrieve("a", req),
        page: async () => {
          const ids: string[] = [];
          for await (const item of items().list({}, req)) ids.push(item.id);
          return ids;
        },
        text: () => items().notes.retrieve("a", req),
        binary: async () => drain(await items().file.retrieve("a", req)),
        withResponse: async () => (await items().retrieve("a", req).withResponse()).data,
        mayBeEmpty: () => items().update("a", req),
        client: () => new Faults(o),
      };
    },
    builder: (setup) => {
      const [o, req] = options(setup);
      const api = () => new ItemsApi(o);
      return {
        json: () => api().getItem("a").withOptions(req).execute(),
        page: async () => {
          const ids: string[] = [];
          for await (const item of api().listItems().withOptions(req).execute()) ids.push(item.id);
          return ids;
        },
        text: () => api().getNotes("a").withOptions(req).execute(),
        binary: async () => drain(await api().getFile("a").withOptions(req).execute()),
        withResponse: async () => (await api().getItem("a").withOptions(req).executeRaw()).data,
        mayBeEmpty: () => api().putItem("a").withOptions(req).execute(),
        client: api,
      };
    },
  };
}
