import { describeEachDatabase } from './support/each-database';

describeEachDatabase('health and readiness', (server) => {
  it('answers /health while the process is up', async () => {
    const response = await fetch(`${server().url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready while the database is reachable, and 503 once it is not', async () => {
    const ready = await fetch(`${server().url}/ready`);
    expect(ready.status).toBe(200);
    await server().dataSource.destroy();
    const down = await fetch(`${server().url}/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable' });
  });
});
