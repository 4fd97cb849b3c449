/**
 * Response serialization. By default every answer is re-validated by its zod schema object by object and
 * then `JSON.stringify`ed (@fastify/type-provider-zod's serializerCompiler): right for most routes, but on
 * the large, frequent answers (lists, the public body page) that costs more than the query. Their schemas
 * are marked with `compiledResponse()`: fast-json-stringify compiles a serializer from the schema's JSON
 * Schema once, at start-up, and writes only the declared fields (as zod's output would).
 *
 * The mark is a registry of schema objects, not a wrapper: the route keeps the very same zod schema, so
 * the OpenAPI document generated from it does not change.
 */
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from '@fastify/type-provider-zod';
import { z, type ZodType } from 'zod';

const compiled = new WeakSet<ZodType>();

/** Marks a response schema for the compiled serializer; returns it unchanged. */
export function compiledResponse<T extends ZodType>(schema: T): T {
  compiled.add(schema);
  return schema;
}

type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];

export function responseSerializerCompiler(input: CompilerInput): (data: unknown) => string {
  const schema = input.schema as ZodType;
  if (!compiled.has(schema)) return zodSerializerCompiler(input);
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
}
