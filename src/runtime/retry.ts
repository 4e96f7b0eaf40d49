/** When and how long to wait before retrying. */

/** For a failed response: 408, 409, 429 and 5xx are retried unless the server says otherwise with `x-should-retry`. */
export function shouldRetry(r: Response): boolean {
  const h = r.headers.get("x-should-retry");
  return (
    h === "true" || (h !== "false" && (r.status === 408 || r.status === 409 || r.status === 429 || r.status > 499))
  );
}

/** The server's requested delay when sane (0 < d <= 60 s), else exponential backoff with jitter. */
export function retryDelay(h: Headers | undefined, n: number): number {
  const ra = h?.get("retry-after");
  const d = Number(h?.get("retry-after-ms")) || (ra ? Number(ra) * 1000 || Date.parse(ra) - Date.now() : 0);
  return d > 0 && d <= 60_000 ? d : Math.min(500 * 2 ** n, 8000) * (1 - Math.random() * 0.25);
}
