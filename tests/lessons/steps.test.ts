import { describe, expect, it } from 'vitest';
import { factsFromSource, parsePage } from '../../src/core/content/parse.ts';
import { extractLessonSteps, type CommandBlock } from '../../src/core/lessons/steps.ts';

const page = (body: string) => `---\ntitle: A lesson\n---\n\n${body}`;

function stepsOf(source: string) {
  const parsed = parsePage({ file: 'lesson.md', format: 'md', source });
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return extractLessonSteps(parsed.tree, parsed.lineOffset);
}

describe('extractLessonSteps', () => {
  it('reads commands, titled files and the text block after a command block, with file lines', () => {
    const source = page(
      [
        '```dockerfile title="Dockerfile"',
        'FROM alpine',
        '```',
        '',
        '```sh',
        'docker build -t hello .',
        'docker run --rm hello',
        '```',
        '',
        '```text',
        'hello',
        '```',
      ].join('\n'),
    );
    const { blocks, problems } = stepsOf(source);
    expect(problems).toEqual([]);
    expect(blocks[0]).toMatchObject({ kind: 'file', line: 5, path: 'Dockerfile', content: 'FROM alpine\n' });
    const commands = (blocks[1] as CommandBlock).commands;
    expect(commands.map((command) => command.line)).toEqual([10, 11]);
    expect(commands[0]!.expected).toBeUndefined();
    expect(commands[1]!.expected).toMatchObject({ line: 15, lines: ['hello'] });
  });

  it('reads annotations and leaves a text block marked not-output uncompared', () => {
    const source = page(
      [
        '<!-- lesson: exit=1 timeout=90 needs=cgroup-v2 -->',
        '```sh',
        'false',
        '```',
        '',
        '<!-- lesson: not-output -->',
        '```text',
        'a listing',
        '```',
      ].join('\n'),
    );
    const block = stepsOf(source).blocks[0] as CommandBlock;
    expect(block.annotation).toMatchObject({ exit: 1, timeoutSeconds: 90, needs: ['cgroup-v2'] });
    expect(block.commands[0]!.expected).toBeUndefined();
  });

  it('runs a shell block captioned like a terminal (Docusaurus, Starlight), and writes one titled like a file', () => {
    const { blocks } = stepsOf(
      page(['```bash title="Terminal"', 'npm start', '```', '', '```sh title="scripts/setup.sh"', 'echo hi', '```'].join('\n')),
    );
    expect(blocks.map((block) => block.kind)).toEqual(['commands', 'file']);
    expect(blocks[1]).toMatchObject({ path: 'scripts/setup.sh', content: 'echo hi\n' });
  });

  it('refuses an exit list that does not give one status per command of its block', () => {
    const source = page(['<!-- lesson: exit="3,0,127" -->', '```sh', 'sh -c "exit 3"', 'echo $?', '```'].join('\n'));
    expect(stepsOf(source).problems).toEqual([
      { line: 5, message: expect.stringContaining('exit lists 3 statuses, but the block below has 2 commands') },
    ]);
    expect(stepsOf(source).blocks).toEqual([]);
  });

  it('takes the block after a stdin=next block as what is typed, in any language (SQL into psql)', () => {
    const source = page(
      [
        '<!-- lesson: stdin=next -->',
        '```sh',
        'docker run -it --rm postgres:18 psql -h db',
        '```',
        '',
        'At the prompt:',
        '',
        '```sql',
        'CREATE TABLE notes (body text);',
        '',
        '\\q',
        '```',
        '',
        '```sql',
        'SELECT 1;',
        '```',
      ].join('\n'),
    );
    const { blocks, problems } = stepsOf(source);
    expect(problems).toEqual([]);
    expect(blocks).toHaveLength(1);
    expect((blocks[0] as CommandBlock).input?.commands).toEqual([
      { line: 13, text: 'CREATE TABLE notes (body text);' },
      { line: 15, text: '\\q' },
    ]);
  });

  it('ignores blocks of other languages and text blocks that follow no command', () => {
    const { blocks } = stepsOf(page(['```yaml', 'a: 1', '```', '', '```text', 'loose', '```'].join('\n')));
    expect(blocks).toEqual([]);
  });

  it('reports malformed annotations and annotations that name no step at their file line', () => {
    const source = page(
      [
        '<!-- lesson: exit=maybe -->', // 5
        '```sh',
        'false',
        '```',
        '',
        '<!-- lesson: skip="nothing below" -->', // 10
        '',
        'Text.',
        '',
        '<!-- lesson: timout=5 -->', // 14
        '```sh',
        'true',
        '```',
        '',
        '<!-- lesson: wait-for="x" -->', // 19
        '```sh',
        'true',
        '```',
        '',
        '<!-- lesson: exit=1 -->', // 24
        '```yaml',
        'a: 1',
        '```',
      ].join('\n'),
    );
    expect(stepsOf(source).problems.map((problem) => [problem.line, problem.message.slice(0, 45)])).toEqual([
      [5, 'lesson annotation: exit=maybe must be a statu'],
      [10, 'this lesson annotation names no step: it must'],
      [14, 'lesson annotation: "timout" is not a setting '],
      [19, 'lesson annotation: wait-for is only for a bac'],
      [24, 'this lesson annotation is before a `yaml` blo'],
    ]);
  });

  it('names annotations on file blocks, stray text blocks and empty blocks, and a stdin=next with nothing to type', () => {
    const source = page(
      [
        '<!-- lesson: exit=1 -->', // 5
        '```yaml title="compose.yaml"',
        'a: 1',
        '```',
        '',
        '<!-- lesson: skip=" " -->', // 10
        '```yaml title="other.yaml"',
        'b: 2',
        '```',
        '',
        'Some prose.',
        '',
        '<!-- lesson: match=contains -->', // 17
        '```text',
        'hello',
        '```',
        '',
        '<!-- lesson: timeout=5 -->', // 22
        '```sh',
        '# only a comment',
        '```',
        '',
        '```sh',
        'echo hi',
        '```',
        '',
        '<!-- lesson: vary-lines=3 -->', // 31
        '```text',
        'hi',
        '```',
        '',
        '<!-- lesson: stdin=next -->', // 36
        '```sh',
        'psql',
        '```',
      ].join('\n'),
    );
    const { blocks, problems } = stepsOf(source);
    expect(problems).toEqual([
      { line: 5, message: 'lesson annotation: a file block takes only skip="reason", not "exit".' },
      { line: 10, message: 'lesson annotation: skip needs a reason, as in skip="written by the previous step".' },
      { line: 17, message: expect.stringContaining('before a text block that does not follow a command block, so it names no step') },
      { line: 22, message: 'this lesson annotation is before a block with no command in it, so it names no step.' },
      { line: 31, message: 'lesson annotation: vary-lines names line 3, but the block has 1 line.' },
      { line: 36, message: 'lesson annotation: stdin=next needs a shell block after this one: the commands typed into it.' },
    ]);
    // A file block whose annotation is wrong is still listed: the problem is what the author is shown.
    expect(blocks.map((block) => block.kind)).toEqual(['file', 'file', 'commands', 'commands']);
  });

  it('hands annotation problems to the content check, so the build names them too', () => {
    const facts = factsFromSource({
      file: 'lesson.md',
      format: 'md',
      source: page('<!-- lesson: ctrl-c="docker logs" -->\n```sh\ndocker ps\n```\n'),
    });
    expect(facts.problems).toEqual([{ line: 5, message: expect.stringContaining('ctrl-c="docker logs" names no command') }]);
  });

  it('finds annotations inside list items, where numbered steps put their blocks', () => {
    const source = page(
      ['1. Start it:', '', '   <!-- lesson: ctrl-c wait-for="ready" -->', '   ```sh', '   docker logs -f web', '   ```'].join('\n'),
    );
    const block = stepsOf(source).blocks[0] as CommandBlock;
    expect(block.annotation.ctrlC).toEqual({ command: undefined });
    expect(block.commands[0]).toMatchObject({ line: 9, text: 'docker logs -f web' });
  });
});
