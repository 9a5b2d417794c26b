import { z } from 'zod';
import { type ErrorCode, HTTP_STATUS } from '../domain/tandem-error.ts';
import {
  CREATE_ROUTES,
  type OperationTable,
  pathParameters,
  READ_ROUTES,
  UPDATE_ROUTES,
} from './operation-table.ts';

type JsonObject = Record<string, unknown>;

/** An operation's input as JSON Schema (what a caller sends), without the $schema line. */
export function inputJsonSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonObject;
  delete json.$schema;
  return json;
}

const ERROR_CODES = Object.keys(HTTP_STATUS) as ErrorCode[];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES, 'internal'] },
        message: { type: 'string' },
        details: {},
      },
    },
  },
};

/** What each status means to a caller, beside the codes that answer with it. */
const STATUS_MEANING: Record<number, string> = {
  400: 'The input is not what the operation takes; the message names the field and what was expected',
  401: 'Not signed in: send "Authorization: Bearer <token>" or sign in',
  403: 'Not allowed: the account may not do this, or the operation reads paths on the server (local-only)',
  404: 'No such record or route',
  408: 'The request body arrived too slowly',
  409: 'The record changed or exists already',
  413: 'The request body is larger than this route accepts',
  415: 'The body is not JSON (or not the file upload the route takes)',
  429: 'Too many attempts; wait and try again',
  500: 'A bug in Tandem; the server log has the details',
  502: "An outside source (ACLED's or UCDP's API) refused or failed; the message says which and what to do",
  503: 'Something the server lacks (Chromium for the PDF brief, the master key); the message says what to do',
};

