/**
 * The promise every operation returns. The request is sent eagerly, but the body is parsed only when
 * someone asks for the data, so `.asResponse()` can hand back an unread Response.
 */
export class APIPromise<T> extends Promise<T> {
  // `then` on a Promise subclass would otherwise try to build another APIPromise via this constructor.
  static override get [Symbol.species]() {
    return Promise;
  }

  #response: Promise<Response>;
  #parse: (response: Response) => Promise<T>;
  #parsed: Promise<{ data: T; response: Response }> | undefined;

  constructor(response: Promise<Response>, parse: (response: Response) => Promise<T>) {
    super((resolve) => resolve(undefined as T));
    this.#response = response;
    this.#parse = parse;
  }

  /** The raw Response of a successful request, body unread. Error statuses still reject. */
  asResponse(): Promise<Response> {
    return this.#response;
  }

  withResponse(): Promise<{ data: T; response: Response }> {
    return (this.#parsed ??= this.#response.then(async (response) => ({ data: await this.#parse(response), response })));
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.withResponse().then((r) => r.data).then(onfulfilled, onrejected);
  }
}
