/**
 * Global names no generated declaration may take, the client class and schema aliases alike:
 * generated code and users' code rely on the real ones (`Promise`, `Response`, `URL`), and DOM
 * globals (`Event`, `Node`, `Text`) would shadow what users of a browser build expect. One set, so a
 * name refused for one kind of declaration is refused for every kind.
 */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set(
  [
    // JavaScript built-ins and the utility types TypeScript predeclares.
    "Object Array String Number Boolean Symbol Function Error Promise Map Set Date JSON Math",
    "Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReadonlyArray",
    // Web platform globals.
    "Response Request Headers Blob File FormData URL URLSearchParams AbortSignal ReadableStream Uint8Array ArrayBuffer",
    // DOM.
    "Event Node Element Document Window Location Storage Text Comment",
  ]
    .join(" ")
    .split(" "),
);
