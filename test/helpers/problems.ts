import { expect } from '@open-wc/testing';
import { ErpProblem } from '../../src/backend/problem.js';

/** The ErpProblem a call rejects with; fails the test when it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ErpProblem> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ErpProblem);
    return error as ErpProblem;
  }
  throw new Error('expected the call to fail with an ErpProblem');
}
