import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi';
import { ProgressQuery } from '@/lib/validation/api';
import { ACTOR_CODE, COMMITMENT_CODE, INSTRUMENT_CODE, MONTH, THEME_CODE } from '@/lib/validation/codes';

/** The validator's pattern of each code or month a request carries, by the name of its field. */
const VALIDATOR_PATTERN: Record<string, RegExp> = {
  actor: ACTOR_CODE,
  actorCode: ACTOR_CODE,
  country: ACTOR_CODE,
  commitment: COMMITMENT_CODE,
  commitmentCode: COMMITMENT_CODE,
  theme: THEME_CODE,
  instrument: INSTRUMENT_CODE,
  from: MONTH,
  to: MONTH,
};

type Schema = { pattern?: string; properties?: Record<string, Schema>; $ref?: string };
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** Every query parameter and top-level body field of every operation: where it is, its name, its schema. */
function requestFields(): { where: string; name: string; schema: Schema }[] {
  const document = openApiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema) =>
    schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!]! : schema;
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => [
      ...(operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => ({ where: `${method} ${path} ?`, name: parameter.name, schema: parameter.schema })),
      ...Object.values(operation.requestBody?.content ?? {}).flatMap(({ schema }) =>
        Object.entries(resolve(schema).properties ?? {}).map(([name, field]) => ({
          where: `${method} ${path} body`,
          name,
          schema: field,
        })),
      ),
    ]),
  );
}

describe('the OpenAPI document publishes the validators’ code and month formats', () => {
  it('gives every code and month a request carries the pattern of lib/validation/codes.ts', () => {
    const fields = requestFields().filter((field) => field.name in VALIDATOR_PATTERN);
    expect(fields.length).toBeGreaterThan(15);
    for (const field of fields) {
      expect({ at: `${field.where} ${field.name}`, pattern: field.schema.pattern }).toEqual({
        at: `${field.where} ${field.name}`,
        pattern: VALIDATOR_PATTERN[field.name]!.source,
      });
    }
  });

  it('refuses what the published month pattern refuses', () => {
    const published = new RegExp(requestFields().find((field) => field.name === 'from')!.schema.pattern!);
    for (const value of ['1990-01', '2100-12', '1989-12', '2101-01', '2024-13', '2024-1']) {
      expect({ value, accepted: ProgressQuery.safeParse({ from: value }).success }).toEqual({
        value,
        accepted: published.test(value),
      });
    }
  });
});
