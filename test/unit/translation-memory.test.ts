import fc from 'fast-check';
import { keepKeys, type MemorySubject, pruneKeys, recordKeys, recordNewKeys } from '../../src/modules/localization/memory-edits';
import { contentHash } from '../../src/core/content-hash';
import { freshnessFindings, type TranslationMemory } from '../../src/modules/localization/translation-memory';

const KEYS = ['ui:a', 'ui:b', 'ui:c', 'errors:x.Y', 'help:topic'];
const hashArb = fc.constantFrom('aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc');
const entryArb = fc.record(
  {
    source: hashArb,
    decision: fc.record({ note: fc.constant('keep: still right'), by: fc.constant('Anna'), at: fc.constant('2026-11-27'), reviewed: hashArb }),
  },
  { requiredKeys: ['source'] },
);
const stateArb = fc.record({
  hashes: fc.dictionary(fc.constantFrom(...KEYS), hashArb),
  translated: fc.subarray(KEYS),
  memory: fc.dictionary(fc.constantFrom(...KEYS, 'ui:gone'), entryArb),
});

describe('translation memory: freshness', () => {
  it('hashes the NFC text: a composed and a decomposed "é" are the same source, another text is not', () => {
    expect(contentHash('Accès d’équipe')).toBe(contentHash('Acce\u0300s d’e\u0301quipe'));
    expect(contentHash('Accès d’équipe')).not.toBe(contentHash("Accès d'équipe"));
    expect(contentHash('Connect')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('finds a translated key stale exactly when its recorded hash is not English’s today: a warning only when a decision reviewed today’s English', () => {
    fc.assert(
      fc.property(stateArb, ({ hashes, translated, memory }) => {
        const today = new Map(Object.entries(hashes));
        const findings = freshnessFindings('sv', today, new Set(translated), memory as TranslationMemory);
        for (const key of translated) {
          const found = findings.filter((finding) => finding.key === key && finding.kind !== 'orphan');
          const entry = memory[key];
          if (!today.has(key)) expect(found).toEqual([]);
          else if (!entry) expect(found.map((f) => [f.kind, f.severity])).toEqual([['untracked', 'failure']]);
          else if (entry.source === today.get(key)) expect(found).toEqual([]);
          else expect(found.map((f) => [f.kind, f.severity])).toEqual([['stale', entry.decision?.reviewed === today.get(key) ? 'warning' : 'failure']]);
        }
        const orphans = findings.filter((finding) => finding.kind === 'orphan').map((finding) => finding.key);
        expect(orphans.sort()).toEqual(
          Object.keys(memory)
            .filter((key) => !today.has(key))
            .sort(),
        );
      }),
    );
  });
});

describe('translation memory: what a translator records', () => {
  const subject: MemorySubject = {
    hashes: new Map([
      ['ui:a', 'a-today'],
      ['ui:b', 'b-today'],
      ['ui:new', 'new-today'],
      ['help:topic', 'article-today'],
    ]),
    translated: new Set(['ui:a', 'ui:b', 'ui:new', 'help:topic']),
    variants: new Set(['help:topic']),
  };
  const memory: TranslationMemory = { 'ui:a': { source: 'a-today' }, 'ui:b': { source: 'b-before' }, 'ui:gone': { source: 'x' } };

  it('records new keys only, never a stale one, and an article with its own exl-id as a variant', () => {
    const { memory: next, added } = recordNewKeys(memory, subject);
    expect(added).toEqual(['help:topic', 'ui:new']);
    expect(next['ui:b']).toEqual({ source: 'b-before' });
    expect(next['ui:new']).toEqual({ source: 'new-today' });
    expect(next['help:topic']).toEqual({ source: 'article-today', variant: true });
  });

  it('turns a stale failure into a warning with a decision, and back into a failure when English changes again', () => {
    const kept = keepKeys(memory, subject, ['ui:b'], { note: 'keep: wording still correct', by: 'Anna', at: '2026-11-27' });
    expect(kept['ui:b']).toEqual({ source: 'b-before', decision: { note: 'keep: wording still correct', by: 'Anna', at: '2026-11-27', reviewed: 'b-today' } });
    const now = freshnessFindings('sv', subject.hashes, new Set(['ui:b']), kept);
    expect(now).toEqual([
      expect.objectContaining({
        severity: 'warning',
        kind: 'stale',
        message: expect.stringContaining('kept by Anna on 2026-11-27: keep: wording still correct'),
      }),
      expect.objectContaining({ kind: 'orphan', key: 'ui:gone' }),
    ]);
    const later = new Map([...subject.hashes, ['ui:b', 'b-tomorrow']]);
    expect(freshnessFindings('sv', later, new Set(['ui:b']), kept)[0]).toMatchObject({ severity: 'failure', kind: 'stale' });
  });

  it("records a key's hash and drops its decision; refuses keys English or the language does not have; prunes gone keys", () => {
    const kept = keepKeys(memory, subject, ['ui:b'], { note: 'n', by: 'b', at: 'd' });
    expect(recordKeys(kept, subject, ['ui:b'])['ui:b']).toEqual({ source: 'b-today' });
    expect(() => recordKeys(memory, subject, ['ui:nope'])).toThrow('English has no "ui:nope"');
    expect(() => recordKeys(memory, { ...subject, translated: new Set() }, ['ui:a'])).toThrow('"ui:a" has no translation in this language yet');
    expect(pruneKeys(memory, subject)).toEqual({ memory: { 'ui:a': { source: 'a-today' }, 'ui:b': { source: 'b-before' } }, removed: ['ui:gone'] });
  });

  it("keeps an article's olderRevisionOf and note through --record and --keep; --record still drops the decision", () => {
    const notes = { olderRevisionOf: 'exl-of-the-english-article', note: 'three steps where English has five' };
    const withNotes: TranslationMemory = { 'help:topic': { source: 'article-before', variant: true, ...notes } };
    const decision = { note: 'keep: still the older article', by: 'Anna', at: '2026-11-27' };
    const kept = keepKeys(withNotes, subject, ['help:topic'], decision);
    expect(kept['help:topic']).toEqual({ source: 'article-before', variant: true, ...notes, decision: { ...decision, reviewed: 'article-today' } });
    expect(recordKeys(kept, subject, ['help:topic'])['help:topic']).toEqual({ source: 'article-today', variant: true, ...notes });
    expect(recordKeys(withNotes, { ...subject, variants: new Set() }, ['help:topic'])['help:topic']).toEqual({ source: 'article-today', ...notes });
  });
});
