import { connect, type Socket } from 'node:net';

/**
 * The hostile side of `bench/hostile.ts`, in its own process so its work does not slow the caller being
 * measured. ATTACK=amplification or validation, TARGET=the server's URL; on SIGTERM it prints what it sent
 * and what came back (one JSON line) and exits. Each simulated client has its own address (X-Forwarded-For,
 * the server trusting the loopback proxy): a spread-out attack, which a per-address rate limit alone cannot stop.
 */
const target = new URL(process.env.TARGET!);
const statuses: Record<string, number> = {};
let sent = 0;

const count = (status: string | number) => (statuses[status] = (statuses[status] ?? 0) + 1);
const address = (client: number) => `198.51.100.${client}`;

/**
 * (a) Catalog amplification: 150 sockets, each sending pipelined /locales/resources.json requests and never
 * reading an answer. Odd sockets ask for 1 500 region variants (refused now), even ones the most still
 * allowed (10 languages × both namespaces). A socket the server closes (its idle timeout) is opened again.
 */
function amplification(): void {
  const many = Array.from({ length: 1500 }, (_, i) => `sv-${i}`).join(',');
  const allowed = Array.from({ length: 10 }, (_, i) => `sv-${i}`).join(',');
  const open = (client: number) => {
    const socket: Socket = connect(Number(target.port), target.hostname, () => {
      const query = client % 2 === 1 ? many : allowed;
      const request = `GET /locales/resources.json?lng=${query}&ns=ui,errors HTTP/1.1\r\nHost: ${target.host}\r\nX-Forwarded-For: ${address(client)}\r\n\r\n`;
      socket.write(request.repeat(20));
      sent += 20;
      socket.pause(); // never read
    });
    socket.on('error', () => count('socket error'));
    socket.on('close', () => {
      count('socket closed by server');
      if (!stopping) setTimeout(() => open(client), 100);
    });
  };
  for (let client = 1; client <= 150; client += 1) open(client);
  // Paused sockets do not keep Node's event loop alive; this does, until SIGTERM.
  setInterval(() => undefined, 1000);
}

/**
 * (b) Validation CPU: `{ locales { code } … }` 4 000 times (66 KB), anonymous, 6 clients at 5 requests a second
 * each, whatever the answers take; a different comment each time, so no document cache can help.
 */
function validation(): void {
  const selections = Array.from({ length: 4000 }, () => 'locales { code }').join(' ');
  for (let client = 1; client <= 6; client += 1) {
    setInterval(() => {
      sent += 1;
      fetch(`${target.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address(200 + client) },
        body: JSON.stringify({ query: `# ${client}-${sent}\n{ ${selections} }` }),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          count(response.status);
        })
        .catch(() => count('fetch error'));
    }, 200);
  }
}

let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
  console.log(JSON.stringify({ attack: process.env.ATTACK, sent, statuses }));
  process.exit(0);
});

if (process.env.ATTACK === 'amplification') amplification();
else validation();
