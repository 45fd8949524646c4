/**
 * Shell completion generated from the commander tree, so it always matches the commands:
 * every command path maps to its subcommands and options; words that are values of options
 * are skipped while finding where the cursor is.
 */
import type { Command } from 'commander';
import { ValidationError } from '../errors/errors.js';

/** Every command path (`'ostack server list'`) with the words that may follow it (pure). */
export function completionTable(program: Command): { table: Map<string, string[]>; valued: string[] } {
  const table = new Map<string, string[]>();
  const valued = new Set<string>();
  const globals = program.options.flatMap((o) => [o.long, o.short].filter((x): x is string => !!x));
  const walk = (cmd: Command, path: string) => {
    for (const o of cmd.options) {
      // an optional value (`--wait [seconds]`) is as often absent as present: only options that
      // always take one have the next word skipped as their value
      if (o.required) for (const f of [o.long, o.short]) if (f) valued.add(f);
    }
    const subs = cmd.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden);
    const opts = cmd.options.map((o) => o.long).filter((x): x is string => !!x);
    table.set(path, [...subs.map((c) => c.name()), ...new Set([...opts, ...globals, '--help'])]);
    for (const c of subs) walk(c, `${path} ${c.name()}`);
  };
  walk(program, program.name());
  return { table, valued: [...valued].sort() };
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The completion script for `shell` (bash). */
export function completionScript(program: Command, shell: string): string {
  if (shell !== 'bash') {
    throw new ValidationError(`no completion for "${shell}"`, {
      field: 'shell',
      fix: 'ostack completion bash',
    });
  }
  const name = program.name();
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const { table, valued } = completionTable(program);
  const entries = [...table.entries()].map(([k, v]) => `  [${quote(k)}]=${quote(v.join(' '))}`).join('\n');
  return `# bash completion for ${name}, generated from its command tree.
# Load it with: source <(${name} completion bash)
declare -gA ${fn}_words=(
${entries}
)
${fn}() {
  local cur key="${name}" i w skip=0
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$w" in
      ${valued.join('|')}) skip=1; continue ;;
      -*) continue ;;
    esac
    if [[ -n "\${${fn}_words["$key $w"]+x}" ]]; then key="$key $w"; fi
  done
  if ((skip)); then COMPREPLY=(); return 0; fi
  COMPREPLY=($(compgen -W "\${${fn}_words["$key"]}" -- "$cur"))
}
complete -o default -F ${fn} ${name}
`;
}
