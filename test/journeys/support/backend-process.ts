/**
 * The child process of ./remote-backend.ts: the whole local back end of test/backend/harness.ts
 * (function bundles, emulator, function host, seeded demo district), serving one journey suite.
 *
 * Why a child: the journeys render pages under jsdom, and the emulator cannot run there
 * (esbuild refuses jsdom's Uint8Array, mingo resolves to its browser ESM build). So the back
 * end runs in plain Node, and the suite drives the harness's own methods over the IPC channel.
 */
import '../../support/sdk-env';
import { startBackend, type Backend } from '../../backend/harness';
import type { BackendRequest, BackendResponse } from './remote-backend';

let backend: Backend | undefined;

async function answer(request: BackendRequest): Promise<unknown> {
  const b = backend!;
  switch (request.method) {
    case 'call':
      return b.callRaw(request.fn, { ...request.input, action: request.action }, request.openid);
    case 'grant':
      return b.wx.grant(request.openid, request.templateId, request.count);
    case 'sent':
      return b.wx.sent(request.query);
    case 'find': {
      const { data } = await b.db.collection(request.collection).where(request.where).get();
      return data;
    }
    case 'update': {
      const { updated } = await b.db.collection(request.collection).where(request.where).update(request.data);
      return updated;
    }
    case 'fireTimer':
      return b.fireTimer(request.fn, request.trigger);
    case 'close':
      await b.close();
      backend = undefined;
      return null;
  }
}

function reply(response: BackendResponse, then: () => void = () => undefined): void {
  process.send!(response, then);
}

process.on('message', (request: BackendRequest) => {
  answer(request).then(
    (result) => {
      reply({ id: request.id, ok: true, result });
      if (request.method === 'close') process.disconnect();
    },
    (error: Error) => reply({ id: request.id, ok: false, message: error.stack ?? String(error) }),
  );
});

// The suite died without saying goodbye (a killed jest): leave no emulator behind.
process.on('disconnect', () => {
  const closing = backend?.close() ?? Promise.resolve();
  void closing.finally(() => process.exit(0));
});

const functions = (process.env.JOURNEY_FUNCTIONS ?? '').split(',').filter(Boolean);
startBackend({ functions: functions.length ? functions : undefined }).then(
  (started) => {
    backend = started;
    reply({ id: 0, ok: true, result: { url: started.url } });
  },
  (error: Error) => {
    reply({ id: 0, ok: false, message: error.stack ?? String(error) }, () => process.exit(1));
  },
);
