import { Sightings } from '../../src/graphql/plugins/response-cache.plugin';

describe('the response cache’s admission (second sighting)', () => {
  it('admits a key from its second sighting on', () => {
    const sightings = new Sightings(10);
    expect(sightings.seenBefore('a')).toBe(false);
    expect(sightings.seenBefore('b')).toBe(false);
    expect(sightings.seenBefore('a')).toBe(true);
    expect(sightings.seenBefore('a')).toBe(true);
    expect(sightings.seenBefore('c')).toBe(false);
  });

  it('forgets the oldest key past its capacity, so memory stays bounded', () => {
    const sightings = new Sightings(3);
    for (const key of ['a', 'b', 'c', 'd']) expect(sightings.seenBefore(key)).toBe(false);
    expect(sightings.seenBefore('a')).toBe(false); // forgotten when d came
    expect(sightings.seenBefore('d')).toBe(true);
  });
});
