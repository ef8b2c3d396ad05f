/**
 * The assessment server (`xinzhi serve`): an HTTP API over the self-assessment
 * core and the store (SQLite by default, PostgreSQL with a `postgres://` URL). Accounts with argon2id password hashes, sessions
 * in HttpOnly SameSite=Strict cookies (Secure over HTTPS), roles (organisation
 * admin, assessor, firm respondent by a one-firm invitation link), login rate
 * limits, a body size limit, and tenant isolation: every handler reads and
 * writes through the caller's organisation id, and another organisation's ids
 * answer 404 exactly like ids that do not exist.
 *
 * API: docs/server.md; OpenAPI description at GET /openapi.json.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BUILTIN_INSTRUMENT, extendInstrument } from '../../core/assess/instrument.ts';
import { checkOrgItems, MAX_ORG_ITEMS } from '../../core/assess/org-items.ts';
import { peerComparison } from '../../core/assess/peers.ts';
import { assessmentReport, compareAssessments } from '../../core/assess/report.ts';
import { AGG, checkExcludedPaths, itemScore, scoreAssessment } from '../../core/assess/score.ts';
import { assessmentStructure } from '../../core/assess/structure.ts';
import type { Answers, Instrument, InstrumentItem } from '../../core/assess/types.ts';
import { XinzhiError } from '../../core/errors.ts';
import { loadFramework } from '../../core/framework/model.ts';
import { rasterizeSvg } from '../io/rasterize.ts';
import {
  type AssessmentDocumentInput,
  assessmentDocx,
  assessmentHtml,
  assessmentWorkbook,
} from '../report/assess-report.ts';
import { checkJobInput, type JobInput, type JobKind, JobRunner } from './jobs.ts';
import { OPENAPI } from './openapi.ts';
import pkg from '../../../package.json' with { type: 'json' };
import { PAGE } from './page.ts';
import { AssessmentClosed, isUniqueViolation, openStore, type Role, type Store, type User } from './store.ts';

export interface ServerOptions {
  /** SQLite database file (created when missing) or a `postgres://` URL. */
  db: string;
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number;
  /** Failed logins allowed per address and email in `loginWindowMs` (default 5 in 15 minutes). */
  loginAttempts?: number;
  loginWindowMs?: number;
  /** Request body limit in bytes (default 256 KiB). */
  bodyLimit?: number;
  /** Body limit of POST /api/jobs, which carries a data file (default 16 MiB). */
  jobBodyLimit?: number;
}

const COOKIE = 'xinzhi_session';
const structure = assessmentStructure(loadFramework());
const INSTRUMENTS = new Map<string, Instrument>([
  [`${BUILTIN_INSTRUMENT.id}@${BUILTIN_INSTRUMENT.version}`, BUILTIN_INSTRUMENT],
]);

