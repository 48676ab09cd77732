import type { EmulatorService } from '../types';
import { storageActions } from './actions';
import type { StorageContext } from './context';
import { storageRoutes } from './routes';
import { createSigner } from './signing';
import { openStorageStore } from './store';

export { MAX_FILE_BYTES } from './context';
export { bucketOf, fileIdOf } from './paths';
export type { StoredFile } from './store';

/**
 * The local stand-in for CloudBase cloud storage (COS behind it): the SDK's
 * `storage.getUploadMetadata`, `storage.batchGetDownloadUrl` and `storage.batchDeleteFile`,
 * the COS upload and temp-URL routes they point at, and the mini-program's upload route.
 * Other storage actions (copyFile, getFileAuthority) answer OPERATION_NOT_SUPPORTED.
 */
export interface StorageServiceOptions {
  /** Files and their metadata live in `<dataDir>/storage/`. */
  dataDir: string;
  /** Base URL clients reach the server at (known once it listens); temp URLs start with it. */
  publicUrl: () => string;
  /** The environment file ids name; default 'local-dev'. */
  envId?: string;
  now?: () => Date;
}

export function createStorageService(options: StorageServiceOptions): EmulatorService {
  const store = openStorageStore(options.dataDir);
  const ctx: StorageContext = {
    store,
    signer: createSigner(store.signingKey),
    envId: options.envId ?? 'local-dev',
    publicUrl: options.publicUrl,
    now: options.now ?? (() => new Date()),
  };
  return {
    actions: storageActions(ctx),
    routes: storageRoutes(ctx),
    close: () => store.close(),
  };
}
