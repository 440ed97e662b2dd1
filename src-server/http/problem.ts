import type { ErrorCode } from '../../src-shared/contract/errors';
import { errorCodes } from '../../src-shared/contract/errors';

/** An error that answers with the contract's error shape and status. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

export const notFound = (what = 'This resource') => new ApiProblem('not_found', `${what} does not exist.`);
