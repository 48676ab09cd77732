/**
 * The contract between the emulator's HTTP front (server.ts) and its services.
 * The SDK POSTs `{ action: 'database.getDocument', envName, ...params }` to `/admin`;
 * each service owns one action prefix (`database.`, `wx.`, `functions.`).
 */

/** A request body exactly as @cloudbase/node-sdk sends it (JSON, or multipart fields). */
export interface AdminRequest {
  action: string;
  envName?: string;
  [param: string]: unknown;
}

/**
 * What the SDK expects back. Success: `{ requestId, data: {...} }` (plus action-specific
 * top-level fields such as `total`/`limit`). Failure: `{ requestId, code, message }`,
 * which the SDK turns into a thrown error (see node-sdk `processReturn`).
 */
export type AdminResponse = Record<string, unknown> & { requestId?: string };

/** A raw binary answer (wx.openApi answers image bodies, e.g. wxacode). */
export interface BinaryResponse {
  binary: Buffer;
  contentType: string;
}

export type AdminHandler = (req: AdminRequest) => Promise<AdminResponse | BinaryResponse>;

/** Error in CloudBase's shape; thrown by handlers and serialised by the server. */
export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudBaseError';
  }
}

/** Extra HTTP routes a service exposes for tests and tooling (e.g. `/_emulator/wx/sent`). */
export interface InspectRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  handle(query: URLSearchParams, body: unknown): Promise<unknown>;
}

export interface EmulatorService {
  /** Action name → handler, e.g. `'database.getDocument'`. */
  actions: Record<string, AdminHandler>;
  routes?: InspectRoute[];
  close?(): Promise<void> | void;
}
