import { allFormats } from 'gongwen';
import { version } from './version.js';

const json = (schema: object) => ({ 'application/json': { schema } });
const diagnosticsReply = (description: string) => ({ description, content: json({ $ref: '#/components/schemas/JsonReport' }) });

const reportBody = {
  required: true,
  description:
    'The report: YAML (application/yaml), the same report as JSON, JSON `{ report, seals }` with the seal images in base64, or multipart with a `report` part and one part per seal image named by the path the report gives it.',
  content: {
    'application/yaml': { schema: { type: 'string' } },
    'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Report' }, { $ref: '#/components/schemas/ReportWithSeals' }] } },
    'multipart/form-data': {
      schema: { type: 'object', required: ['report'], properties: { report: { type: 'string', contentMediaType: 'application/yaml' } }, additionalProperties: { type: 'string', contentMediaType: 'image/png' } },
    },
  },
};

const commonParams = [
  { name: 'style', in: 'query', schema: { type: 'string', pattern: '^[\\w.-]{1,64}$' }, description: 'A style name (GET /v1/styles), instead of the one the data names.' },
  { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] }, description: 'Language of the diagnostics; Accept-Language is used when omitted.' },
  { name: 'filename', in: 'query', schema: { type: 'string' }, description: 'The report’s name, shown in diagnostics and naming the outputs.' },
  { name: 'strict', in: 'query', schema: { type: 'boolean' }, description: 'Content findings and missing glyphs are errors.' },
];
const renderParams = [
  {
    name: 'format',
    in: 'query',
    schema: { type: 'string', default: 'pdf' },
    description: `One of ${allFormats.join(', ')}, several separated by commas, or zip; several formats (or zip) answer one zip archive.`,
  },
  ...commonParams,
  { name: 'embedFonts', in: 'query', schema: { type: 'boolean' }, description: 'Embed the fonts in the DOCX.' },
];
const refusals = {
  '401': diagnosticsReply('A missing or wrong bearer token.'),
  '413': diagnosticsReply('The body is larger than the service accepts.'),
  '429': { ...diagnosticsReply('Every thread is busy and the waiting line is full; see Retry-After.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '503': diagnosticsReply('The render ran past its time limit and was stopped, or the service is shutting down.'),
};

/** The OpenAPI 3.1 description of the service; the report's schema is referenced, not copied. */
export function openApiDocument(options: { jobs: boolean }): object {
  const paths: Record<string, object> = {
    '/v1/render': {
      post: {
        operationId: 'render',
        summary: 'Render a report to PDF, DOCX, text, Markdown or a zip of several.',
        parameters: renderParams,
        requestBody: reportBody,
        responses: {
          '200': {
            description: 'The document, with Content-Disposition naming it; Gongwen-Warnings counts the warnings.',
            headers: { 'Gongwen-Warnings': { schema: { type: 'integer' } } },
            content: Object.fromEntries(
              [
                'application/pdf',
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                'text/plain',
                'text/markdown',
                'application/zip',
              ].map((t) => [t, { schema: { type: 'string', contentMediaType: t } }]),
            ),
          },
          '422': diagnosticsReply('The report has errors (YAML, schema, style, seals); nothing was rendered.'),
          ...refusals,
        },
      },
    },
    '/v1/validate': {
      post: { operationId: 'validate', summary: 'Check a report without rendering it.', parameters: commonParams, requestBody: reportBody, responses: { '200': diagnosticsReply('The diagnostics; ok is false when there are errors.'), ...refusals } },
    },
    '/v1/lint': {
      post: {
        operationId: 'lint',
        summary: 'The content rules a reviewing office applies; with fix, the YAML with what can be fixed rewritten.',
        parameters: [...commonParams, { name: 'fix', in: 'query', schema: { type: 'boolean' } }],
        requestBody: reportBody,
        responses: { '200': { description: 'The findings, and `fixed` when fix changed the text.', content: json({ allOf: [{ $ref: '#/components/schemas/JsonReport' }, { type: 'object', properties: { fixed: { type: 'string' } } }] }) }, ...refusals },
      },
    },
    '/v1/import': {
      post: {
        operationId: 'importDocument',
        summary: 'An existing report (.docx, .txt, .md, .html; .doc and .wps only where the service converts with LibreOffice) as its YAML: what `gongwen import --format json` prints, plus `yaml`.',
        parameters: [
          { name: 'filename', in: 'query', schema: { type: 'string' }, description: 'The document’s name; its extension says its kind (else the Content-Type or the part’s file name, else its first bytes).' },
          { name: 'style', in: 'query', schema: { type: 'string', pattern: '^[\\w.-]{1,64}$' }, description: 'The style to write in the data; by default from the province the report names.' },
          commonParams[1],
        ],
        requestBody: {
          required: true,
          description: 'The document as the body, or as the first file of a multipart body.',
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', contentMediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } },
            'text/plain': { schema: { type: 'string' } },
            'text/markdown': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
          },
        },
        responses: {
          '200': {
            description: 'The YAML and the findings (the import’s, then validation’s of the YAML); ok is false when the YAML still has errors to fix.',
            content: json({
              allOf: [
                { $ref: '#/components/schemas/JsonReport' },
                { type: 'object', required: ['yaml'], properties: { yaml: { type: 'string', contentMediaType: 'application/yaml' }, files: { type: 'array', items: { type: 'object', properties: { output: { type: 'string' } } } } } },
              ],
            }),
          },
          '415': diagnosticsReply('Not a kind of file this service reads: an image or other binary, a spreadsheet, or a .doc/.wps where LibreOffice is not allowed (import/binary, import/spreadsheet, import/needs-conversion).'),
          '422': diagnosticsReply('Not a readable report: a damaged .docx, an empty body, text with no part headings or no year.'),
          ...refusals,
          '413': diagnosticsReply('The body is larger than the service accepts (request/too-large), or a .docx unpacks to far more than a report (import/too-large).'),
        },
      },
    },
    '/v1/styles': {
      get: { operationId: 'listStyles', summary: 'The styles this service renders.', responses: { '200': { description: 'The styles.', content: json({ type: 'array', items: { $ref: '#/components/schemas/Style' } }) } } },
    },
    '/healthz': { get: { operationId: 'health', summary: 'The process is up.', responses: { '200': { description: 'Up.' } } } },
    '/readyz': { get: { operationId: 'ready', summary: 'Fonts and styles are loaded on every thread.', responses: { '200': { description: 'Ready.' }, '503': { description: 'Still loading, or loading failed.' } } } },
    '/metrics': { get: { operationId: 'metrics', summary: 'Prometheus metrics.', responses: { '200': { description: 'Text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
  };
  if (options.jobs) {
    paths['/v1/jobs'] = {
      post: {
        operationId: 'submitJobs',
        summary: 'Queue one report (same bodies as /v1/render) or a batch: JSON { jobs: [{ report, seals?, format?, style? }] }. The same input gives the same job id.',
        parameters: renderParams,
        requestBody: {
          required: true,
          content: { ...reportBody.content, 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Report' }, { $ref: '#/components/schemas/ReportWithSeals' }, { $ref: '#/components/schemas/JobBatch' }] } } },
        },
        responses: { '202': { description: 'Queued (or already known).', content: json({ type: 'object', properties: { jobs: { type: 'array', items: { $ref: '#/components/schemas/JobState' } } } }) }, '422': diagnosticsReply('A request field is wrong.'), ...refusals },
      },
    };
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
    paths['/v1/jobs/{id}'] = {
      get: { operationId: 'getJob', parameters: [id], responses: { '200': { description: 'The job’s state and diagnostics.', content: json({ $ref: '#/components/schemas/JobState' }) }, '404': diagnosticsReply('No such job (or its result expired).') } },
    };
    paths['/v1/jobs/{id}/result'] = {
      get: {
        operationId: 'getJobResult',
        parameters: [id, { name: 'format', in: 'query', schema: { type: 'string' }, description: 'Which output, when the job made several (else a zip of all).' }],
        responses: { '200': { description: 'The document bytes.' }, '404': diagnosticsReply('No such job, or no such output.'), '409': diagnosticsReply('The job has not completed (or it failed).') },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'gongwen', version, description: '法治政府建设年度报告 as data in, GB/T 9704-2012 documents out.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        // The report's own schema, served beside this document.
        Report: { $ref: '/report.schema.json' },
        ReportWithSeals: {
          type: 'object',
          required: ['report'],
          properties: {
            report: { oneOf: [{ $ref: '#/components/schemas/Report' }, { type: 'string', description: 'The report as YAML text.' }] },
            seals: { type: 'object', additionalProperties: { type: 'string', contentEncoding: 'base64' }, description: 'Seal images by the path the report names them with.' },
          },
        },
        JobBatch: {
          type: 'object',
          required: ['jobs'],
          properties: {
            jobs: {
              type: 'array',
              items: {
                allOf: [{ $ref: '#/components/schemas/ReportWithSeals' }, { type: 'object', properties: { format: { type: 'string' }, style: { type: 'string' }, filename: { type: 'string' } } }],
              },
            },
          },
        },
        Diagnostic: {
          type: 'object',
          required: ['severity', 'ruleId', 'message'],
          properties: {
            severity: { enum: ['error', 'warning', 'info'] },
            ruleId: { type: 'string', examples: ['yaml/syntax', 'schema/required', 'request/too-large'] },
            message: { type: 'string' },
            file: { type: 'string' },
            line: { type: 'integer' },
            column: { type: 'integer' },
            endLine: { type: 'integer' },
            endColumn: { type: 'integer' },
            path: { type: 'string', description: 'The field of the data, or of the request, at fault.' },
            hint: { type: 'string' },
          },
        },
        JsonReport: {
          type: 'object',
          required: ['ok', 'files'],
          properties: {
            ok: { type: 'boolean' },
            files: { type: 'array', items: { type: 'object', required: ['path', 'diagnostics'], properties: { path: { type: 'string' }, diagnostics: { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' } } } } },
          },
        },
        Style: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, region: { type: 'string' }, description: { type: 'string' } } },
        JobState: {
          type: 'object',
          required: ['id', 'state'],
          properties: {
            id: { type: 'string' },
            state: { enum: ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children', 'unknown'] },
            attempts: { type: 'integer' },
            outputs: { type: 'array', items: { type: 'object', properties: { format: { type: 'string' }, bytes: { type: 'integer' }, sha256: { type: 'string' } } } },
            diagnostics: { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' } },
          },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
