/**
 * A gate between the cloud functions and CloudBase, to force an interleaving without sleeping:
 * the functions' SDK is pointed at it (`functionEnv` of startBackend, through the same
 * TCB_CONTEXT_CNFG channel the function host uses), it passes every request on to the emulator,
 * and it holds back the one request a test asks for until the test lets it go.
 *
 *   const gate = await startRequestGate();
 *   backend = await startBackend({ functionEnv: gate.functionEnv });
 *   gate.target(backend.serviceUrl);
 *   const held = gate.hold((body) => body.includes('modifyAndReturnDoc') && body.includes(caseId));
 *   const answer = backend.call(...);   // not awaited
 *   await held.arrived;                 // the function now waits on that request
 *   …                                   // whatever must land in between
 *   held.release();
 *   await answer;
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldRequest {
  /** Resolves when a matching request reached the gate (and is being held). */
  arrived: Promise<void>;
  /** Lets it go on to CloudBase. */
  release(): void;
}

export interface RequestGate {
  /** For startBackend's `functionEnv`: the functions' SDK talks to the gate. */
  functionEnv: Record<string, string>;
  /** Where requests go on: the emulator's serviceUrl (known once the backend started). */
  target(serviceUrl: string): void;
  /** Holds the next request whose body matches (once), until released. */
  hold(matches: (body: string) => boolean): HeldRequest;
  close(): Promise<void>;
}

export async function startRequestGate(): Promise<RequestGate> {
  let upstream: URL | undefined;
  let armed: { matches: (body: string) => boolean; arrive: () => void; released: Promise<void> } | undefined;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const gate = armed?.matches(body.toString('utf8')) ? armed : undefined;
      if (gate) {
        armed = undefined;
        gate.arrive();
        await gate.released;
      }
      const forward = http.request(
        { host: upstream!.hostname, port: upstream!.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream!.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    functionEnv: { TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }) },
    target(serviceUrl) {
      upstream = new URL(serviceUrl);
    },
    hold(matches) {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      armed = { matches, arrive, released };
      return { arrived, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
