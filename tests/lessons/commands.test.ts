import { describe, expect, it } from 'vitest';
import { splitConsoleBlock, splitShellCommands } from '../../src/core/lessons/commands.ts';

describe('splitShellCommands', () => {
  it('gives each command its file line, skipping comment lines and blank lines', () => {
    const block = ['# start with a clean slate', 'docker ps -a', '', 'docker logs -f web    # Ctrl+C to stop'].join('\n');
    expect(splitShellCommands(block, 20)).toEqual([
      { line: 21, text: 'docker ps -a' },
      { line: 23, text: 'docker logs -f web    # Ctrl+C to stop' },
    ]);
  });

  it('keeps a command whole across backslash continuations, open quotes, pipes and here-documents', () => {
    const block = [
      'docker run -d --name db \\',
      '  -e POSTGRES_PASSWORD=example \\',
      '  postgres:18',
      "docker exec db sh -c 'echo one",
      "echo two'",
      'cat <<EOF > notes.txt',
      'a # not a comment',
      'EOF',
      'docker ps |',
      '  grep db',
      "echo 'it''s # fine'",
    ].join('\n');
    expect(splitShellCommands(block, 1).map((command) => command.line)).toEqual([1, 4, 6, 9, 11]);
    expect(splitShellCommands(block, 1)[2]!.text).toBe('cat <<EOF > notes.txt\na # not a comment\nEOF');
  });
});

describe('splitConsoleBlock', () => {
  it('reads prompts as commands and the lines under them as their output', () => {
    const block = ['$ docker --version', 'Docker version 28.5.2, build abc', 'user@host:~$ echo hi', 'hi'].join('\n');
    expect(splitConsoleBlock(block, 5)).toEqual([
      { line: 5, text: 'docker --version', output: [{ line: 6, text: 'Docker version 28.5.2, build abc' }] },
      { line: 7, text: 'echo hi', output: [{ line: 8, text: 'hi' }] },
    ]);
  });
});
