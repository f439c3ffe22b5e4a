/**
 * Options every command takes, because they shape the output rather than the check: colour (on a terminal
 * unless NO_COLOR is set; --color and --no-color decide outright) and --quiet (only what needs attention).
 */
export interface OutputStyle {
  color: boolean;
  quiet: boolean;
}

/** Taken by every command, before its own options are parsed. */
export const STYLE_OPTIONS: ReadonlySet<string> = new Set(['--color', '--no-color', '--quiet', '-q']);

/**
 * Takes the style options out of a command's arguments, up to a `--` (after it, `-q` may be part of a pasted
 * curl command). See https://no-color.org: a non-empty NO_COLOR turns colour off unless --color asks for it.
 */
export function takeStyleOptions(
  args: readonly string[],
  env: Record<string, string | undefined>,
  stdoutIsTerminal: boolean,
): { args: string[]; style: OutputStyle } {
  const end = args.indexOf('--');
  const head = end < 0 ? args : args.slice(0, end);
  const tail = end < 0 ? [] : args.slice(end);
  const asked = head.filter((arg) => arg === '--color' || arg === '--no-color').at(-1);
  const color = asked ? asked === '--color' : stdoutIsTerminal && !env.NO_COLOR && env.TERM !== 'dumb';
  const quiet = head.includes('--quiet') || head.includes('-q');
  return { args: [...head.filter((arg) => !STYLE_OPTIONS.has(arg)), ...tail], style: { color, quiet } };
}

const COLORS: Record<string, number> = { '✓': 32, '✗': 31, '!': 33, i: 36, '?': 35 };
const MARK = /(^| {2})([✓✗!i?])(?= )/gm;
/** A passing or information result and the detail lines indented under it. */
const QUIET_BLOCK = /^( {2,})[✓i] .*(?:\n\1 {2,}.*)*\n?/gm;

/** Applies the style to text about to be printed. JSON is for programs: it is left exactly as it is. */
export function styleText(text: string, style: OutputStyle): string {
  if (/^\s*[[{]/.test(text)) return text;
  let styled = style.quiet ? text.replace(QUIET_BLOCK, '').replace(/\n+$/, '') : text;
  if (style.color) styled = styled.replace(MARK, (_, lead: string, mark: string) => `${lead}\u001b[${COLORS[mark]}m${mark}\u001b[39m`);
  return styled;
}
