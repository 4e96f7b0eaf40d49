import { plain } from "./help.js";
import type { CliOperation, CliProgram } from "./program.js";
import { BUILTIN_COMMANDS, GLOBAL_OPTIONS } from "./reserved.js";
import { UsageError } from "./usage-error.js";

/** Words safe to place in a shell script unquoted; names outside this set are left out of completion. */
const SAFE = /^[A-Za-z0-9_.,@%+-]+$/;

/** `completion bash|zsh`: a script completing operations, their parameters and enum values. */
export function completionScript(program: CliProgram, shell: string | undefined): string {
  if (shell === "bash") return bash(program);
  if (shell === "zsh") return zsh(program);
  throw new UsageError(`completion expects 'bash' or 'zsh'${shell ? `, got '${shell}'` : ""}`);
}

const names = (op: CliOperation): string[] =>
  [...op.params.map((p) => p.name), ...(op.body?.fields ?? []).map((f) => f.name)].filter((n) => SAFE.test(n));
const commandWords = (op: CliOperation): string => [op.command, op.alias].filter(Boolean).join("|");
const flags = (program: CliProgram): string[] =>
  [...GLOBAL_OPTIONS, ...program.options.map((o) => o.flag)].map((f) => `--${f}`);
const funcName = (program: CliProgram): string => `_${program.bin.replace(/[^A-Za-z0-9_]/g, "_")}`;

/** Enum values by parameter name, for `name=<TAB>`. */
function enumCases(op: CliOperation, indent: string, line: (name: string, values: string) => string): string[] {
  const out: string[] = [];
  for (const p of [...op.params, ...(op.body?.fields ?? [])]) {
    const values = (p.schema.enum ?? []).map(String).filter((v) => SAFE.test(v));
    if (values.length && SAFE.test(p.name)) out.push(indent + line(p.name, values.join(" ")));
  }
  return out;
}

function bash(program: CliProgram): string {
  const fn = funcName(program);
  const commands = program.operations.flatMap((op) => [op.command, ...(op.alias ? [op.alias] : [])]);
  const params = program.operations.map(
    (op) =>
      `    ${commandWords(op)}) words="${names(op)
        .map((n) => `${n}=`)
        .join(" ")}${op.list ? " --all" : ""}" ;;`,
  );
  const values = program.operations.flatMap((op) => {
    const cases = enumCases(op, "      ", (name, vs) => `${name}) values="${vs}" ;;`);
    return cases.length ? [`    ${commandWords(op)}) case "$name" in`, ...cases, "    esac ;;"] : [];
  });
  return [
    `# bash completion for ${program.bin}: source it, e.g. eval "$(${program.bin} completion bash)"`,
    `${fn}() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" op="\${COMP_WORDS[1]}" words="" values="" name=""`,
    `  if [ "$COMP_CWORD" -eq 1 ]; then`,
    `    COMPREPLY=($(compgen -W "${[...commands, ...BUILTIN_COMMANDS].join(" ")} --help" -- "$cur"))`,
    "    return",
    "  fi",
    "  # bash splits name=value at '=': complete a value after it",
    `  if [ "$cur" = "=" ]; then name="$prev"; cur=""; elif [ "$prev" = "=" ]; then name="\${COMP_WORDS[COMP_CWORD-2]}"; fi`,
    `  if [ -n "$name" ]; then`,
    `    case "$op" in`,
    ...values,
    "    esac",
    `    COMPREPLY=($(compgen -W "$values" -- "$cur"))`,
    "    return",
    "  fi",
    `  case "$op" in`,
    ...params,
    "  esac",
    `  COMPREPLY=($(compgen -W "$words ${flags(program).join(" ")}" -- "$cur"))`,
    `  if [ "\${#COMPREPLY[@]}" -eq 1 ] && [ "\${COMPREPLY[0]%=}" != "\${COMPREPLY[0]}" ]; then compopt -o nospace 2>/dev/null; fi`,
    "}",
    `complete -F ${fn} ${program.bin}`,
    "",
  ].join("\n");
}

/** zsh: `'name:description'` entries with `'` and `:` escaped. */
const zshEntry = (name: string, text: string | undefined): string =>
  `'${`${name}:${plain(text).split("\n")[0]!.replace(/:/g, "\\:")}`.replace(/'/g, "'\\''")}'`;

function zsh(program: CliProgram): string {
  const fn = funcName(program);
  const ops = program.operations.flatMap((op) =>
    [op.command, ...(op.alias ? [op.alias] : [])].map((c) => `    ${zshEntry(c, op.summary ?? op.description)}`),
  );
  const params = program.operations.map(
    (op) =>
      `    ${commandWords(op)}) params=(${names(op)
        .map((n) => `${n}=`)
        .join(" ")}) ;;`,
  );
  const values = program.operations.flatMap((op) => {
    const cases = enumCases(op, "      ", (name, vs) => `${name}) values=(${vs}) ;;`);
    return cases.length ? [`    ${commandWords(op)}) case "$name" in`, ...cases, "    esac ;;"] : [];
  });
  return [
    `#compdef ${program.bin}`,
    `# zsh completion for ${program.bin}: source it, e.g. source <(${program.bin} completion zsh)`,
    `${fn}() {`,
    "  local -a ops params values",
    "  local name",
    "  if (( CURRENT == 2 )); then",
    "    ops=(",
    ...ops,
    "    )",
    "    _describe 'operation' ops",
    `    compadd -- ${BUILTIN_COMMANDS.join(" ")} --help`,
    "    return",
    "  fi",
    "  # After name=, complete the value: compset moves `name=` out of the word being matched.",
    "  if compset -P '*='; then",
    `    name="\${IPREFIX%=}"`,
    '    case "$words[2]" in',
    ...values,
    "    esac",
    "    compadd -- $values",
    "    return",
    "  fi",
    '  case "$words[2]" in',
    ...params,
    "  esac",
    "  compadd -S '' -- $params",
    `  compadd -- ${flags(program).join(" ")}`,
    "}",
    `compdef ${fn} ${program.bin}`,
    "",
  ].join("\n");
}
