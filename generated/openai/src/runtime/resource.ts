import type { ClientCore } from "./core.js";

/** Base of every flat-style resource class: holds the client its methods call through. */
export class APIResource {
  protected readonly _client: ClientCore;

  constructor(client: ClientCore) {
    this._client = client;
  }
}
