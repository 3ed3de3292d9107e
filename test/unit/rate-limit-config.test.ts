import { loadConfig } from '../../src/app/config';

describe('the rate limit’s configuration', () => {
  it('defaults to 2 000 points refilled at 100 a second, and reads both from the environment', () => {
    expect(loadConfig({}).rateLimit).toEqual({ points: 2000, refillPerSecond: 100 });
    expect(loadConfig({ RATE_LIMIT_POINTS: '50', RATE_LIMIT_REFILL_PER_SECOND: '2.5' }).rateLimit).toEqual({ points: 50, refillPerSecond: 2.5 });
  });

  it.each(['0', '-1', 'lots'])('refuses RATE_LIMIT_POINTS=%s at start', (value) => {
    expect(() => loadConfig({ RATE_LIMIT_POINTS: value })).toThrow(/RATE_LIMIT_POINTS must be a positive number/);
  });
});
