import { error, type Diagnostic } from '@gongwen/diagnostics';

/**
 * A request the service refuses, with the HTTP status to answer and a diagnostic naming the
 * request's field at fault. Thrown by the request readers, answered by the error handler.
 */
export class RequestError extends Error {
  readonly statusCode: number;
  readonly diagnostic: Diagnostic;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, ruleId: string, message: string, options: { path?: string; hint?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'RequestError';
    this.statusCode = statusCode;
    this.headers = options.headers ?? {};
    this.diagnostic = error(ruleId, message, {
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.hint !== undefined ? { hint: options.hint } : {}),
    });
  }
}