/** Every error status the API answers with, each listing its codes: derived from the codes themselves. */
const ERROR_RESPONSES: Record<string, JsonObject> = Object.fromEntries(
  [...new Set([...Object.values(HTTP_STATUS), 500])]
    .sort((a, b) => a - b)
    .map((status) => {
      const codes = status === 500 ? ['internal'] : ERROR_CODES.filter((c) => HTTP_STATUS[c] === status);
      return [
        String(status),
        {
          description: `${STATUS_MEANING[status] ?? 'Refused'} (code: ${codes.join(', ')})`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ];
    }),
);

/**
 * The OpenAPI 3.1 document of the API, generated from the operations table: every operation as
 * `POST /api/ops/{name}` with its input schema as the body, the named reads as GET with one query
 * parameter per input field, and the few fixed paths (health, upload, brief). Built from the same
 * zod schemas that validate requests, so the document cannot drift from what the server accepts.
 */
export function openApiDocument(operations: OperationTable, version = '0.1.0'): JsonObject {
  const paths: Record<string, JsonObject> = {};
  const json = { 'application/json': { schema: { type: 'object' } } };

  paths['/api/health'] = {
    get: {
      operationId: 'health',
      summary: 'Whether the server is up.',
      responses: {
        '200': {
          description: 'Up',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { ok: { const: true } }, required: ['ok'] },
            },
          },
        },
      },
    },
  };
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'openapi',
      summary: 'This document.',
      responses: { '200': { description: 'OpenAPI 3.1', content: json } },
    },
  };

  for (const [name, op] of Object.entries(operations)) {
    // Served on a route of its own (its input cannot be sent as JSON).
    if (op.servedAt) continue;
    paths[`/api/ops/${name}`] = {
      post: {
        operationId: name,
        summary: op.summary,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: inputJsonSchema(op.input) } },
        },
        responses: { '200': { description: 'The operation result', content: json }, ...ERROR_RESPONSES },
      },
    };
  }

  for (const route of READ_ROUTES) {
    const op = operations[route.operation];
    if (!op) continue;
    const inPath = pathParameters(route.path);
    paths[route.path] = {
      get: {
        operationId: `get-${route.operation}`,
        summary: `${op.summary} (query form of POST /api/ops/${route.operation})`,
        parameters: queryParameters(op, [], inPath),
        responses: { '200': { description: 'The operation result', content: json }, ...ERROR_RESPONSES },
      },
    };
  }

  for (const route of CREATE_ROUTES) {
    const op = operations[route.operation];
    if (!op) continue;
    // A path that is also read (GET /api/incidents) keeps its GET beside the POST.
    paths[route.path] = {
      ...(paths[route.path] ?? {}),
      post: {
        operationId: `create-${route.operation}`,
        summary: `${op.summary} (the record's path; same as POST /api/ops/${route.operation})`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: inputJsonSchema(op.input) } },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
              },
            },
          },
          ...ERROR_RESPONSES,
        },
      },
    };
  }

  for (const route of UPDATE_ROUTES) {
    const op = operations[route.operation];
    if (!op) continue;
    const inPath = pathParameters(route.path);
    const schema = inputJsonSchema(op.input);
    const props = (schema.properties ?? {}) as Record<string, JsonObject>;
    // The body holds the fields that change; the record's id is in the path.
    const body = {
      ...schema,
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => !inPath.includes(k))),
      required: ((schema.required as string[] | undefined) ?? []).filter((k) => !inPath.includes(k)),
    };
    paths[route.path] = {
      ...(paths[route.path] ?? {}),
      patch: {
        operationId: `update-${route.operation}`,
        summary: `${op.summary} (the record's path; same as POST /api/ops/${route.operation} with the id in the body)`,
        parameters: inPath.map((name) => ({ name, in: 'path', required: true, schema: props[name] ?? {} })),
        requestBody: { required: true, content: { 'application/json': { schema: body } } },
        responses: { '200': { description: 'Changed', content: json }, ...ERROR_RESPONSES },
      },
    };
  }

  if (operations.exportEvents) {
    paths['/api/export'] = {
      get: {
        operationId: 'exportEvents',
        summary:
          'The events that match a filter as CSV, HXL-tagged CSV or GeoJSON, streamed; records beyond your reach (above your clearance, or an incident of another office) come as counts with the place coarsened to the admin-2 area, or a point to 0.1° where none is known, and no notes, source, place name or actor names; every release is audited.',
        // Not the operation's `write`: where the route streams the file, set by the route itself.
        parameters: queryParameters(operations.exportEvents, ['write']),
        responses: {
          '200': {
            description: 'The export',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/geo+json': { schema: { type: 'object' } },
            },
          },
          ...ERROR_RESPONSES,
        },
      },
    };
  }

  if (operations.importFiles) {
    paths['/api/imports'] = {
      post: {
        operationId: 'uploadImport',
        summary:
          'Upload one ACLED, UCDP GED or HXL file as the raw request body and import it. The answer is newline-delimited JSON: progress lines, then one line with the import result or an error.',
        parameters: [
          {
            name: 'name',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'the file name, whose extension tells the format',
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          '200': {
            description: 'Progress and result',
            content: { 'application/x-ndjson': { schema: { type: 'string' } } },
          },
          ...ERROR_RESPONSES,
        },
      },
    };
  }

  paths['/api/brief.html'] = {
    get: {
      operationId: 'briefHtml',
      ...(operations.brief ? { parameters: queryParameters(operations.brief, BRIEF_ROUTE_SETS) } : {}),
      summary: 'The joint analysis brief as HTML (same query as /api/analysis).',
      responses: {
        '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } },
        ...ERROR_RESPONSES,
      },
    },
  };
  paths['/api/brief.md'] = {
    get: {
      operationId: 'briefMarkdown',
      ...(operations.brief ? { parameters: queryParameters(operations.brief, BRIEF_ROUTE_SETS) } : {}),
      summary: 'The joint analysis brief as Markdown, saved as a file (same query as /api/analysis).',
      responses: {
        '200': { description: 'Markdown', content: { 'text/markdown': { schema: { type: 'string' } } } },
        ...ERROR_RESPONSES,
      },
    },
  };
  paths['/api/brief.pdf'] = {
    get: {
      operationId: 'briefPdf',
      ...(operations.brief ? { parameters: queryParameters(operations.brief, BRIEF_ROUTE_SETS) } : {}),
      summary: 'The joint analysis brief as PDF, printed by headless Chromium.',
      responses: {
        '200': {
          description: 'PDF',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        ...ERROR_RESPONSES,
      },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version,
      description:
        'Protection of civilians and political work on one body of evidence. Every operation of the Tandem engine, as the CLI runs it. Errors answer {"error":{"code","message","details"}}.',
    },
    paths,
    components: { schemas: { Error: ERROR_SCHEMA } },
  };
}

/** What the brief routes set themselves: the format from the path, the links from the server. */
const BRIEF_ROUTE_SETS = ['format', 'workbench'];

/** An operation's input fields as query parameters (those in `inPath` as path ones), less `leftOut`. */
function queryParameters(
  op: OperationTable[string],
  leftOut: readonly string[] = [],
  inPath: readonly string[] = [],
) {
  const schema = inputJsonSchema(op.input);
  const props = (schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(props)
    .filter(([name]) => !leftOut.includes(name))
    .map(([name, pschema]) => ({
      name,
      in: inPath.includes(name) ? 'path' : 'query',
      required: required.has(name) || inPath.includes(name),
      schema: pschema,
      ...(pschema.type === 'array' ? { style: 'form', explode: true } : {}),
    }));
}
