import type { FastifyInstance } from 'fastify';

/**
 * Liveness (`/health`: the process is up) and readiness (`/ready`: the database answers a real read
 * in time and accepts writes), for load balancers. `unreadiness` resolves to null when ready, else to
 * the reason `/ready` reports with its 503.
 */
export function registerHealthRoutes(app: FastifyInstance, unreadiness: () => Promise<string | null>): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (request, reply) => {
    const reason = await unreadiness();
    if (reason === null) return { status: 'ready' };
    request.log.warn({ reason }, 'not ready');
    return reply.code(503).header('retry-after', '5').send({ status: 'unavailable', reason });
  });
}
