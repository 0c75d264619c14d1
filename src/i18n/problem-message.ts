import { msg, str } from '@lit/localize';
import type { ProblemInfo } from '../backend/problem.js';

const versionConflict = () =>
  msg('Someone else changed this record meanwhile. Reload to see their changes.', {
    id: 'error.versionConflict',
  });

/**
 * The localized sentence for a failed backend call. Known codes and statuses get our own words;
 * anything else shows the server's detail (rendered as text by the caller, never as HTML).
 */
export function problemMessage(problem: ProblemInfo): string {
  switch (problem.code) {
    case 'network-error':
      return msg('The server could not be reached. Check your connection and try again.', {
        id: 'error.network',
      });
    case 'timeout':
      return msg('The server took too long to answer. Try again.', { id: 'error.timeout' });
    case 'malformed-response':
      return msg('The server sent an answer that could not be read. Try again, or ask an administrator.', {
        id: 'error.malformed',
      });
    case 'contract-violation':
      return msg('The server sent an answer in an unexpected format, so it is not shown. Ask an administrator.', {
        id: 'error.contractViolation',
      });
    case 'version-conflict':
      return versionConflict();
    case 'actor-not-found':
      return msg('This record no longer exists in the ERP. If it was connected, disconnect it and connect another one.', {
        id: 'error.actorNotFound',
      });
    case 'erp-changed':
      return msg('The ERP record was changed after you compared it. Check the values again: your choices are kept where the values still differ.', {
        id: 'error.erpChanged',
      });
    case 'connector-error':
      return problem.detail
        ? msg(str`The ERP reported an error: ${problem.detail}`, { id: 'error.connectorDetail' })
        : msg('The ERP reported an error.', { id: 'error.connector' });
  }
  if (problem.status === 429) {
    const seconds = problem.retryAfter;
    return seconds === undefined
      ? msg('The ERP service is busy right now. Try again in a moment.', { id: 'error.busy' })
      : msg(str`The ERP service is busy right now. Try again in ${seconds} seconds.`, { id: 'error.busyRetryAfter' });
  }
  switch (problem.status) {
    case 401:
      return msg('Your session has expired. Sign in again.', { id: 'error.unauthorized' });
    case 403:
      return msg('You do not have access to this. Ask an administrator.', { id: 'error.forbidden' });
    case 404:
      return msg('This record was not found. It may have been removed.', { id: 'error.notFound' });
    case 409:
      // Other 409s (duplicate names, a connector in use…) carry their own explanation.
      return problem.detail ? msg(str`The request failed: ${problem.detail}`, { id: 'error.withDetail' }) : versionConflict();
  }
  if (problem.status >= 500) {
    return msg('The ERP service is not available right now. Try again in a moment.', {
      id: 'error.unavailable',
    });
  }
  return problem.detail
    ? msg(str`The request failed: ${problem.detail}`, { id: 'error.withDetail' })
    : msg('The request failed. Try again.', { id: 'error.generic' });
}
