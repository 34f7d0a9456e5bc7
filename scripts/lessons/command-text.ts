/** What the shell is given for a page's command: its placeholders filled in, its typed input fed to it. */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes each placeholder's value into a command, as a reader would; only whole words are replaced. */
export function applyBinds(command: string, binds: { placeholder: string; value: string }[]): string {
  let result = command;
  for (const { placeholder, value } of binds) {
    const before = /^\w/.test(placeholder) ? '(?<![\\w-])' : '';
    const after = /\w$/.test(placeholder) ? '(?![\\w-])' : '';
    result = result.replace(new RegExp(`${before}${escapeRegExp(placeholder)}${after}`, 'g'), () => value);
  }
  return result;
}

export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * An interactive command (`docker run -it … bash`) fed what the reader types: `script` gives it
 * the terminal that -t asks for, and a typist types one line at a time, each once the terminal
 * has been quiet for a second, as a reader waits for the prompt. Typed all at once, the lines
 * wait in the terminal and the first program that reads it takes them: `apt-get install` hands
 * its input to dpkg, and the `exit` after it never reached the shell.
 */
export function interactive(command: string, typed: string): string {
  const lines = typed.split('\n').map(shellQuote).join(' ');
  const quiet = 'until [ "$(wc -c <"$__lesson_ts")" = "$__lesson_seen" ]; do __lesson_seen=$(wc -c <"$__lesson_ts"); sleep 1; done';
  return [
    '__lesson_ts=$(mktemp)',
    `{ for __lesson_line in ${lines}; do __lesson_seen=-1; ${quiet}; printf '%s\\n' "$__lesson_line"; done; } | script -qefc ${shellQuote(command)} "$__lesson_ts"`,
    '__lesson_typed_status=$?; rm -f "$__lesson_ts"; (exit $__lesson_typed_status)',
  ].join('\n');
}
