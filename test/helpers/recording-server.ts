import { reply as send, startHttpServer, type ReceivedRequest } from "./http-server.js";

/** A request as the e2e tests read it: the shared server's, with the body as text. */
export type RecordedRequest = Omit<ReceivedRequest, "body"> & { body: string };

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
  /** Wait this long before answering (for timeouts and aborts). */
  delayMs?: number;
}

export interface RecordingServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies are served in order; the last one repeats. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** The shared test server (http-server.ts) answering from a queue of replies. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [{ status: 200, body: {} }];
  const server = await startHttpServer((req, res) => {
    requests.push({ ...req, body: req.text });
    const next = queue.length > 1 ? queue.shift()! : queue[0]!;
    const answer = () => send(res, next.status ?? 200, next.body, next.headers);
    if (next.delayMs) setTimeout(answer, next.delayMs).unref();
    else answer();
  });
  return {
    baseURL: server.url,
    requests,
    reply: (...replies) => {
      queue = replies;
    },
    close: () => server.close(),
  };
}
