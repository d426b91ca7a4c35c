import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { API_ROUTES, openApiDocument } from '@/lib/api/openapi';
import type { Locale } from '@/lib/i18n/config';
import { TableScroll } from '@/components/TableScroll';

/**
 * The API reference, rendered on the server from the same OpenAPI document that /api/v1/openapi.json serves:
 * paths, methods, parameters, request and response schemas, access, the error shape and curl examples. The
 * chrome is translated; the document itself (summaries, schemas) is in English, as the API's messages are.
 */
type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'apiDocs' });
  return { title: t('title') };
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Record<string, unknown>;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

function schemaText(schema: unknown): string {
  return JSON.stringify(schema, null, 2);
}

function typeOf(schema: Record<string, unknown> | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).join(' | ');
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' | ') : String(schema.type ?? '');
  const extra = [
    schema.format ? String(schema.format) : null,
    schema.pattern ? `/${String(schema.pattern)}/` : null,
    schema.maximum !== undefined ? `≤ ${String(schema.maximum)}` : null,
    schema.default !== undefined ? `= ${JSON.stringify(schema.default)}` : null,
  ].filter(Boolean);
  return [type, ...extra].join(', ');
}

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`.toLowerCase();

export default async function ApiDocsPage({ params }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const t = await getTranslations('apiDocs');
  const document = openApiDocument();
  const paths = Object.entries(document.paths ?? {}) as [string, Record<string, Operation>][];
  const errorExample = {
    error: {
      code: 'validation_failed',
      message: 'Some fields need fixing; see the messages beside them.',
      fields: { observedOn: ['dateInFuture'], sources: ['sourceRequired'] },
      requestId: '3f0c…',
    },
  };
  return (
    <div className="api-docs">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('openapi')}</a> (<code>GET /api/v1/openapi.json</code>)
      </p>

      <h2>{t('auth')}</h2>
      <p>{t('authText')}</p>
      <pre>
        <code>curl -H &quot;Authorization: Bearer ct_…&quot; https://…/api/v1/me</code>
      </pre>

      <h2>{t('errors')}</h2>
      <p>{t('errorsText')}</p>
      <pre>
        <code>{schemaText(errorExample)}</code>
      </pre>

      <h2>{t('etag')}</h2>
      <p>{t('etagText')}</p>

      <h2>{t('paging')}</h2>
      <p>{t('pagingText')}</p>

      <h2>{t('endpoints')}</h2>
      <ul>
        {paths.flatMap(([path, item]) =>
          Object.entries(item).map(([method, operation]) => (
            <li key={`${method} ${path}`}>
              <a href={`#${anchor(method, path)}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>{' '}
              — {operation.summary}
            </li>
          )),
        )}
      </ul>

      {paths.flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => {
          const example = API_ROUTES.find((route) => route.path === path && route.method === method)?.example;
          const body = operation.requestBody?.content?.['application/json']?.schema;
          return (
            <section key={`${method} ${path}`} id={anchor(method, path)} className="api-docs__operation">
              <h3>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h3>
              <p>{operation.summary}</p>
              <p className="muted">
                {t('access')}: {operation.description}
              </p>
              {operation.parameters && operation.parameters.length > 0 && (
                <>
                  <h4>{t('parameters')}</h4>
                  <TableScroll label={`${method.toUpperCase()} ${path}: ${t('parameters')}`}>
                    <table>
                      <tbody>
                        {operation.parameters.map((parameter) => (
                          <tr key={`${parameter.in}-${parameter.name}`}>
                            <th scope="row">
                              <code>{parameter.name}</code>
                            </th>
                            <td>
                              {t('in')} {parameter.in}
                              {parameter.required ? ` · ${t('required')}` : ''}
                            </td>
                            <td>
                              <code>{typeOf(parameter.schema)}</code>
                            </td>
                            <td>{parameter.description ?? (parameter.schema?.description as string | undefined)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                </>
              )}
              {body !== undefined && (
                <>
                  <h4>{t('requestBody')}</h4>
                  <details>
                    <summary>
                      <code>application/json</code>
                    </summary>
                    <pre>
                      <code>{schemaText(body)}</code>
                    </pre>
                  </details>
                </>
              )}
              <h4>{t('responses')}</h4>
              <ul>
                {Object.entries(operation.responses ?? {}).map(([status, response]) => (
                  <li key={status}>
                    <code>{status}</code> {response.description}
                  </li>
                ))}
              </ul>
              {example && (
                <>
                  <h4>{t('example')}</h4>
                  <pre>
                    <code>{example}</code>
                  </pre>
                </>
              )}
            </section>
          );
        }),
      )}

      <h2>{t('schemas')}</h2>
      {Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => (
        <details key={name} id={`schema-${name}`}>
          <summary>
            <code>{name}</code>
          </summary>
          <pre>
            <code>{schemaText(schema)}</code>
          </pre>
        </details>
      ))}
    </div>
  );
}
