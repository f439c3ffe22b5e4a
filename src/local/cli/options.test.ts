import { describe, expect, it } from 'vitest';
import { completionScript } from './completion';
import { COMMAND_OPTIONS, optionsOf } from './options';
import { COMMAND_HELP, USAGE } from './usage';

const COMMANDS = Object.keys(COMMAND_HELP);
/** Taken by every command and said once in the main usage, not in each command's help. */
const EVERYWHERE = ['--help', '--color', '--no-color', '--quiet'];

function namedIn(text: string): string[] {
  return [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].filter((option) => !EVERYWHERE.includes(option)).sort();
}

/** The options the bash script offers after `scope-doctor <command>`. */
function bashOptions(command: string): string[] {
  const line =
    completionScript('bash')
      .split('\n')
      .find((candidate) => candidate.startsWith(`    ${command}) `)) ?? '';
  return (/options="([^"]*)"/.exec(line)?.[1] ?? '').split(' ').filter(Boolean).sort();
}

describe('the CLI options, declared once', () => {
  it('has a parser declaration for every command with help, and help for every declared command', () => {
    const declared = [...new Set(Object.keys(COMMAND_OPTIONS).map((key) => key.split(' ')[0]!))].sort();
    expect(declared).toEqual([...COMMANDS].sort());
    for (const command of COMMANDS) expect(USAGE, command).toContain(`  ${command} `);
  });

  it.each(COMMANDS)('names in the help of %s exactly the options its parser accepts', (command) => {
    expect(namedIn(COMMAND_HELP[command]!)).toEqual(optionsOf(command).filter((option) => option !== '--help'));
  });

  it.each(COMMANDS)('completes for %s exactly the options its parser accepts, and the global ones', (command) => {
    expect(bashOptions(command)).toEqual([...new Set([...optionsOf(command), ...EVERYWHERE])].sort());
    const fish = completionScript('fish')
      .split('\n')
      .filter((line) => line.startsWith(`complete -c scope-doctor -n '__fish_seen_subcommand_from ${command}' -l `));
    expect(fish.map((line) => `--${line.split(' -l ')[1]}`).sort()).toEqual(bashOptions(command));
    const zsh =
      completionScript('zsh')
        .split('\n')
        .find((line) => line.startsWith(`    ${command}) `)) ?? '';
    expect((/options=\(([^)]*)\)/.exec(zsh)?.[1] ?? '').split(' ').filter(Boolean).sort()).toEqual(bashOptions(command));
  });
});
