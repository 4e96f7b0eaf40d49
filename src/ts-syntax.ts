/**
 * TypeScript's lexical rules as every stage needs them: what an identifier is, which words are
 * reserved, and how a name is written as a property key. One place, so config checks, the name
 * stage and every emitter agree.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private " +
    "protected public static yield await any boolean number string symbol type undefined never object unknown arguments eval constructor"
  ).split(" "),
);

/** An ASCII identifier (the only kind generated code declares). */
export const isIdentifier = (s: string): boolean => IDENTIFIER.test(s);

/** Words that cannot name a variable, function, class or type (some could name a property). */
export const isReservedWord = (s: string): boolean => RESERVED_WORDS.has(s);

/**
 * A property key as written in TypeScript source, in object literals and type members alike: bare
 * when it is an identifier, quoted otherwise, and `["__proto__"]` for `__proto__`, which as a plain
 * or quoted key in an object literal sets the prototype instead of a property.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `["__proto__"]`;
  return isIdentifier(name) ? name : JSON.stringify(name);
}
