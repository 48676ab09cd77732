import type { Signer } from './signing';
import type { StorageStore } from './store';

/** What the storage actions and routes share. */
export interface StorageContext {
  store: StorageStore;
  signer: Signer;
  envId: string;
  /** Base URL clients reach this server at, for temp and upload URLs. */
  publicUrl: () => string;
  now: () => Date;
}

/** COS's and our cap on one file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
