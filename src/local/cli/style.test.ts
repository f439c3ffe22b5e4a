import { describe, expect, it } from 'vitest';
import { styleText, takeStyleOptions } from './style';

const TEXT = [
  'Heading',
  '  ✓ Fine',
  '    - hidden detail',
  '  ✗ Broken',
  '    - why',
  '    - Fix: do it',
  '  i Fact',
  '    - said',
  '  ! Careful',
  'Scopes: a b',
].join('\n');

describe('takeStyleOptions', () => {
  it('colours a terminal unless NO_COLOR or TERM=dumb; --color and --no-color decide outright', () => {
    expect(takeStyleOptions([], {}, true).style.color).toBe(true);
    expect(takeStyleOptions([], {}, false).style.color).toBe(false);
    expect(takeStyleOptions([], { NO_COLOR: '1' }, true).style.color).toBe(false);
    expect(takeStyleOptions([], { NO_COLOR: '' }, true).style.color).toBe(true);
    expect(takeStyleOptions([], { TERM: 'dumb' }, true).style.color).toBe(false);
    expect(takeStyleOptions(['--color'], { NO_COLOR: '1' }, false).style.color).toBe(true);
    expect(takeStyleOptions(['--color', '--no-color'], {}, true).style.color).toBe(false);
  });

  it('takes the options out anywhere before --, and leaves everything after it', () => {
    expect(takeStyleOptions(['explain', '-q', '--color', 'x', '--', 'curl', '-q', 'https://a'], {}, false)).toEqual({
      args: ['explain', 'x', '--', 'curl', '-q', 'https://a'],
      style: { color: true, quiet: true },
    });
  });
});

describe('styleText', () => {
  it('paints each mark, and nothing else', () => {
    const painted = styleText(TEXT, { color: true, quiet: false });
    expect(painted).toContain('  \u001b[32m✓\u001b[39m Fine');
    expect(painted).toContain('  \u001b[31m✗\u001b[39m Broken');
    expect(painted).toContain('  \u001b[33m!\u001b[39m Careful');
    expect(painted).toContain('  \u001b[36mi\u001b[39m Fact');
    expect(painted.replace(/\u001b\[\d+m/g, '')).toBe(TEXT);
  });

  it('quiet drops passing and information results with their details, keeps the rest', () => {
    expect(styleText(TEXT, { color: false, quiet: true })).toBe(
      ['Heading', '  ✗ Broken', '    - why', '    - Fix: do it', '  ! Careful', 'Scopes: a b'].join('\n'),
    );
  });

  it('leaves JSON alone', () => {
    const json = JSON.stringify({ results: [{ title: '  ✓ x' }] }, null, 2);
    expect(styleText(json, { color: true, quiet: true })).toBe(json);
  });
});
