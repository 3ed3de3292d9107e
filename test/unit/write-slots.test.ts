import { databaseFailure, WriteSlotTimeoutError } from '../../src/db/database-errors';
import { WriteSlots } from '../../src/db/write-slots';

/** A piece of work that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => opened };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteSlots', () => {
  it('runs at most perKey per key and total in all; a flooded key lets other keys pass', async () => {
    const slots = new WriteSlots({ total: 3, perKey: 2, maxWaitMs: 60_000 });
    const acme = Array.from({ length: 5 }, () => gate());
    const started: string[] = [];
    const acmeRuns = acme.map((g, index) => slots.run('acme', () => (started.push(`acme${index}`), g.work())));
    const globex = gate();
    const globexRun = slots.run('globex', () => (started.push('globex'), globex.work()));
    await settle();
    expect(started).toEqual(['acme0', 'acme1', 'globex']);
    expect(slots.waitingCount).toBe(3);

    acme[0].open();
    await settle();
    expect(started).toEqual(['acme0', 'acme1', 'globex', 'acme2']);
    globex.open();
    await globexRun;
    await settle();
    // Globex's slot freed, but Acme is at its own limit: its next write waits for one of its own.
    expect(started).toHaveLength(4);
    for (const g of acme) g.open();
    await Promise.all(acmeRuns);
    expect(started).toHaveLength(6);
    expect(slots.peak).toBe(3);
    expect(slots.runningCount).toBe(0);
  });

  it('refuses a write that found no slot in time, without running it, and keeps the queue going', async () => {
    const slots = new WriteSlots({ total: 1, perKey: 1, maxWaitMs: 10 });
    const first = gate();
    const running = slots.run('acme', first.work);
    const ran = jest.fn();
    const refused = slots.run('acme', async () => ran());
    await expect(refused).rejects.toBeInstanceOf(WriteSlotTimeoutError);
    expect(ran).not.toHaveBeenCalled();
    first.open();
    await running;
    await expect(slots.run('acme', async () => 'next')).resolves.toBe('next');
  });
});

describe('databaseFailure', () => {
  it('tells outages and busy waits from other errors, through TypeORM and cause wrappers', () => {
    expect(databaseFailure({ message: 'x', driverError: { code: 'ECONNREFUSED' } })).toBe('unavailable');
    expect(databaseFailure(new Error('wrapped', { cause: { code: 'PROTOCOL_CONNECTION_LOST' } }))).toBe('unavailable');
    expect(databaseFailure({ code: 'SQLITE_READONLY_DBMOVED' })).toBe('unavailable');
    expect(databaseFailure({ code: 'SQLITE_IOERR_WRITE' })).toBe('unavailable');
    expect(databaseFailure({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } })).toBe('busy');
    expect(databaseFailure(new WriteSlotTimeoutError('no slot'))).toBe('busy');
    expect(databaseFailure({ driverError: { code: 'ER_DUP_ENTRY' } })).toBeNull();
    expect(databaseFailure(new TypeError('bug'))).toBeNull();
  });
});
