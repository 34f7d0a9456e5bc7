import { describe, expect, it } from 'vitest';
import { commandAnnotation, outputAnnotation, readAnnotation, type RawAnnotation } from '../../src/core/lessons/annotations.ts';

const raw = (html: string) => readAnnotation(html, 7) as RawAnnotation;
const command = (html: string) => commandAnnotation(raw(html));

describe('lesson annotations', () => {
  it('reads bare, quoted and escaped values, and repeated binds', () => {
    expect(
      command('<!-- lesson: ctrl-c="docker logs -f" wait-for="say \\"ready\\"" bind="USER=learner" bind=\'<your-user>=learner\' -->'),
    ).toMatchObject({
      ctrlC: { command: 'docker logs -f' },
      waitFor: 'say "ready"',
      binds: [
        { placeholder: 'USER', value: 'learner' },
        { placeholder: '<your-user>', value: 'learner' },
      ],
    });
  });

  it('names what is wrong, at the annotation line, with the fix', () => {
    expect(readAnnotation('<!-- lesson: exit=1 "oops" -->', 7)).toEqual({ line: 7, message: expect.stringContaining('cannot read "\\"oops\\""') });
    expect(readAnnotation('<!-- lesson -->', 7)).toMatchObject({ message: expect.stringContaining('<!-- lesson: key=value … -->') });
    expect(command('<!-- lesson: background -->')).toMatchObject({ message: expect.stringContaining('terminal=watch') });
    expect(command('<!-- lesson: background=yes terminal=x -->')).toMatchObject({ message: expect.stringContaining('"background" takes no value') });
    expect(command('<!-- lesson: timeout=0 -->')).toMatchObject({ message: expect.stringContaining('from 1 to 3600') });
    expect(command('<!-- lesson: skip -->')).toMatchObject({ message: expect.stringContaining('"skip" needs a value') });
    expect(command('<!-- lesson: exit=1 exit=2 -->')).toMatchObject({ message: expect.stringContaining('given twice') });
    expect(command('<!-- lesson: not-output -->')).toMatchObject({ message: expect.stringContaining('not a setting for a block of commands') });
    expect(outputAnnotation(raw('<!-- lesson: exit=1 -->'))).toMatchObject({ message: expect.stringContaining('not a setting for an output block') });
    expect(outputAnnotation(raw('<!-- lesson: vary-lines="3-1" -->'))).toMatchObject({ message: expect.stringContaining('count up') });
  });

  it("takes the requirement names the course's settings declare, and names the known ones for any other", () => {
    const declared = ['cgroup-v2', 'registry'];
    expect(commandAnnotation(raw('<!-- lesson: needs="registry, cgroup-v2" -->'), declared)).toMatchObject({ needs: ['registry', 'cgroup-v2'] });
    expect(commandAnnotation(raw('<!-- lesson: needs=cgroup-v3 -->'), declared)).toEqual({
      line: 7,
      message:
        'lesson annotation: needs=cgroup-v3 is not a requirement this course declares. Use one of: cgroup-v2, registry; or declare it in lessonRequirements in the site settings (src/site.config.ts, or the file DOCS_SITE_CONFIG names).',
    });
    // Another course declares its own: a name of the Docker course means nothing there.
    expect(commandAnnotation(raw('<!-- lesson: needs=cluster-admin -->'), ['cluster-admin'])).toMatchObject({ needs: ['cluster-admin'] });
    expect(commandAnnotation(raw('<!-- lesson: needs=registry -->'), ['cluster-admin'])).toMatchObject({
      message: expect.stringContaining('needs=registry is not a requirement this course declares. Use one of: cluster-admin;'),
    });
    expect(commandAnnotation(raw('<!-- lesson: needs=registry -->'), [])).toMatchObject({
      message: expect.stringContaining('This course declares none yet: declare it in lessonRequirements'),
    });
    expect(commandAnnotation(raw('<!-- lesson: needs=Registry -->'), declared)).toMatchObject({
      message: expect.stringContaining('needs=Registry is not a requirement name: lower-case letters'),
    });
  });

  it('reads exit as one status, or as a list with one status per command', () => {
    expect(command('<!-- lesson: exit=137 -->')).toMatchObject({ exit: 137 });
    expect(command('<!-- lesson: exit="3, 0,nonzero,any" -->')).toMatchObject({ exitEach: [3, 0, 'nonzero', 'any'] });
    expect(command('<!-- lesson: exit="3,0" -->')).not.toHaveProperty('exit');
    expect(command('<!-- lesson: exit="3,maybe" -->')).toMatchObject({
      message: expect.stringContaining('exit=maybe must be a status from 0 to 255, nonzero or any (in the list "3,maybe"'),
    });
  });

  it('refuses malformed values and settings that do not go together, naming the fix', () => {
    const cases: [string, string][] = [
      ['exit=256', 'exit=256 must be a status from 0 to 255, nonzero or any.'],
      ['terminal=Second', 'terminal=Second: a terminal name is lower-case letters'],
      ['stop="a, B"', 'stop=B: a terminal name is lower-case letters'],
      ['ctrl-c=""', 'ctrl-c="…" names the start of the command to stop'],
      ['stdin=previous', 'stdin=previous is not known; stdin=next types'],
      ['bind="=web"', 'bind="=web" must be PLACEHOLDER=value'],
      ['background terminal=w ctrl-c', 'background and ctrl-c do not go together'],
      ['after=3', 'after=SECONDS says when to press Ctrl+C'],
      ['retry=30 ctrl-c', 'retry=SECONDS repeats commands that end by themselves'],
      ['stdin=next ctrl-c', 'stdin=next runs the command with the next block as its input'],
      ['background terminal=main', 'the main terminal runs the page'],
    ];
    for (const [settings, message] of cases) {
      expect(command(`<!-- lesson: ${settings} -->`), settings).toEqual({
        line: 7,
        message: expect.stringContaining(`lesson annotation: ${message}`),
      });
    }
  });

  it('reads every command setting into its field', () => {
    expect(command('<!-- lesson: skip=" slow " timeout=90 after=2 ctrl-c wait-for=up needs="a b" terminal=two stop="x,y" -->')).toEqual({
      skip: 'slow',
      timeoutSeconds: 90,
      afterSeconds: 2,
      ctrlC: { command: undefined },
      waitFor: 'up',
      needs: ['a', 'b'],
      terminal: 'two',
      stop: ['x', 'y'],
      background: false,
      binds: [],
      stdinNext: false,
    });
    expect(command('<!-- lesson: retry=30 -->')).toMatchObject({ retrySeconds: 30 });
    expect(command('<!-- lesson: stdin=next -->')).toMatchObject({ stdinNext: true });
    expect(command('<!-- lesson: background terminal=watch wait-for=ready -->')).toMatchObject({
      background: true,
      terminal: 'watch',
      waitFor: 'ready',
    });
  });

  it('reads the output settings', () => {
    expect(outputAnnotation(raw('<!-- lesson: match=contains vary-lines="1,3-4" any="quirky_hopper 5b1e" -->'))).toEqual({
      notOutput: false,
      match: 'contains',
      varyLines: [1, 3, 4],
      anyWords: ['quirky_hopper', '5b1e'],
      of: 'last',
    });
  });
});