/** An error answer: HTTP status, a code and the message in both languages. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
const notFound = () => new ApiError(404, 'not-found', '未找到', 'not found');

const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max });
const credentials = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: { email: text(3, 254), password: text(1, 256) },
};

/** Content types of the report documents by format. */
const DOCUMENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function buildServer(opts: ServerOptions): Promise<{ app: FastifyInstance; store: Store }> {
  const store = await openStore(opts.db, { poolSize: opts.poolSize });
  const app = Fastify({
    bodyLimit: opts.bodyLimit ?? 256 * 1024,
    logger: false,
    // the router's own errors (an id longer than it takes, a path it cannot decode) never reach setErrorHandler
    frameworkErrors: (err, _req, reply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return (reply as FastifyReply).code(tooLong ? 414 : 400).send({
        error: tooLong ? 'id-too-long' : 'bad-url',
        message: tooLong
          ? {
              zh: '地址中的编号过长（不是本服务给出的编号）',
              en: 'an id in the address is too long (not an id this server gave out)',
            }
          : { zh: '地址不合法：含有无法解码的字符', en: 'malformed address: characters that cannot be decoded' },
      });
    },
  });
  await app.register(cookie);
  // preHandler: the login limit is keyed on the email in the body, so it runs after parsing
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  const runner = new JobRunner(pkg.version);
  app.addHook('onClose', async () => {
    await runner.close();
    await store.close();
  });
  /** Run a stored job in turn and store its outcome (the promise never rejects). */
  const enqueue = (id: string, kind: JobKind, input: JobInput): void => {
    void runner
      .run(kind, input, () => store.startJob(id))
      .then((out) => store.finishJob(id, out))
      .catch(() => undefined);
  };
  for (const j of await store.pendingJobs()) enqueue(j.id, j.kind as JobKind, j.input as JobInput);

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; code?: string }, _req, reply) => {
    if (err instanceof ApiError)
      return reply.code(err.status).send({ error: err.code, message: { zh: err.zh, en: err.en } });
    if (err instanceof AssessmentClosed)
      return reply.code(409).send({
        error: 'submitted',
        message: { zh: '评估已提交，不能再修改', en: 'the assessment is submitted and can no longer change' },
      });
    if (err instanceof XinzhiError)
      return reply
        .code(400)
        .send({ error: 'bad-input', message: { zh: err.format('zh'), en: err.format('en') }, problems: err.problems });
    if (isUniqueViolation(err))
      return reply.code(409).send({
        error: 'conflict',
        message: {
          zh: '与已有数据冲突（例如邮箱已注册），请检查后重试',
          en: 'conflicts with stored data (for example an email already registered); check and retry',
        },
      });
    if (err.validation)
      return reply.code(400).send({
        error: 'bad-request',
        message: { zh: `请求格式不对：${err.message}`, en: `malformed request: ${err.message}` },
      });
    const status = err.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send({ error: 'too-large', message: { zh: '请求体过大', en: 'request body too large' } });
    if (status === 429)
      return reply.code(429).send({
        error: 'rate-limited',
        message: { zh: '尝试过于频繁，请稍后再试', en: 'too many attempts; try again later' },
      });
    if (status < 500)
      return reply.code(status).send({ error: 'bad-request', message: { zh: err.message, en: err.message } });
    return reply.code(500).send({ error: 'internal', message: { zh: '服务器内部错误', en: 'internal server error' } });
  });

  // an unknown route or method (or a path parameter longer than the router takes) is a bilingual 404 like every other error
  app.setNotFoundHandler((req, reply) => {
    const where = `${req.method} ${req.url.split('?')[0].slice(0, 200)}`;
    return reply.code(404).send({
      error: 'not-found',
      message: {
        zh: `没有这个接口：${where}（地址、方法或编号不对；接口列表见 /openapi.json）`,
        en: `no such endpoint: ${where} (wrong path, method or id; the endpoints are listed at /openapi.json)`,
      },
    });
  });

  const setSession = (reply: FastifyReply, req: FastifyRequest, token: string) =>
    reply.setCookie(COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.protocol === 'https',
      path: '/',
      maxAge: 12 * 3600,
    });

  const auth = async (req: FastifyRequest, roles?: Role[]): Promise<User> => {
    const token = req.cookies[COOKIE];
    const user = token ? await store.sessionUser(token) : undefined;
    if (!user) throw new ApiError(401, 'unauthenticated', '请先登录', 'log in first');
    if (roles && !roles.includes(user.role))
      throw new ApiError(403, 'forbidden', '当前角色无权执行此操作', 'your role may not do this');
    return user;
  };
  /** The firm in the caller's organisation; respondents reach only their own firm. */
  const firmOf = async (user: User, id: string) => {
    const firm = await store.firm(user.org_id, id);
    if (!firm || (user.role === 'respondent' && user.firm_id !== id)) throw notFound();
    return firm;
  };
  const assessmentOf = async (user: User, id: string) => {
    const a = await store.assessment(user.org_id, id);
    if (!a || (user.role === 'respondent' && user.firm_id !== a.firm_id)) throw notFound();
    return a;
  };
  /** An organisation's instrument at a revision of its own items (revisions never change, so they are cached). */
  const orgInstruments = new Map<string, Instrument>();
  const orgInstrument = async (org: string, revision?: number): Promise<Instrument> => {
    const key = revision === undefined ? undefined : `${org}.${revision}`;
    if (key && orgInstruments.has(key)) return orgInstruments.get(key) as Instrument;
    const stored = await store.orgItems(org, revision);
    if (!stored) {
      if (revision === undefined) return BUILTIN_INSTRUMENT;
      throw new ApiError(500, 'instrument-missing', '问卷版本缺失', 'instrument version missing');
    }
    const inst = extendInstrument(BUILTIN_INSTRUMENT, org, stored.revision, stored.items as InstrumentItem[]);
    orgInstruments.set(`${org}.${stored.revision}`, inst);
    return inst;
  };
  /** The instrument version an assessment was answered on: built-in, or `<base>+<org>.<revision>` of its own organisation. */
  const instrumentOf = async (a: { org_id: string; instrument_id: string; instrument_version: string }) => {
    const inst = INSTRUMENTS.get(`${a.instrument_id}@${a.instrument_version}`);
    if (inst) return inst;
    const m = /^(.+)\+(.+)\.(\d+)$/.exec(a.instrument_version);
    if (
      !m ||
      m[2] !== a.org_id ||
      `${a.instrument_id}@${m[1]}` !== `${BUILTIN_INSTRUMENT.id}@${BUILTIN_INSTRUMENT.version}`
    )
      throw new ApiError(500, 'instrument-missing', '问卷版本缺失', 'instrument version missing');
    return orgInstrument(a.org_id, Number(m[3]));
  };

  app.get('/openapi.json', async () => OPENAPI);
  const page = async (_req: FastifyRequest, reply: FastifyReply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
      .header('x-frame-options', 'DENY')
      .send(PAGE);
  app.get('/', page);
  app.get('/invite/:token', page);
  app.get('/api/health', async () => ({ ok: true }));
  app.get('/api/instrument', async (req) => orgInstrument((await auth(req)).org_id));

  /** An admin adds the organisation's own items: a new instrument version for the assessments created from now on. */
  app.post('/api/instrument/items', {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: { items: { type: 'array', minItems: 1, maxItems: MAX_ORG_ITEMS } },
      },
    },
    handler: async (req, reply) => {
      const u = await auth(req, ['admin']);
      const current = await orgInstrument(u.org_id);
      const added = checkOrgItems((req.body as { items: unknown }).items, structure, current, 'items');
      const own = current.items.filter((i) => i.id.startsWith('org.'));
      const revision = await store.addOrgItems(u.org_id, u.id, [...own, ...added]);
      const inst = await orgInstrument(u.org_id, revision);
      return reply
        .code(201)
        .send({ id: inst.id, version: inst.version, items: inst.items.length, added: added.length });
    },
  });

  app.post('/api/signup', {
    schema: {
      body: {
        type: 'object',
        required: ['org', 'email', 'password'],
        additionalProperties: false,
        properties: { org: text(1, 200), email: text(3, 254), password: text(10, 256) },
      },
    },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    handler: async (req, reply) => {
      const b = req.body as { org: string; email: string; password: string };
      if (await store.emailTaken(b.email))
        throw new ApiError(409, 'email-taken', '该邮箱已注册', 'this email is already registered');
      const { org, user } = await store.createOrg(b.org, b.email, await hash(b.password));
      setSession(reply, req, await store.createSession(user));
      return reply.code(201).send({ org, user, role: 'admin' });
    },
  });

  app.post('/api/login', {
    schema: { body: credentials },
    config: {
      rateLimit: {
        max: opts.loginAttempts ?? 5,
        timeWindow: opts.loginWindowMs ?? 15 * 60_000,
        keyGenerator: (req: FastifyRequest) =>
          `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
      },
    },
    handler: async (req, reply) => {
      const b = req.body as { email: string; password: string };
      const u = await store.userByEmail(b.email);
      // verify against a fixed hash when the account is unknown, so timing does not reveal accounts
      let ok = false;
      if (u) ok = await verify(u.password_hash, b.password);
      else await verify(DUMMY_HASH, b.password); // the same work, so the time does not reveal whether the account exists
      if (!u || !ok) throw new ApiError(401, 'bad-credentials', '邮箱或密码错误', 'wrong email or password');
      setSession(reply, req, await store.createSession(u.id));
      return { user: u.id, org: u.org_id, role: u.role, firm: u.firm_id };
    },
  });

  app.post('/api/logout', async (req, reply) => {
    const token = req.cookies[COOKIE];
    if (token) await store.deleteSession(token);
    reply.clearCookie(COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/me', async (req) => {
    const u = await auth(req);
    return { user: u.id, org: u.org_id, email: u.email, role: u.role, firm: u.firm_id };
  });

  app.post('/api/users', {
    schema: {
      body: {
        ...credentials,
        properties: { ...credentials.properties, password: text(10, 256), role: { enum: ['admin', 'assessor'] } },
        required: ['email', 'password', 'role'],
      },
    },
    handler: async (req, reply) => {
      const u = await auth(req, ['admin']);
      const b = req.body as { email: string; password: string; role: Role };
      if (await store.emailTaken(b.email))
        throw new ApiError(409, 'email-taken', '该邮箱已注册', 'this email is already registered');
      return reply
        .code(201)
        .send({ user: await store.createUser(u.org_id, b.email, await hash(b.password), b.role, null, u.id) });
    },
  });

  app.post('/api/firms', {
    schema: {
      body: {
        type: 'object',
        required: ['name', 'industry', 'size', 'region'],
        additionalProperties: false,
        properties: { name: text(1, 200), industry: text(1, 100), size: text(1, 50), region: text(1, 100) },
      },
    },
    handler: async (req, reply) => {
      const u = await auth(req, ['admin', 'assessor']);
      return reply
        .code(201)
        .send(
          await store.createFirm(
            u.org_id,
            u.id,
            req.body as { name: string; industry: string; size: string; region: string },
          ),
        );
    },
  });
  app.get('/api/firms', async (req) => {
    const u = await auth(req);
    return (await store.firms(u.org_id)).filter((f) => u.role !== 'respondent' || f.id === u.firm_id);
  });
  app.get('/api/firms/:id', async (req) => {
    const u = await auth(req);
    const firm = await firmOf(u, (req.params as { id: string }).id);
    return { ...firm, assessments: await store.assessmentsOfFirm(u.org_id, firm.id) };
  });

  app.post('/api/firms/:id/invitations', async (req, reply) => {
    const u = await auth(req, ['admin', 'assessor']);
    const firm = await firmOf(u, (req.params as { id: string }).id);
    const token = await store.createInvitation(u.org_id, firm.id, u.id);
    return reply.code(201).send({ token, link: `/invite/${token}` });
  });
  app.post('/api/invitations/:token/accept', {
    schema: { body: { ...credentials, properties: { ...credentials.properties, password: text(10, 256) } } },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    handler: async (req, reply) => {
      const b = req.body as { email: string; password: string };
      if (await store.emailTaken(b.email))
        throw new ApiError(409, 'email-taken', '该邮箱已注册', 'this email is already registered');
      const user = await store.acceptInvitation(
        (req.params as { token: string }).token,
        b.email,
        await hash(b.password),
      );
      if (!user)
        throw new ApiError(
          404,
          'invitation-invalid',
          '邀请链接无效、已用过或已过期',
          'the invitation is invalid, used or expired',
        );
      setSession(reply, req, await store.createSession(user.id));
      return reply.code(201).send({ user: user.id, role: user.role, firm: user.firm_id });
    },
  });

  app.post('/api/firms/:id/assessments', {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        properties: { excludedPaths: { type: 'array', maxItems: 3, items: text(1, 100) } },
      },
    },
    handler: async (req, reply) => {
      const u = await auth(req);
      const firm = await firmOf(u, (req.params as { id: string }).id);
      const excluded = (req.body as { excludedPaths?: string[] } | undefined)?.excludedPaths ?? [];
      checkExcludedPaths(excluded, structure);
      const inst = await orgInstrument(u.org_id);
      return reply.code(201).send(await store.createAssessment(u.org_id, firm.id, u.id, inst, excluded));
    },
  });

  app.get('/api/assessments/:id', async (req) => {
    const u = await auth(req);
    const a = await assessmentOf(u, (req.params as { id: string }).id);
    return { ...a, excludedPaths: JSON.parse(a.excluded_paths), answers: await store.answers(u.org_id, a.id) };
  });

  app.put('/api/assessments/:id/answers', {
    schema: {
      body: {
        type: 'object',
        required: ['answers'],
        additionalProperties: false,
        properties: { answers: { type: 'object', maxProperties: 500 } },
      },
    },
    handler: async (req) => {
      const u = await auth(req);
      const a = await assessmentOf(u, (req.params as { id: string }).id);
      if (a.status !== 'open')
        throw new ApiError(
          409,
          'submitted',
          '评估已提交，不能再修改',
          'the assessment is submitted and can no longer change',
        );
      const inst = await instrumentOf(a);
      const answers = (req.body as { answers: Answers }).answers;
      for (const [id, v] of Object.entries(answers)) {
        const item = inst.items.find((i) => i.id === id);
        if (!item) throw new ApiError(400, 'unknown-item', `问卷中没有题目 ${id}`, `the instrument has no item ${id}`);
        if (typeof v !== 'object' || v === null)
          throw new ApiError(400, 'bad-answer', `题目 ${id} 的答案格式不对`, `item ${id}: not an answer`);
        itemScore(item, v); // throws a XinzhiError naming the item and the fix
      }
      await store.saveAnswers(u.org_id, u.id, a.id, answers);
      return { saved: Object.keys(answers).length };
    },
  });

  const scoresOf = async (
    org: string,
    a: { id: string; org_id: string; excluded_paths: string; instrument_id: string; instrument_version: string },
  ) =>
    scoreAssessment(await instrumentOf(a), (await store.answers(org, a.id)) as Answers, structure, {
      excludedPaths: JSON.parse(a.excluded_paths),
    });

  app.post('/api/assessments/:id/submit', async (req) => {
    const u = await auth(req);
    const a = await assessmentOf(u, (req.params as { id: string }).id);
    if (a.status !== 'open') throw new ApiError(409, 'submitted', '评估已提交', 'already submitted');
    const s = await scoresOf(u.org_id, a);
    const overall = s.nodes[AGG.overall].score;
    if (overall === null || s.gatedLevel === null)
      throw new ApiError(
        409,
        'incomplete',
        `问卷未答完（已答 ${s.answered}/${s.total}）`,
        `the questionnaire is incomplete (${s.answered}/${s.total} answered)`,
      );
    await store.submit(u.org_id, u.id, a, await firmOf(u, a.firm_id), overall, s.gatedLevel);
    return { overall, gatedLevel: s.gatedLevel, band: s.band };
  });

  /** Scores, report, peers and T0→T1 of one assessment the caller may see. */
  async function reportOf(u: User, id: string) {
    const a = await assessmentOf(u, id);
    const firm = await firmOf(u, a.firm_id);
    const scores = await scoresOf(u.org_id, a);
    const report = assessmentReport(scores, await instrumentOf(a), structure);
    const own = scores.nodes[AGG.overall].score;
    const peers = {
      industry: peerComparison(await store.peerScores('industry', firm.industry, firm.id), own),
      size: peerComparison(await store.peerScores('size', firm.size, firm.id), own),
      region: peerComparison(await store.peerScores('region', firm.region, firm.id), own),
    };
    const earlier = (await store.assessmentsOfFirm(u.org_id, firm.id))
      .filter((x) => x.status === 'submitted' && x.id !== a.id && x.created_at <= a.created_at)
      .at(-1);
    const changes = earlier ? compareAssessments(await scoresOf(u.org_id, earlier), scores) : null;
    return { a, firm, scores, report, peers, changes, earlier };
  }

  app.get('/api/assessments/:id/report', async (req) => {
    const u = await auth(req);
    const { a, firm, scores, report, peers, changes, earlier } = await reportOf(u, (req.params as { id: string }).id);
    return { assessment: a.id, firm: firm.id, scores, report, peers, changes, previous: earlier?.id ?? null };
  });

  /** The same report as a document: HTML (prints to PDF), Word or XLSX, in ?lang=zh|en (default zh). */
  app.get('/api/assessments/:id/report/:format', async (req, reply) => {
    const u = await auth(req);
    const { id, format } = req.params as { id: string; format: string };
    const kind = DOCUMENT_TYPES[format];
    if (!kind)
      throw new ApiError(
        404,
        'not-found',
        `没有 ${format} 格式；可选 html、docx、xlsx`,
        `no format ${format}; choose html, docx or xlsx`,
      );
    const langParam = (req.query as { lang?: string }).lang ?? 'zh';
    if (langParam !== 'zh' && langParam !== 'en')
      throw new ApiError(400, 'bad-request', 'lang 只能是 zh 或 en', 'lang must be zh or en');
    const { a, firm, scores, report, peers, changes } = await reportOf(u, id);
    const doc: AssessmentDocumentInput = {
      scores,
      report,
      structure,
      instrument: await instrumentOf(a),
      lang: langParam,
      firm: { name: firm.name, industry: firm.industry, size: firm.size, region: firm.region },
      peers,
      ...(changes ? { changes } : {}),
    };
    const body =
      format === 'html'
        ? assessmentHtml(doc)
        : Buffer.from(format === 'docx' ? await assessmentDocx(doc, rasterizeSvg) : await assessmentWorkbook(doc));
    const name = `assessment-${a.id}.${format}`;
    return reply
      .header('content-type', kind)
      .header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`)
      .send(body);
  });

  app.post('/api/jobs', {
    bodyLimit: opts.jobBodyLimit ?? 16 * 1024 * 1024,
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'data'],
        properties: {
          kind: { type: 'string' },
          data: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: text(1, 200), text: { type: 'string' }, base64: { type: 'string' } },
          },
          spec: { type: 'object' },
          model: {},
          analyses: { type: 'array', maxItems: 20, items: { type: 'string' } },
        },
      },
    },
    handler: async (req, reply) => {
      const u = await auth(req, ['admin', 'assessor']);
      const { kind, ...input } = req.body as JobInput & { kind: string };
      const k = checkJobInput(kind, input);
      const job = await store.createJob(u.org_id, u.id, k, input);
      enqueue(job.id, k, input);
      return reply.code(202).send(job);
    },
  });
  app.get('/api/jobs', async (req) => store.jobs((await auth(req, ['admin', 'assessor'])).org_id));
  app.get('/api/jobs/:id', async (req, reply) => {
    const u = await auth(req, ['admin', 'assessor']);
    // the stored text as it is: a firm panel's result is never parsed and serialised again
    const job = await store.jobJson(u.org_id, (req.params as { id: string }).id);
    if (job === undefined) throw notFound();
    return reply.type('application/json; charset=utf-8').send(job);
  });

  app.get('/api/dashboard', async (req) => {
    const u = await auth(req, ['admin', 'assessor']);
    return (await store.dashboard(u.org_id)).map(({ firm: f, latest: last, previous: prev }) => ({
      firm: f.id,
      name: f.name,
      industry: f.industry,
      latest: last
        ? { assessment: last.id, overall: last.overall, gatedLevel: last.gated_level, submittedAt: last.submitted_at }
        : null,
      movement: last && prev && last.overall !== null && prev.overall !== null ? last.overall - prev.overall : null,
    }));
  });

  app.get('/api/audit', async (req) => store.auditLog((await auth(req, ['admin'])).org_id));
  app.get('/api/export', async (req) => store.exportOrg((await auth(req, ['admin'])).org_id));
  app.delete('/api/org', async (req, reply) => {
    const u = await auth(req, ['admin']);
    await store.deleteOrg(u.org_id);
    reply.clearCookie(COOKIE, { path: '/' });
    return { deleted: u.org_id };
  });

  return { app, store };
}

/** argon2id hash of a random string, verified against when an email is unknown. */
const DUMMY_HASH = await hash(randomBytes(16).toString('hex'));
