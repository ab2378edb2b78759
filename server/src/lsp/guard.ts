// Every handler goes through here: an exception in one request is logged to the client's output
// and answered with an empty result, never thrown into the connection (or the process).
import type { Connection } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guard<A extends unknown[], R>(connection: Connection, name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      connection.console.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

/** For notifications: nothing to answer, but still never throw. */
export function guardNotification<A extends unknown[]>(connection: Connection, name: string, handler: (...args: A) => void | Promise<void>): (...args: A) => void {
  const guarded = guard(connection, name, undefined, handler);
  return (...args: A) => void guarded(...args);
}
