/**
 * What an operation of `api/openapi.yaml` is to the REST client: its descriptor (generated into
 * `contract.generated.ts`) and, from the generated types, what a call sends and gets back. A call that
 * does not fit the spec (a path parameter, query parameter, header or body it does not declare, or one
 * it requires left out) does not compile.
 */
import type { operations } from '../model/api.generated.js';
import type { Schema } from './check.js';

export type OperationId = keyof operations;
type Responses<Id extends OperationId> = operations[Id]['responses'];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : void;
/** The body of the operation's success answer (each has one: 200, 201, 202 or 204; void for a 204). */
export type Success<Id extends OperationId> = Json<Responses<Id>[Extract<keyof Responses<Id>, 200 | 201 | 202 | 204>]>;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Operation<Id extends OperationId> {
  readonly id: Id;
  readonly method: Method;
  /** The path template, `{name}` for each path parameter. */
  readonly path: string;
  /** The check of the success answer's body before anything uses it. */
  readonly response: Schema<Success<Id>>;
}

export const operation = <Id extends OperationId>(id: Id, method: Method, path: string, response: Schema<Success<Id>>): Operation<Id> => ({
  id,
  method,
  path,
  response,
});

type Params<Id extends OperationId> = operations[Id]['parameters'];
type Body<Id extends OperationId> = operations[Id] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
/** Leaves out the parts an operation does not have (`never` in the generated types). */
type Present<T> = { [K in keyof T as [NonNullable<T[K]>] extends [never] ? never : K]: NonNullable<T[K]> };

/** What a call of the operation sends, as the spec declares it. */
export type Input<Id extends OperationId> = Present<{
  path: Params<Id>['path'];
  query: Params<Id>['query'];
  headers: Params<Id>['header'];
  body: Body<Id>;
}> & { signal?: AbortSignal };
