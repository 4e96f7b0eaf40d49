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
  #parse: (response: Response, keep: boolean) => Promise<T>;
  #data: Promise<T> | undefined;
  #withResponse: Promise<{ data: T; response: Response }> | undefined;

  /** `parse(response, keep)`: `keep` asks it to leave the body readable (withResponse hands the Response out). */
  constructor(response: Promise<Response>, parse: (response: Response, keep: boolean) => Promise<T>) {
    super((resolve) => resolve(undefined as T));
    this.#response = response;
    this.#parse = parse;
  }

  /** The raw Response of a successful request, body unread. Error statuses still reject. */
  asResponse(): Promise<Response> {
    return this.#response;
  }

  /** The data with the Response, whose body stays readable unless the data was awaited first. */
  withResponse(): Promise<{ data: T; response: Response }> {
    return (this.#withResponse ??= this.#response.then(async (response) => ({ data: await (this.#data ??= this.#parse(response, true)), response })));
  }

  // The body is parsed once, by whichever of `then` and `withResponse` gets the Response first.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return (this.#data ??= this.#response.then((response) => this.#parse(response, false))).then(onfulfilled, onrejected);
  }
}
