/**
 * Splits a shell block into the commands a reader types one by one, each with its file line, so the
 * runner can check each one's exit status and name its line. A command goes on over several lines
 * when a line ends with a backslash, inside quotes, in a here-document, or after a trailing
 * `|`, `&&` or `||`, as bash reads it. Lines that are only a comment are not commands.
 */

export interface ShellCommand {
  /** File line of the command's first line. */
  line: number;
  /** The command as written, its lines joined by newlines (bash reads it unchanged). */
  text: string;
}

interface ScanState {
  quote: '' | "'" | '"';
  heredocs: { delimiter: string; stripTabs: boolean }[];
}

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/y;

/** Scans one line, updating the quote state; returns the line's code without a trailing comment. */
function scanLine(line: string, state: ScanState): string {
  let code = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (state.quote === "'") {
      if (char === "'") state.quote = '';
      code += char;
      continue;
    }
    if (char === '\\') {
      code += line.slice(index, index + 2);
      index++;
      continue;
    }
    if (state.quote === '"') {
      if (char === '"') state.quote = '';
      code += char;
      continue;
    }
    if (char === "'" || char === '"') {
      state.quote = char;
    } else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]!))) {
      break; // a comment runs to the end of the line
    } else if (char === '<' && line[index + 1] === '<' && line[index + 2] !== '<') {
      HEREDOC.lastIndex = index;
      const heredoc = HEREDOC.exec(line);
      if (heredoc) {
        state.heredocs.push({ delimiter: heredoc[3]!, stripTabs: heredoc[1] === '-' });
        code += heredoc[0];
        index += heredoc[0].length - 1;
        continue;
      }
    }
    code += char;
  }
  return code;
}

function continues(code: string): boolean {
  const trimmed = code.trimEnd();
  return /(\\|\||&&)$/.test(trimmed) && !/\\\\$/.test(trimmed);
}

export function splitShellCommands(code: string, firstLine: number): ShellCommand[] {
  const lines = code.split('\n');
  const commands: ShellCommand[] = [];
  const state: ScanState = { quote: '', heredocs: [] };
  let current: string[] = [];
  let startLine = firstLine;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (current.length === 0) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      startLine = firstLine + index;
    }
    current.push(line);
    const codePart = scanLine(line, state);
    // Here-document bodies follow the line that opened them, up to their delimiter lines.
    while (state.heredocs.length > 0 && state.quote === '' && index + 1 < lines.length) {
      const { delimiter, stripTabs } = state.heredocs[0]!;
      index++;
      const body = lines[index]!;
      current.push(body);
      if ((stripTabs ? body.replace(/^\t+/, '') : body) === delimiter) state.heredocs.shift();
    }
    if (state.quote !== '' || (continues(codePart) && index + 1 < lines.length)) continue;
    commands.push({ line: startLine, text: current.join('\n') });
    current = [];
    state.heredocs = [];
  }
  if (current.length > 0) commands.push({ line: startLine, text: current.join('\n') });
  return commands;
}

/** A command of a `console` block (`$ command` lines) with the output written under it. */
export interface ConsoleCommand extends ShellCommand {
  output: { line: number; text: string }[];
}

const PROMPT = /^(?:\S*[$#]|PS [^>]*>) /;

/**
 * A `console` block, the transcript style of GitHub's and Docusaurus's docs: lines starting with a
 * prompt (`$ `, `user@host:~$ `, `# `) are commands, `> ` lines continue them, and the other lines
 * are the output the command above them prints.
 */
export function splitConsoleBlock(code: string, firstLine: number): ConsoleCommand[] {
  const commands: ConsoleCommand[] = [];
  let current: ConsoleCommand | undefined;
  let continuing = false;
  code.split('\n').forEach((line, index) => {
    const prompt = PROMPT.exec(line);
    if (current && continuing && line.startsWith('> ')) {
      current.text += `\n${line.slice(2)}`;
      continuing = continues(line);
    } else if (prompt && line.slice(prompt[0].length).trim() !== '') {
      const text = line.slice(prompt[0].length);
      current = { line: firstLine + index, text, output: [] };
      commands.push(current);
      continuing = continues(text);
    } else if (current) {
      current.output.push({ line: firstLine + index, text: line });
      continuing = false;
    }
  });
  return commands;
}
