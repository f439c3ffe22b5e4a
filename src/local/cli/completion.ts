/**
 * Shell completion scripts for bash, zsh and fish: commands from the per-command help (usage.ts), their
 * subcommands from its Usage lines, and options from the declarations the parser itself uses (options.ts).
 * A command or an option added there is completed with no change here.
 */
import { optionsOf } from './options';
import { STYLE_OPTIONS } from './style';
import { COMMAND_HELP } from './usage';

/** What every command takes besides its own options: --help, and the style options (long forms). */
const GLOBAL_OPTIONS = ['--help', ...[...STYLE_OPTIONS].filter((option) => option.startsWith('--'))];
const SUMMARY_LENGTH = 70;

interface CommandWords {
  name: string;
  subcommands: string[];
  options: string[];
  summary: string;
}

function completionWords(): CommandWords[] {
  const commands = Object.entries(COMMAND_HELP).map(([name, help]) => {
    const [usage = '', description = ''] = help.split('\n\n');
    const subcommands = [...usage.matchAll(new RegExp(`scope-doctor ${escape(name)} ([a-z]+(?:\\|[a-z]+)*)(?=\\s|$)`, 'g'))].flatMap((m) => m[1]!.split('|'));
    const options = [...new Set([...optionsOf(name), ...GLOBAL_OPTIONS])].sort();
    return { name, subcommands: [...new Set(subcommands)], options, summary: summaryOf(description) };
  });
  return [...commands, { name: 'help', subcommands: commands.map((c) => c.name), options: [], summary: 'Show a command’s help' }];
}

export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  const words = completionWords();
  if (shell === 'bash') return bashScript(words);
  if (shell === 'zsh') return zshScript(words);
  return fishScript(words);
}

function bashScript(words: readonly CommandWords[]): string {
  const cases = words.map((c) => `    ${c.name}) subcommands="${c.subcommands.join(' ')}"; options="${c.options.join(' ')}" ;;`);
  return `# scope-doctor completion for bash. Load it with: source <(scope-doctor completion bash)
_scope_doctor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" subcommands="" options=""
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${words.map((c) => c.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  elif [[ $COMP_CWORD -eq 2 && -n $subcommands ]]; then
    COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
  fi
}
# Nothing offered (a file argument): bash completes file names.
complete -o default -o bashdefault -F _scope_doctor scope-doctor
`;
}

function zshScript(words: readonly CommandWords[]): string {
  // _describe splits name and text at the first unescaped colon; a quote closes, escapes and reopens.
  const described = words.map((c) => `    '${c.name}:${c.summary.replace(/:/g, '\\:').replace(/'/g, "'\\''")}'`);
  const cases = words.map((c) => `    ${c.name}) subcommands=(${c.subcommands.join(' ')}); options=(${c.options.join(' ')}) ;;`);
  return `#compdef scope-doctor
# scope-doctor completion for zsh. Load it with: source <(scope-doctor completion zsh), or save it as _scope-doctor on your fpath.
_scope_doctor() {
  local -a commands subcommands options
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
  if [[ $words[CURRENT] == -* ]]; then
    compadd -a options
  elif (( CURRENT == 3 && \${#subcommands} )); then
    compadd -a subcommands
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _scope_doctor "$@"; else compdef _scope_doctor scope-doctor; fi
`;
}

function fishScript(words: readonly CommandWords[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = [
    '# scope-doctor completion for fish. Load it with: scope-doctor completion fish | source',
    'complete -c scope-doctor -e',
    `complete -c scope-doctor -n __fish_use_subcommand -l version -d 'Print the version'`,
  ];
  for (const c of words) {
    lines.push(`complete -c scope-doctor -n __fish_use_subcommand -f -a ${c.name} -d ${quote(c.summary)}`);
    if (c.subcommands.length) {
      lines.push(
        `complete -c scope-doctor -n '__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${c.subcommands.join(' ')}' -f -a ${quote(c.subcommands.join(' '))}`,
      );
    }
    for (const option of c.options) lines.push(`complete -c scope-doctor -n '__fish_seen_subcommand_from ${c.name}' -l ${option.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The first sentence of a command's description, short enough for a completion menu. */
function summaryOf(description: string): string {
  const sentence =
    description
      .replace(/\s+/g, ' ')
      .split(/(?<=[.:])\s/)[0]
      ?.replace(/[.:]$/, '') ?? '';
  return sentence.length > SUMMARY_LENGTH ? `${sentence.slice(0, SUMMARY_LENGTH - 1)}…` : sentence;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
