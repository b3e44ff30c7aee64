import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  COMMITMENT_STATUSES,
  CONSTITUENCIES,
  INDICATOR_DIRECTIONS,
  POSITION_KINDS,
  STANCES,
  TARGET_GROUPS,
  THEMES,
  UPDATE_STATES,
  type CommitmentStatus,
  type Constituency,
  type IndicatorDirection,
  type PositionKind,
  type Stance,
  type TargetGroup,
  type Theme,
  type UpdateState,
} from '@spct/contracts';
import { REPO_ROOT } from '../config/app-config';

// The shapes of the data files under prisma/catalogue (the built-in catalogue, made from the
// source documents in shared/seeds) and prisma/demo (demonstration tracking data).

export interface Text {
  vi: string;
  en: string;
}

export interface CatalogueOrganization {
  shortName: string;
  name: Text;
  constituency: Constituency;
}

export interface CatalogueCommitment {
  reference: string;
  title: Text;
  description: Text | null;
  theme: Theme | null;
  targetGroups: TargetGroup[];
  children: CatalogueCommitment[];
}

export interface CatalogueFramework {
  code: string;
  title: Text;
  issuer: Text | null;
  adoptedOn: string | null;
  url: string | null;
  description: Text | null;
  commitments: CatalogueCommitment[];
}

export interface CommitmentKey {
  framework: string;
  reference: string;
}

export interface CatalogueAlignment {
  from: CommitmentKey;
  to: CommitmentKey;
  note: Text | null;
}

export interface Catalogue {
  organizations: CatalogueOrganization[];
  frameworks: CatalogueFramework[];
  alignments: CatalogueAlignment[];
}

export interface DemoTracking {
  commitments: (CommitmentKey & {
    leadOrg: string;
    coOrgs: string[];
    status: CommitmentStatus;
    progress: number;
    weight: number;
    startDate: string;
    targetDate: string;
    focalUser: string | null;
    evidence: { kind: 'LINK'; url: string; title: string }[];
    updates: {
      period: string;
      status: CommitmentStatus;
      progress: number;
      narrative: Text;
      state: UpdateState;
      returnReason: string | null;
      author: string;
      decidedBy: string | null;
      submittedAt: string | null;
      decidedAt: string | null;
    }[];
    indicators: {
      name: Text;
      unit: Text;
      direction: IndicatorDirection;
      baseline: { value: number; year: number };
      target: { value: number; year: number };
      source: Text | null;
      measurements: { date: string; value: number; source: string | null }[];
    }[];
    comments: DemoComment[];
    positions: { org: string; position: PositionKind; rationale: string; date: string }[];
  })[];
}

export interface DemoComment {
  author: string;
  stance: Stance | null;
  body: string;
  createdAt: string;
  replies?: DemoComment[];
}

const CATALOGUE_DIR = path.join(REPO_ROOT, 'prisma', 'catalogue');
const DEMO_FILE = path.join(REPO_ROOT, 'prisma', 'demo', 'tracking.json');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

class CatalogueError extends Error {
  constructor(where: string, problem: string) {
    super(`Catalogue data is invalid at ${where}: ${problem}`);
  }
}

function check(condition: boolean, where: string, problem: string): asserts condition {
  if (!condition) throw new CatalogueError(where, problem);
}

function oneOf<T extends string>(values: readonly T[], value: unknown, where: string): void {
  check(
    values.includes(value as T),
    where,
    `"${String(value)}" is not one of ${values.join(', ')}`,
  );
}

function checkCommitment(c: CatalogueCommitment, where: string, seen: Set<string>): void {
  check(typeof c.reference === 'string' && c.reference.length > 0, where, 'reference is missing');
  check(!seen.has(c.reference), where, `reference ${c.reference} is repeated`);
  seen.add(c.reference);
  check(Boolean(c.title?.vi && c.title?.en), `${where} ${c.reference}`, 'title needs vi and en');
  if (c.theme !== null) oneOf(THEMES, c.theme, `${where} ${c.reference}`);
  c.targetGroups.forEach((g) => oneOf(TARGET_GROUPS, g, `${where} ${c.reference}`));
  c.children.forEach((child) => checkCommitment(child, where, seen));
}

/** Reads and checks the built-in catalogue; throws naming the first bad entry. */
export function loadCatalogue(dir = CATALOGUE_DIR): Catalogue {
  const organizations = readJson<CatalogueOrganization[]>(path.join(dir, 'organizations.json'));
  organizations.forEach((o) =>
    oneOf(CONSTITUENCIES, o.constituency, `organizations ${o.shortName}`),
  );
  const frameworks = readdirSync(path.join(dir, 'frameworks'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => readJson<CatalogueFramework>(path.join(dir, 'frameworks', file)));
  const references = new Map<string, Set<string>>();
  for (const framework of frameworks) {
    const seen = new Set<string>();
    framework.commitments.forEach((c) => checkCommitment(c, `frameworks/${framework.code}`, seen));
    references.set(framework.code, seen);
  }
  const alignments = readJson<CatalogueAlignment[]>(path.join(dir, 'alignments.json'));
  for (const a of alignments) {
    for (const key of [a.from, a.to]) {
      check(
        references.get(key.framework)?.has(key.reference) === true,
        'alignments',
        `${key.framework} ${key.reference} does not exist`,
      );
    }
  }
  return { organizations, frameworks, alignments };
}

/** Reads and checks the demo tracking data against the catalogue. */
export function loadDemoTracking(catalogue: Catalogue, file = DEMO_FILE): DemoTracking {
  const demo = readJson<DemoTracking>(file);
  const orgs = new Set(catalogue.organizations.map((o) => o.shortName));
  for (const c of demo.commitments) {
    const where = `demo ${c.framework} ${c.reference}`;
    const framework = catalogue.frameworks.find((f) => f.code === c.framework);
    check(framework !== undefined, where, 'unknown framework');
    oneOf(COMMITMENT_STATUSES, c.status, where);
    check(
      Number.isInteger(c.progress) && c.progress >= 0 && c.progress <= 100,
      where,
      'progress must be 0–100',
    );
    check(
      (c.progress === 100) === (c.status === 'COMPLETED'),
      where,
      'progress 100 if and only if COMPLETED',
    );
    check(c.status !== 'COMPLETED' || c.evidence.length > 0, where, 'COMPLETED needs evidence');
    check(c.startDate <= c.targetDate, where, 'startDate after targetDate');
    [c.leadOrg, ...c.coOrgs, ...c.positions.map((p) => p.org)].forEach((o) =>
      check(orgs.has(o), where, `unknown organization ${o}`),
    );
    c.updates.forEach((u) => {
      oneOf(UPDATE_STATES, u.state, where);
      check(u.author !== u.decidedBy, where, 'an update is never decided by its author');
    });
    c.indicators.forEach((i) => oneOf(INDICATOR_DIRECTIONS, i.direction, where));
    c.positions.forEach((p) => oneOf(POSITION_KINDS, p.position, where));
    const stances = (list: DemoComment[]): void =>
      list.forEach((m) => {
        if (m.stance !== null) oneOf(STANCES, m.stance, where);
        stances(m.replies ?? []);
      });
    stances(c.comments);
  }
  return demo;
}
