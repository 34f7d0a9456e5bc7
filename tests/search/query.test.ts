import { describe, expect, it } from 'vitest';
import { applySuggestion, checksExactMatch, correctedQuery, planQuery } from '../../src/search/browser/query.ts';
import { createWordIndex } from '../../src/search/browser/suggest.ts';

const words = createWordIndex(['containers', 'talk', 'network', 'namespace', 'docker', 'compose', 'up', 'the']);

describe('planQuery', () => {
  it('drops stop words from a question so its content words decide', () => {
    expect(planQuery('how do containers talk to each other', words)).toMatchObject({
      terms: ['containers', 'talk'],
      dropped: ['how', 'do', 'to', 'each', 'other'],
      unknown: [],
    });
  });

  it('drops "vs" from a comparison: the two things compared decide', () => {
    expect(planQuery('cmd vs entrypoint', undefined)).toMatchObject({ terms: ['cmd', 'entrypoint'], dropped: ['vs'] });
    expect(planQuery('Containers versus VMs', undefined).terms).toEqual(['Containers', 'VMs']);
  });

  it('drops the contractions and forms of "do" a question is made of, typed with either apostrophe', () => {
    expect(planQuery("why can't my app connect to localhost", undefined).terms).toEqual(['why', 'app', 'connect', 'localhost']);
    expect(planQuery('what does expose do', undefined).terms).toEqual(['expose']);
    expect(planQuery('it doesn’t start', undefined).terms).toEqual(['start']);
  });

  it('drops a contraction typed without its apostrophe, but keeps "id", which names a container ID', () => {
    expect(planQuery('why doesnt localhost work', undefined).terms).toEqual(['why', 'localhost', 'work']);
    expect(planQuery('i cant connect, dont know why', undefined).terms).toEqual(['connect', 'know', 'why']);
    expect(planQuery('container id', undefined).terms).toEqual(['container', 'id']);
  });

  it('keeps a query made only of stop words as it is', () => {
    expect(planQuery('the', words)).toMatchObject({ terms: ['the'], dropped: [] });
  });

  it('keeps commands whole: flags, port mappings and "up" are searched as typed', () => {
    expect(planQuery('docker compose up -d', words).terms).toEqual(['docker', 'compose', 'up', '-d']);
    expect(planQuery('  -p 8080:80 ', words)).toMatchObject({ typed: '-p 8080:80', terms: ['-p', '8080:80'] });
  });

  it('sets aside a word no page contains, with suggestions, and searches the rest', () => {
    expect(planQuery('docker netwrok', words)).toMatchObject({ terms: ['docker'], unknown: [{ word: 'netwrok', suggestions: ['network'] }] });
  });

  it('searches a word typed twice once, so it does not weigh double', () => {
    expect(planQuery('docker stop and Docker kill', undefined).terms).toEqual(['docker', 'stop', 'kill']);
  });

  it('leaves out the punctuation a pasted error line puts around its words', () => {
    expect(planQuery("denied: requested access, open '/app/data/log.txt'", undefined).terms).toEqual([
      'denied',
      'requested',
      'access',
      'open',
      '/app/data/log.txt',
    ]);
    expect(planQuery('listen tcp 0.0.0.0:5000: bind:', undefined).terms).toEqual(['listen', 'tcp', '0.0.0.0:5000', 'bind']);
    // What belongs to a word stays: a flag's dashes, a leading dot, a variable; a lone dot goes.
    expect(planQuery('docker build --check . .dockerignore $PWD', undefined).terms).toEqual(['docker', 'build', '--check', '.dockerignore', '$PWD']);
  });

  it('searches every word as typed when there is no vocabulary', () => {
    expect(planQuery('netwrok', undefined)).toMatchObject({ terms: ['netwrok'], unknown: [] });
  });
});

it('checksExactMatch picks the words whose prefix matches are other words: flags and short words', () => {
  expect(['--pid', '-p', 'top', 'app', '1'].map(checksExactMatch)).toEqual([true, true, true, true, true]);
  expect(['network', 'volumes', 'dockerfile'].map(checksExactMatch)).toEqual([false, false, false]);
  // A quote would end Pagefind's exact search early.
  expect(checksExactMatch('a"b')).toBe(false);
});

it('applySuggestion replaces the mistyped word and keeps the others', () => {
  expect(applySuggestion(' docker  netwrok ', 'netwrok', 'network')).toBe('docker network');
  expect(applySuggestion('docker', 'netwrok', 'network')).toBe('docker');
  // The plan's word lost its punctuation; the typed word keeps it.
  expect(applySuggestion('hypervisr, namespace', 'hypervisr', 'hypervisor')).toBe('hypervisor, namespace');
});

describe('correctedQuery', () => {
  const index = createWordIndex(['hypervisor', 'namespace', 'cgroups', 'kernel', 'kennel']);

  it('corrects the words no page has, keeping the others as typed', () => {
    expect(correctedQuery(planQuery('namspace cgroups', index), index)).toBe('namespace cgroups');
    expect(correctedQuery(planQuery('hypervisr', index), index)).toBe('hypervisor');
  });

  it('never corrects a query whose words are all on some page, nor guesses when unsure', () => {
    expect(correctedQuery(planQuery('namespace cgroups', index), index)).toBeUndefined();
    expect(correctedQuery(planQuery('kenel cgroups', index), index)).toBeUndefined();
  });
});
