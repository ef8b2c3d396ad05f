/** OpenAPI 3.1 description of the assessment server, served at GET /openapi.json. */
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ok = (description: string) => ({ description, ...json({ type: 'object' }) });
const err = { description: 'error: {error, message: {zh, en}}', ...json({ $ref: '#/components/schemas/Error' }) };
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const op = (summary: string, extra: object = {}) => ({
  summary,
  responses: { 200: ok('OK'), 400: err, 401: err, 403: err, 404: err, 409: err, 413: err, 429: err },
  ...extra,
});

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'xinzhi assessment server / 新质企业自评服务',
    version: '1.0.0',
    description:
      'Firm self-assessment on the paths of seeds 000 and 003: organisations, firms, invitations, autosaved answers, scores, reports and peer aggregates (≥ 5 firms). Session cookie `xinzhi_session`.',
  },
  components: {
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xinzhi_session' } },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: { type: 'string' },
          message: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
        },
      },
      Answer: {
        oneOf: [
          { type: 'object', properties: { level: { type: 'integer', minimum: 0, maximum: 5 } }, required: ['level'] },
          {
            type: 'object',
            properties: { options: { type: 'array', items: { type: 'string' } } },
            required: ['options'],
          },
          { type: 'object', properties: { value: { type: 'number' } }, required: ['value'] },
          { type: 'object', properties: { na: { const: true } }, required: ['na'] },
        ],
      },
    },
  },
  security: [{ session: [] }],
  paths: {
    '/api/signup': { post: op('Create an organisation and its admin / 创建机构与管理员', { security: [] }) },
    '/api/login': { post: op('Log in (rate limited) / 登录（限频）', { security: [] }) },
    '/api/logout': { post: op('Log out / 退出') },
    '/api/me': { get: op('The logged-in user / 当前用户') },
    '/api/users': { post: op('Add an admin or assessor (admin) / 添加管理员或评估员') },
    '/api/instrument': { get: op("The organisation's current questionnaire / 本机构当前问卷") },
    '/api/instrument/items': {
      post: op(
        "Add the organisation's own items (admin): a new instrument version for new assessments / 添加机构自有题目（管理员），形成新问卷版本",
        {
          requestBody: json({
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'object' } } },
          }),
        },
      ),
    },
    '/api/firms': { get: op('Firms of the organisation / 机构的企业'), post: op('Add a firm / 添加企业') },
    '/api/firms/{id}': { get: op('A firm and its assessments / 企业及其评估', { parameters: [id('id')] }) },
    '/api/firms/{id}/invitations': {
      post: op('One-firm invitation link for a respondent / 企业填答人邀请链接', { parameters: [id('id')] }),
    },
    '/api/invitations/{token}/accept': {
      post: op('Accept an invitation / 接受邀请', { parameters: [id('token')], security: [] }),
    },
    '/api/firms/{id}/assessments': { post: op('Start an assessment / 开始评估', { parameters: [id('id')] }) },
    '/api/assessments/{id}': {
      get: op('An assessment with its saved answers / 评估及已存答案', { parameters: [id('id')] }),
    },
    '/api/assessments/{id}/answers': {
      put: op('Save answers (acknowledged once on disk) / 保存答案', {
        parameters: [id('id')],
        requestBody: json({
          type: 'object',
          properties: { answers: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Answer' } } },
        }),
      }),
    },
    '/api/assessments/{id}/submit': { post: op('Submit a complete assessment / 提交评估', { parameters: [id('id')] }) },
    '/api/assessments/{id}/report': {
      get: op('Scores, report, peers, T0→T1 / 得分、报告、同行、变化', { parameters: [id('id')] }),
    },
    '/api/assessments/{id}/report/{format}': {
      get: {
        ...op('The report as a document: html (prints to PDF), docx or xlsx / 报告文件（HTML、Word、XLSX）', {
          parameters: [
            id('id'),
            { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['html', 'docx', 'xlsx'] } },
            {
              name: 'lang',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['zh', 'en'], default: 'zh' },
            },
          ],
        }),
        responses: {
          200: {
            description: 'the document',
            content: {
              'text/html': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                schema: { type: 'string', format: 'binary' },
              },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          400: err,
          401: err,
          404: err,
        },
      },
    },
    '/api/jobs': {
      get: op('Jobs of the organisation (admin, assessor) / 本机构的计算任务'),
      post: op(
        'Queue an index build (evaluate: data, spec, analyses?) or an estimation (estimate: data, model); 202 with the job / 提交指数测度或效应估计任务',
        {
          requestBody: json({
            type: 'object',
            required: ['kind', 'data'],
            properties: {
              kind: { type: 'string', enum: ['evaluate', 'estimate'] },
              data: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' }, text: { type: 'string' }, base64: { type: 'string' } },
              },
              spec: { type: 'object' },
              model: { type: 'object' },
              analyses: { type: 'array', items: { type: 'string' } },
            },
          }),
        },
      ),
    },
    '/api/jobs/{id}': {
      get: op('Status, then the result or the problems / 任务状态与结果', { parameters: [id('id')] }),
    },
    '/api/dashboard': { get: op('All firms, their levels and movement / 机构看板') },
    '/api/audit': { get: op('Audit log (admin) / 审计日志') },
    '/api/export': { get: op("Export the organisation's data (admin) / 导出机构数据") },
    '/api/org': { delete: op("Delete the organisation's data (admin) / 删除机构数据") },
  },
} as const;
