/**
 * Storage of the assessment server on SQLite (better-sqlite3): organisations,
 * users, sessions, firms, invitations, assessments, answers and the audit log.
 *
 * Durability: WAL journal with `synchronous = FULL`, so a write is on disk when
 * the statement returns — the server acknowledges a saved answer only after
 * that. Isolation: every read and write of tenant data takes the caller's
 * organisation id and filters on it; ids are random UUIDs.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  `CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE users (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
     email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('admin','assessor','respondent')),
     firm_id TEXT, created_at TEXT NOT NULL);
   CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     expires_at TEXT NOT NULL);
   CREATE TABLE firms (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE, name TEXT NOT NULL,
     industry TEXT NOT NULL, size TEXT NOT NULL, region TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE INDEX firms_org ON firms(org_id);
   CREATE TABLE invitations (token_hash TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
     firm_id TEXT NOT NULL REFERENCES firms(id) ON DELETE CASCADE, expires_at TEXT NOT NULL, used_by TEXT);
   CREATE TABLE assessments (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
     firm_id TEXT NOT NULL REFERENCES firms(id) ON DELETE CASCADE, instrument_id TEXT NOT NULL, instrument_version TEXT NOT NULL,
     excluded_paths TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('open','submitted')), created_at TEXT NOT NULL,
     submitted_at TEXT, overall REAL, gated_level INTEGER, is_latest INTEGER NOT NULL DEFAULT 0,
     industry TEXT, size TEXT, region TEXT);
   CREATE INDEX assessments_org ON assessments(org_id, firm_id);
   CREATE INDEX assessments_peer_industry ON assessments(is_latest, industry);
   CREATE TABLE answers (assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE, item_id TEXT NOT NULL,
     value TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (assessment_id, item_id));
   CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, user_id TEXT, action TEXT NOT NULL,
     target TEXT, detail TEXT, at TEXT NOT NULL);
   CREATE INDEX audit_org ON audit(org_id, seq);`,
];

export type Role = 'admin' | 'assessor' | 'respondent';
export interface User {
  id: string;
  org_id: string;
  email: string;
  role: Role;
  firm_id: string | null;
}
export interface Firm {
  id: string;
  org_id: string;
  name: string;
  industry: string;
  size: string;
  region: string;
  created_at: string;
}
export interface AssessmentRow {
  id: string;
  org_id: string;
  firm_id: string;
  instrument_id: string;
  instrument_version: string;
  excluded_paths: string;
  status: 'open' | 'submitted';
  created_at: string;
  submitted_at: string | null;
  overall: number | null;
  gated_level: number | null;
}

const now = () => new Date().toISOString();
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export class Store {
  readonly db: Database.Database;
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    const done = row.v ?? 0;
    for (let i = done; i < MIGRATIONS.length; i++)
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[i]);
        this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(i + 1);
      })();
  }

  close(): void {
    this.db.close();
  }

  audit(org: string, user: string | null, action: string, target: string | null, detail?: unknown): void {
    this.db
      .prepare('INSERT INTO audit (org_id, user_id, action, target, detail, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(org, user, action, target, detail === undefined ? null : JSON.stringify(detail), now());
  }

  createOrg(name: string, email: string, passwordHash: string): { org: string; user: string } {
    const org = randomUUID();
    const user = randomUUID();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)').run(org, name, now());
      this.db
        .prepare(
          'INSERT INTO users (id, org_id, email, password_hash, role, firm_id, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
        )
        .run(user, org, email, passwordHash, 'admin', now());
      this.audit(org, user, 'org.create', org);
    })();
    return { org, user };
  }

  createUser(
    org: string,
    email: string,
    passwordHash: string,
    role: Role,
    firm: string | null,
    by: string | null,
  ): string {
    const id = randomUUID();
    this.db
      .prepare(
        'INSERT INTO users (id, org_id, email, password_hash, role, firm_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, org, email, passwordHash, role, firm, now());
    this.audit(org, by, 'user.create', id, { email, role, firm });
    return id;
  }

  emailTaken(email: string): boolean {
    return this.db.prepare('SELECT 1 FROM users WHERE email = ?').get(email) !== undefined;
  }

  userByEmail(email: string): (User & { password_hash: string }) | undefined {
    return this.db
      .prepare('SELECT id, org_id, email, role, firm_id, password_hash FROM users WHERE email = ?')
      .get(email) as (User & { password_hash: string }) | undefined;
  }

  createSession(user: string, hours = 12): string {
    const token = newToken();
    const expires = new Date(Date.now() + hours * 3600_000).toISOString();
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)')
      .run(hashToken(token), user, expires);
    return token;
  }

  sessionUser(token: string): User | undefined {
    return this.db
      .prepare(
        `SELECT u.id, u.org_id, u.email, u.role, u.firm_id FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(hashToken(token), now()) as User | undefined;
  }

  deleteSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  createFirm(org: string, by: string, f: { name: string; industry: string; size: string; region: string }): Firm {
    const firm: Firm = { id: randomUUID(), org_id: org, ...f, created_at: now() };
    this.db
      .prepare('INSERT INTO firms (id, org_id, name, industry, size, region, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(firm.id, org, f.name, f.industry, f.size, f.region, firm.created_at);
    this.audit(org, by, 'firm.create', firm.id, f);
    return firm;
  }

  firms(org: string): Firm[] {
    return this.db.prepare('SELECT * FROM firms WHERE org_id = ? ORDER BY created_at, id').all(org) as Firm[];
  }

  firm(org: string, id: string): Firm | undefined {
    return this.db.prepare('SELECT * FROM firms WHERE org_id = ? AND id = ?').get(org, id) as Firm | undefined;
  }

  createInvitation(org: string, firm: string, by: string, days = 14): string {
    const token = newToken();
    const expires = new Date(Date.now() + days * 86400_000).toISOString();
    this.db
      .prepare('INSERT INTO invitations (token_hash, org_id, firm_id, expires_at, used_by) VALUES (?, ?, ?, ?, NULL)')
      .run(hashToken(token), org, firm, expires);
    this.audit(org, by, 'invitation.create', firm);
    return token;
  }

  /** Use an invitation once: creates the respondent of its firm. */
  acceptInvitation(token: string, email: string, passwordHash: string): User | undefined {
    return this.db.transaction(() => {
      const inv = this.db
        .prepare('SELECT org_id, firm_id FROM invitations WHERE token_hash = ? AND used_by IS NULL AND expires_at > ?')
        .get(hashToken(token), now()) as { org_id: string; firm_id: string } | undefined;
      if (!inv) return undefined;
      const id = this.createUser(inv.org_id, email, passwordHash, 'respondent', inv.firm_id, null);
      this.db.prepare('UPDATE invitations SET used_by = ? WHERE token_hash = ?').run(id, hashToken(token));
      return { id, org_id: inv.org_id, email, role: 'respondent' as const, firm_id: inv.firm_id };
    })();
  }

  createAssessment(
    org: string,
    firm: string,
    by: string,
    instrument: { id: string; version: string },
    excluded: string[],
  ): AssessmentRow {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO assessments (id, org_id, firm_id, instrument_id, instrument_version, excluded_paths, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
      )
      .run(id, org, firm, instrument.id, instrument.version, JSON.stringify(excluded), now());
    this.audit(org, by, 'assessment.create', id, { firm });
    return this.assessment(org, id) as AssessmentRow;
  }

  assessment(org: string, id: string): AssessmentRow | undefined {
    return this.db
      .prepare(
        `SELECT id, org_id, firm_id, instrument_id, instrument_version, excluded_paths, status, created_at, submitted_at,
         overall, gated_level FROM assessments WHERE org_id = ? AND id = ?`,
      )
      .get(org, id) as AssessmentRow | undefined;
  }

  assessmentsOfFirm(org: string, firm: string): AssessmentRow[] {
    return this.db
      .prepare(
        `SELECT id, org_id, firm_id, instrument_id, instrument_version, excluded_paths, status, created_at, submitted_at,
         overall, gated_level FROM assessments WHERE org_id = ? AND firm_id = ? ORDER BY created_at, id`,
      )
      .all(org, firm) as AssessmentRow[];
  }

  answers(assessment: string): Record<string, unknown> {
    const rows = this.db
      .prepare('SELECT item_id, value FROM answers WHERE assessment_id = ?')
      .all(assessment) as Array<{
      item_id: string;
      value: string;
    }>;
    return Object.fromEntries(rows.map((r) => [r.item_id, JSON.parse(r.value)]));
  }

  /** Save answers in one transaction (each an upsert); returns when they are on disk. */
  saveAnswers(org: string, user: string, assessment: string, answers: Record<string, unknown>): void {
    const up = this.db.prepare(
      `INSERT INTO answers (assessment_id, item_id, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (assessment_id, item_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      const t = now();
      for (const [item, v] of Object.entries(answers)) up.run(assessment, item, JSON.stringify(v), t);
      this.audit(org, user, 'answers.save', assessment, { items: Object.keys(answers) });
    })();
  }

  submit(org: string, user: string, a: AssessmentRow, firm: Firm, overall: number, gatedLevel: number): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE assessments SET is_latest = 0 WHERE org_id = ? AND firm_id = ?').run(org, a.firm_id);
      this.db
        .prepare(
          `UPDATE assessments SET status = 'submitted', submitted_at = ?, overall = ?, gated_level = ?, is_latest = 1,
           industry = ?, size = ?, region = ? WHERE org_id = ? AND id = ?`,
        )
        .run(now(), overall, gatedLevel, firm.industry, firm.size, firm.region, org, a.id);
      this.audit(org, user, 'assessment.submit', a.id, { overall, gatedLevel });
    })();
  }

  /** Overall scores of the latest submitted assessment of every other firm in the group (all organisations; aggregates only leave the server). */
  peerScores(by: 'industry' | 'size' | 'region', value: string, exceptFirm: string): number[] {
    const rows = this.db
      .prepare(
        `SELECT overall FROM assessments WHERE is_latest = 1 AND ${by} = ? AND firm_id <> ? AND overall IS NOT NULL`,
      )
      .all(value, exceptFirm) as Array<{ overall: number }>;
    return rows.map((r) => r.overall);
  }

  auditLog(org: string, limit = 500): unknown[] {
    return this.db
      .prepare('SELECT seq, user_id, action, target, detail, at FROM audit WHERE org_id = ? ORDER BY seq DESC LIMIT ?')
      .all(org, limit);
  }

  exportOrg(org: string): Record<string, unknown> {
    const all = (sql: string) => this.db.prepare(sql).all(org);
    return {
      org: this.db.prepare('SELECT * FROM orgs WHERE id = ?').get(org),
      users: all('SELECT id, email, role, firm_id, created_at FROM users WHERE org_id = ?'),
      firms: all('SELECT * FROM firms WHERE org_id = ?'),
      assessments: all('SELECT * FROM assessments WHERE org_id = ?'),
      answers: all('SELECT a.* FROM answers a JOIN assessments s ON s.id = a.assessment_id WHERE s.org_id = ?'),
      audit: all('SELECT * FROM audit WHERE org_id = ? ORDER BY seq'),
    };
  }

  deleteOrg(org: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)').run(org);
      this.db.prepare('DELETE FROM orgs WHERE id = ?').run(org);
      this.db.prepare('DELETE FROM audit WHERE org_id = ?').run(org);
    })();
  }
}
