/**
 * A failure as a connector answers it (problem+json): the status, the protocol's code, the message
 * in the ERP's words that the user reads, and the field it is about (a JSON pointer), if one.
 */
export class ConnectorProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
