/** openapi-typescript gave up on a spec that passed our checks. Light on purpose: the worker pool imports it. */
export class TypesFailed extends Error {
  constructor(readonly reason: string) {
    super(`openapi-typescript failed: ${reason}`);
    this.name = "TypesFailed";
  }
}
