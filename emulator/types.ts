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

/** A raw binary answer (wx.openApi answers image bodies, e.g. wxacode; storage routes serve files). */
export interface BinaryResponse {
  binary: Buffer;
  contentType: string;
  /** Routes only: a status other than 200 (e.g. COS's XML errors) and extra headers. */
  status?: number;
  headers?: Record<string, string>;
}

/** What else of the HTTP request a handler may read: CloudBase learns the caller's SOURCE from X-TCB-Source. */
export interface AdminRequestMeta {
  headers: Record<string, string | string[] | undefined>;
}

export type AdminHandler = (req: AdminRequest, meta?: AdminRequestMeta) => Promise<AdminResponse | BinaryResponse>;

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

/** An answer with a status other than 200. */
export class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface RouteRequest {
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** For prefix routes (`/functions/*`): what followed the prefix, still percent-encoded. */
  rest: string;
}

/**
 * Extra HTTP routes a service exposes for tests and tooling (e.g. `/_emulator/wx/sent`).
 * A path ending in `/*` matches by prefix; a GET route also answers HEAD (headers only).
 * A route answers 200 with its JSON value, an `HttpAnswer` for another status, or a
 * `BinaryResponse` for raw bytes.
 */
export interface InspectRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The body arrives as the Buffer sent, unparsed, whatever its content type (uploads). */
  rawBody?: boolean;
  /** A larger body is refused with 413 before the handler runs (JSON bodies: 100 MB unless set). */
  maxBodyBytes?: number;
  /** A JSON body nesting objects and arrays deeper than this is refused with 400 (default 100). */
  maxJsonDepth?: number;
  handle(query: URLSearchParams, body: unknown, request: RouteRequest): Promise<unknown>;
}

export interface EmulatorService {
  /** Action name → handler, e.g. `'database.getDocument'`. */
  actions: Record<string, AdminHandler>;
  routes?: InspectRoute[];
  close?(): Promise<void> | void;
}
