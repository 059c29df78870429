import { sql } from 'drizzle-orm';
import type { Role } from '@jiceng/contracts';
import type { SeededTree, TestServer } from './harness.ts';
import { worldAccounts, worldFailedImport } from './world/accounts.ts';
import { worldHardship, worldReportIns } from './world/care.ts';
import { worldContext, YEAR } from './world/context.ts';
import { worldFloating, worldTransfers } from './world/membership.ts';
import { worldAppraisal, worldMeetings, worldTerms, worldTraining } from './world/orglife.ts';
import { worldLifecycle, worldMembers } from './world/people.ts';
import { worldWishClaims, worldWishes } from './world/wishes.ts';
import { worldService } from './world/service.ts';
import { worldDues } from './world/dues.ts';
import { worldDevelopment } from './world/development.ts';
import { worldDirectives } from './world/directive.ts';
import { worldKeyTasks } from './world/keytask.ts';
import { worldVenues } from './world/venue.ts';
import { worldCobuild } from './world/cobuild.ts';
import { worldRegional } from './world/regional.ts';
import { worldRegionMeet } from './world/regionmeet.ts';

export { worldBirthDate } from './world/people.ts';

/**
 * A small district with a person in every module that returns people, built through HTTP as the
 * users would: members in several branches and states, a transfer in each state (letters included),
 * floating and lost-contact members, hardship with a cadre and visits, report-ins, appraisal with a
 * disposition, member tabs and a photo, committee and terms, a failed import, notifications, and an
 * account of every role that may not unmask personal data. `buildWorld` returns the ids of every
 * record by kind (`fillParams` turns a route's `:param`s into them) and the people's full ID numbers
 * and birth dates (what a masked answer must never show). Each module's records are made by its own
 * builder in test/world/ (a new module adds one there and a line in `buildWorld`).
 */

