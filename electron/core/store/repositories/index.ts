import type { Database } from '../database';
import { AppointmentsRepository } from './appointments';
import { AssessmentsRepository } from './assessments';
import { ClaimsRepository } from './claims';
import { ClientsRepository } from './clients';
import { ConsentsRepository } from './consents';
import { TreatmentGoalsRepository } from './goals';
import { CosignaturesRepository } from './cosignatures';
import { NotesRepository } from './notes';
import { OutboxRepository } from './outbox';
import { ProcessNotesRepository } from './processNotes';
import { RecordingsRepository } from './recordings';
import { RiskFlagsRepository } from './riskFlags';
import { SessionsRepository } from './sessions';
import { SettingsRepository } from './settings';
import { TranscriptsRepository } from './transcripts';
import { UsersRepository } from './users';

/** Every repository over one open database. */
export interface Repositories {
  users: UsersRepository;
  clients: ClientsRepository;
  appointments: AppointmentsRepository;
  sessions: SessionsRepository;
  recordings: RecordingsRepository;
  transcripts: TranscriptsRepository;
  notes: NotesRepository;
  cosignatures: CosignaturesRepository;
  processNotes: ProcessNotesRepository;
  assessments: AssessmentsRepository;
  riskFlags: RiskFlagsRepository;
  goals: TreatmentGoalsRepository;
  claims: ClaimsRepository;
  consents: ConsentsRepository;
  outbox: OutboxRepository;
  settings: SettingsRepository;
}

/**
 * Every repository over `db`. Pass the signed-in user's id as `actor` (once
 * per request) and accesses to PHI are written to the audit trail.
 */
export function createRepositories(db: Database, actor?: string): Repositories {
  return {
    users: new UsersRepository(db),
    clients: new ClientsRepository(db),
    appointments: new AppointmentsRepository(db),
    sessions: new SessionsRepository(db, actor),
    recordings: new RecordingsRepository(db),
    transcripts: new TranscriptsRepository(db, actor),
    notes: new NotesRepository(db, actor),
    cosignatures: new CosignaturesRepository(db),
    processNotes: new ProcessNotesRepository(db, actor),
    assessments: new AssessmentsRepository(db),
    riskFlags: new RiskFlagsRepository(db),
    goals: new TreatmentGoalsRepository(db),
    claims: new ClaimsRepository(db, actor),
    consents: new ConsentsRepository(db, actor),
    outbox: new OutboxRepository(db),
    settings: new SettingsRepository(db),
  };
}
