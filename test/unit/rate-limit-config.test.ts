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

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, any with true, or the listed addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('refuses a value that would silently trust no one', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'loadbalancer.internal' })).toThrow(/TRUST_PROXY must be true or addresses/);
  });
});

describe('HTTP_RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to 3 000 requests a minute per address, reads the environment, and 0 turns the limit off', () => {
    expect(loadConfig({}).httpRateLimit).toEqual({ perMinute: 3000 });
    expect(loadConfig({ HTTP_RATE_LIMIT_PER_MINUTE: '120' }).httpRateLimit).toEqual({ perMinute: 120 });
    expect(loadConfig({ HTTP_RATE_LIMIT_PER_MINUTE: '0' }).httpRateLimit).toBeUndefined();
  });

  it.each(['-1', '1.5', 'lots'])('refuses HTTP_RATE_LIMIT_PER_MINUTE=%s at start', (value) => {
    expect(() => loadConfig({ HTTP_RATE_LIMIT_PER_MINUTE: value })).toThrow(/HTTP_RATE_LIMIT_PER_MINUTE must be a whole number/);
  });
});
