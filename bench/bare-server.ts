import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The limit of this runtime: a bare node:http server answering every request with the same
 * precomputed bytes (the real server's response to the scenario), with no routing, parsing or I/O.
 */
const body = readFileSync(process.env.BODY_FILE!);
const headers = { 'content-type': process.env.CONTENT_TYPE ?? 'application/json; charset=utf-8', 'content-length': String(body.length) };
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(Number(process.env.STATUS ?? 200), headers);
    response.end(body);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