/** Kinds of record a route parameter can name. */
export const RECORD_KINDS = [
  'org',
  'member',
  'memberDetail',
  'account',
  'transfer',
  'floating',
  'lostContact',
  'contactAttempt',
  'hardship',
  'hardshipCadre',
  'hardshipVisit',
  'memberReport',
  'unitReport',
  'disposition',
  'importJob',
  'committeeMember',
  'term',
  'notification',
  'meeting',
  'meetingPart',
  'trainingSession',
  'wish',
  'wishPhoto',
  'serviceRequest',
  'servicePhoto',
  'dispatchRule',
  /** A month (`YYYY-MM`) with a dues basis or ledger row, for `/members/:id/dues-bases/:month` and `/members/:id/dues/:month/…`. */
  'duesMonth',
  /** 发展党员: an applicant's path, and a form of the dossier (`/development/applicants/:id/dossier/:form`). */
  'applicant',
  'dossierForm',
  /** A recorded step of an applicant, and a paper attached to it. */
  'devRecord',
  'devFile',
  /** 下发任务: a directive, one of its recipients, and a recipient's evidence file. */
  'directive',
  'directiveTarget',
  'directiveFile',
  /** 重点任务: a plan, its tasks, a claim, a progress report, an acceptance, a 调度会, and an evidence file. */
  'ktPlan',
  'ktTask',
  'ktClaim',
  'ktProgress',
  'ktAcceptance',
  'ktReview',
  'ktFile',
  /** 阵地: a venue, one of its rooms, a booking. */
  'venue',
  'venueRoom',
  'venueBooking',
  /** 结对共建: an agreement, a commitment of its plan, an entry of its log. */
  'cobuildAgreement',
  'cobuildCommitment',
  'cobuildEntry',
  /** 区域化党建: a need, a resource, a project, a project's activity and its photo. */
  'rgNeed',
  'rgResource',
  'rgProject',
  'rgActivity',
  'rgPhoto',
  /** 联席会议 and 双报告: a joint meeting, its decision and follow-up, a yearly report. */
  'rmMeeting',
  'rmDecision',
  'rmFollowup',
  'rmReport',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A person of the world: their member record and what only an unmasked read may show. */
export interface WorldPerson {
  /** What the world made of them (`transferAccepted`, `floatVerified` …). */
  key: string;
  memberId: string;
  name: string;
  /** Full, normalized 身份证号. */
  idNumber: string;
  /** YYYY-MM-DD; every person's year differs, and no other date of the world is before 2000. */
  birthDate: string;
  /** The branch the record was registered in. */
  orgId: string;
}

/** An account the world created (active, password already changed where it had to be). */
export interface WorldAccount {
  username: string;
  password: string;
  role: Role;
  orgId: string;
  /** The member record a 党员 account is bound to. */
  memberId: string | null;
}

export interface World {
  tree: SeededTree;
  ids: Record<RecordKind, string[]>;
  people: WorldPerson[];
  /** One account per role lacking personal:unmask at each level it makes sense, plus the seeded ones of those roles. */
  accounts: WorldAccount[];
  /** Years with data (appraisal, transfers, statistics). */
  years: number[];
}

/** An id no record has (the unknown-kind fallback's last resort: the route answers 404). */
export const ZERO_ID = '00000000-0000-4000-8000-000000000000';

/** Builds the world on a freshly started test server (it seeds the tree itself), one module's records at a time (test/world/). */
export async function buildWorld(server: TestServer): Promise<World> {
  const w = await worldContext(server);
  const { t, ids, add, people } = w;
  await worldMembers(w);
  await worldLifecycle(w);
  await worldTransfers(w);
  await worldFloating(w);
  await worldHardship(w);
  await worldTerms(w);
  await worldMeetings(w);
  await worldTraining(w);
  await worldDues(w);
  await worldDevelopment(w);
  await worldDirectives(w);
  await worldKeyTasks(w);
  await worldCobuild(w);
  await worldWishes(w);
  await worldService(w);
  await worldAppraisal(w);
  const unitAccount = await worldRegional(w);
  const accounts = [...(await worldAccounts(w)), unitAccount];
  await worldWishClaims(w, accounts.find((a) => a.role === 'member' && a.memberId)!);
  await worldReportIns(w);
  await worldFailedImport(w);
  await worldVenues(w, accounts);
  await worldRegionMeet(w, accounts);
  for (const o of [t.rootId, t.streetA, t.streetB, t.communityA1, t.branchA1a, t.branchA1b, t.communityB1, t.branchB1a]) add('org', o);
  for (const r of await server.db.rows<{ id: string }>(sql`select id from notification order by id`)) add('notification', r.id);
  for (const r of await server.db.rows<{ id: string }>(sql`select id from lost_contact_attempt order by id`)) add('contactAttempt', r.id);
  return { tree: t, ids, people, accounts, years: [YEAR - 1, YEAR] };
}

/**
 * Which kind of record a route parameter names, from the path segment before it; two segments
 * where one is ambiguous (`/report-ins/members/:id` is a report, `/members/:id` a member).
 */
const KIND_BY_PATH: [RegExp, RecordKind][] = [
  [/\/(venues\/[^/]+|resident\/venues)\/rooms$/, 'venueRoom'],
  [/\/venues$/, 'venue'],
  [/\/venue-bookings$/, 'venueBooking'],
  [/\/regional\/meetings\/[^/]+\/decisions$/, 'rmDecision'],
  [/\/regional\/meetings\/[^/]+\/followups$/, 'rmFollowup'],
  [/\/regional\/meetings$/, 'rmMeeting'],
  [/\/regional\/(unit\/|my\/)?reports$/, 'rmReport'],
  [/\/regional\/ratings$/, 'unitReport'],
  [/\/cobuild\/agreements\/[^/]+\/commitments$/, 'cobuildCommitment'],
  [/\/cobuild\/agreements\/[^/]+\/log$/, 'cobuildEntry'],
  [/\/cobuild\/agreements$/, 'cobuildAgreement'],
  [/\/regional\/projects\/[^/]+\/activities\/[^/]+\/photos$/, 'rgPhoto'],
  [/\/regional\/projects\/[^/]+\/activities$/, 'rgActivity'],
  [/\/regional\/projects$/, 'rgProject'],
  [/\/regional\/needs$/, 'rgNeed'],
  [/\/regional\/resources$/, 'rgResource'],
  [/\/regional\/units$/, 'unitReport'],
  [/\/report-ins\/members$/, 'memberReport'],
  [/\/report-ins\/units$/, 'unitReport'],
  [/\/appraisals\/dispositions$/, 'disposition'],
  [/\/members\/import$/, 'importJob'],
  [/\/lost-contact\/[^/]+\/attempts$/, 'contactAttempt'],
  [/\/hardship\/cadres$/, 'hardshipCadre'],
  [/\/hardship\/[^/]+\/visits$/, 'hardshipVisit'],
  [/\/training\/sessions$/, 'trainingSession'],
  [/\/development\/applicants\/[^/]+\/dossier$/, 'dossierForm'],
  [/\/development\/applicants\/[^/]+\/records$/, 'devRecord'],
  [/\/development\/applicants\/[^/]+\/records\/[^/]+\/attachments$/, 'devFile'],
  [/\/development\/applicants$/, 'applicant'],
  [/\/keytasks\/tasks\/[^/]+\/(progress|acceptances)\/[^/]+\/attachments$/, 'ktFile'],
  [/\/keytasks\/tasks\/[^/]+\/claims$/, 'ktClaim'],
  [/\/keytasks\/tasks\/[^/]+\/progress$/, 'ktProgress'],
  [/\/keytasks\/tasks\/[^/]+\/acceptances$/, 'ktAcceptance'],
  [/\/keytasks\/tasks\/[^/]+\/decisions$/, 'ktReview'],
  [/\/keytasks\/reviews\/[^/]+\/items$/, 'ktTask'],
  [/\/keytasks\/tasks$/, 'ktTask'],
  [/\/keytasks\/plans$/, 'ktPlan'],
  [/\/keytasks\/reviews$/, 'ktReview'],
  [/\/directives\/[^/]+\/targets\/[^/]+\/attachments$/, 'directiveFile'],
  [/\/directives\/[^/]+\/targets$/, 'directiveTarget'],
  [/\/directives$/, 'directive'],
  [/\/members\/[^/]+\/(dues-bases|dues)$/, 'duesMonth'],
  [/\/training\/sessions\/[^/]+\/attendance$/, 'member'],
  [/\/meetings\/[^/]+\/(votes|attachments)$/, 'meetingPart'],
  [/\/meetings$/, 'meeting'],
  [/\/(members|me\/member)$/, 'member'],
  [/\/details$/, 'memberDetail'],
  [/\/(orgs|org-setup\/orgs)$/, 'org'],
  [/\/committee$/, 'committeeMember'],
  [/\/terms$/, 'term'],
  [/\/accounts$/, 'account'],
  [/\/transfers$/, 'transfer'],
  [/\/floating$/, 'floating'],
  [/\/lost-contact$/, 'lostContact'],
  [/\/hardship$/, 'hardship'],
  [/\/notifications$/, 'notification'],
  [/\/wishes\/[^/]+\/photos$/, 'wishPhoto'],
  [/\/wishes$/, 'wish'],
  [/\/requests\/[^/]+\/photos$/, 'servicePhoto'],
  [/\/(service|resident)\/requests$/, 'serviceRequest'],
  [/\/dispatch-rules$/, 'dispatchRule'],
];

/** The kind a `:param` at this point of a route names, or null when the path is unknown. */
export function paramKind(pathBeforeParam: string): RecordKind | null {
  return KIND_BY_PATH.find(([re]) => re.test(pathBeforeParam))?.[1] ?? null;
}

/**
 * Concrete urls for a registered route url such as `/api/members/:id/events`: every `:param` is
 * replaced by each id of the kind its preceding path names (all combinations when there are
 * several). A parameter of an unknown kind gets every id of the world of any kind, then ZERO_ID,
 * so a route added later is still called with real records. A url without parameters is itself.
 */
export function fillParams(url: string, world: World): string[] {
  const parts = url.split('/');
  let urls = [''];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    let values = [part];
    if (part.startsWith(':')) {
      const kind = paramKind(parts.slice(0, i).join('/'));
      values = kind ? world.ids[kind] : [...new Set(Object.values(world.ids).flat()), ZERO_ID];
      if (values.length === 0) values = [ZERO_ID];
    }
    urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`));
  }
  return urls;
}
