/**
 * What the command line needs from its platform, reached without `@types/node` so a package still
 * type-checks with no dependency: Node's `process` through `globalThis`, `node:fs` by dynamic import.
 * Tests may run the engine with a host of their own.
 */
export interface Host {
  /** Arguments after the executable and script. */
  args: string[];
  env: Record<string, string | undefined>;
  /** stdout is a terminal: JSON is indented for people, else one line per value. */
  stdoutIsTTY: boolean;
  /** The terminal's width, when stdout is one: help wraps to it (80 columns otherwise). */
  columns?: number;
  /** Writes and waits while the stream is full, so a slow reader holds `--all` back instead of memory growing. */
  write(stream: "out" | "err", chunk: string | Uint8Array): Promise<void>;
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  /** Creates (or empties) the file at `path` for `--output`. */
  openFile(path: string): Promise<FileSink>;
  /** Calls `abort` on Ctrl-C. */
  onInterrupt(abort: () => void): void;
  exit(code: number): void;
}

/** A file being written: chunks in order, then `close()`. */
export interface FileSink {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

interface NodeStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string | Uint8Array, done?: () => void): boolean;
  once(event: "drain" | "error", listener: (err?: { code?: string }) => void): unknown;
  on(event: "error", listener: (err: { code?: string }) => void): unknown;
}

interface NodeFileHandle {
  write(bytes: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
}

interface NodeProcess {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: NodeStream;
  stderr: NodeStream;
  stdin: AsyncIterable<Uint8Array>;
  exitCode?: number;
  exit(code?: number): never;
  once(event: "SIGINT", listener: () => void): unknown;
}

/** The host of a Node process (`node dist/cli.js …`, `npx <bin> …`). */
export function nodeHost(): Host {
  const proc = (globalThis as unknown as { process: NodeProcess }).process;
  // A closed pipe (`| head`) is not an error: stop writing and exit quietly.
  proc.stdout.on("error", (err) => {
    if (err.code === "EPIPE") proc.exitCode ??= 0;
  });
  const stream = (name: "out" | "err") => (name === "out" ? proc.stdout : proc.stderr);
  // A variable specifier keeps TypeScript from looking for Node's type declarations.
  const fsModule = "node:fs/promises";
  return {
    args: proc.argv.slice(2),
    env: proc.env,
    stdoutIsTTY: !!proc.stdout.isTTY,
    ...(proc.stdout.isTTY && proc.stdout.columns ? { columns: proc.stdout.columns } : {}),
    write: (name, chunk) => {
      const s = stream(name);
      return s.write(chunk) ? Promise.resolve() : new Promise((resolve) => s.once("drain", () => resolve()));
    },
    readStdin: async () => concat(await collect(proc.stdin)),
    readFile: async (path) => {
      const fs = (await import(fsModule)) as { readFile(path: string): Promise<Uint8Array> };
      return fs.readFile(path);
    },
    openFile: async (path) => {
      const fs = (await import(fsModule)) as { open(path: string, flags: string): Promise<NodeFileHandle> };
      const file = await fs.open(path, "w");
      const write = async (chunk: string | Uint8Array) => {
        const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
        // A write may take only part of the buffer; the rest follows.
        for (let at = 0; at < bytes.length; ) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
      };
      return { write, close: () => file.close() };
    },
    onInterrupt: (abort) => void proc.once("SIGINT", abort),
    // Exits once stdout and stderr are flushed: an idle keep-alive connection would otherwise hold the process open for a while.
    exit: (code) => {
      proc.exitCode = code;
      const flushed = (s: NodeStream) => new Promise<void>((resolve) => s.write("", () => resolve()));
      void Promise.all([flushed(proc.stdout), flushed(proc.stderr)]).then(() => proc.exit(code));
    },
  };
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return chunks;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
