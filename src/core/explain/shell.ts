/**
 * Splits a shell command line into words the way a POSIX shell would for the quoting people use in curl
 * commands: single quotes, double quotes with backslash escapes, `$'…'`, and backslashes outside quotes.
 * Nothing is expanded or run.
 */
export function tokenizeShell(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const end = command.indexOf("'", i + 1);
      word += command.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? command.length : end;
    } else if (char === '$' && command[i + 1] === "'") {
      // ANSI-C quoting: only the escapes a pasted header could hold matter here.
      let j = i + 2;
      for (; j < command.length && command[j] !== "'"; j++) {
        if (command[j] === '\\' && j + 1 < command.length) word += unescapeAnsi(command[++j]!);
        else word += command[j];
      }
      i = j;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        if (command[j] === '\\' && /["\\$`]/.test(command[j + 1] ?? '')) word += command[++j];
        else word += command[j];
      }
      i = j;
    } else if (char === '\\' && i + 1 < command.length) {
      word += command[++i];
    } else {
      word += char;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function unescapeAnsi(char: string): string {
  return char === 'n' ? '\n' : char === 't' ? '\t' : char;
}
