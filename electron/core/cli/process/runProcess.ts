import { AppError } from '../../../contract/errors';
import { keyStoreFromEnv } from '../../keys/chooseKeyStore';
import { defaultDataDir } from '../../paths';
import { realEngines } from '../../pipeline/realEngines';
import { parseChannels } from '../../speech/roles';
import { createSessionService } from '../../services/sessionService';
import { openStoreHandle } from '../../services/storeHandle';
import type { SessionDetail } from '../../services/types';
import { loadTemplate } from '../../drafting/templates';
import type { DraftEngine } from '../../drafting/types';
import type { Output } from '../output';
import type { ProcessFlags } from '../commands/process';
import { openEhr, type EhrTarget } from '../../delivery/ehrTarget';
import { loadAppointment } from './loadAppointment';
import { createStepBar } from './progressBar';
import { deliveryLines } from './deliveryLines';
import { renderSummary } from './summary';

/** `hushnote process`: the main job, from a recording to a delivered note. */
export async function runProcess(
  recording: string,
  flags: ProcessFlags,
  out: Output,
): Promise<void> {
  const appointment = loadAppointment(flags.appointment);
  const engine = parseEngine(flags.engine);
  // A wrong --format fails here, not after minutes of transcription.
  loadTemplate(flags.format);
  const threads = Math.max(1, Number(flags.threads) || 2);
  const dataDir = flags.dataDir ?? defaultDataDir();
  const store = await openStoreHandle({
    dataDir,
    keyStore: keyStoreFromEnv(dataDir),
  });
  const engines = realEngines({
    threads,
    channels: parseChannels(flags.channels),
    ...(flags.whisperModel ? { whisperModel: flags.whisperModel } : {}),
    ...(flags.llmModel ? { llmModel: flags.llmModel } : {}),
  });
  const ehr: EhrTarget | undefined = flags.ehr
    ? await openEhr(flags.ehr, store)
    : undefined;
  const service = createSessionService({
    store,
    engines,
    actor: () => flags.signAs ?? appointment.clinician.id,
    ...(ehr ? { delivery: ehr.delivery } : {}),
  });
  const bar = createStepBar(
    process.stderr.isTTY || process.env['HUSHNOTE_PROGRESS'] === '1',
  );

  try {
    let detail = await service.processRecording(appointment, recording, {
      format: flags.format,
      engine,
      onProgress: (step, fraction) => bar.update(step, fraction),
    });
    if (flags.signAs)
      detail = await signAndDeliver(detail, flags.signAs, service, bar, ehr);
    bar.stop();
    const ehrLines = ehr ? await ehr.describe() : [];
    if (flags.ehr) ehrLines.push(...deliveryLines(detail));
    report(detail, flags, out, ehrLines);
  } finally {
    bar.stop();
    await engines.dispose();
    await ehr?.close();
    await service.close();
  }
}

async function signAndDeliver(
  detail: SessionDetail,
  signAs: string,
  service: ReturnType<typeof createSessionService>,
  bar: ReturnType<typeof createStepBar>,
  ehr: EhrTarget | undefined,
): Promise<SessionDetail> {
  const sessionId = detail.summary.id;
  bar.update('sign', 0);
  service.signNote(sessionId, {
    id: signAs,
    name: detail.appointment.clinician.name,
  });
  if (ehr) {
    bar.update('deliver', 0);
    await service.deliver(sessionId);
  }
  bar.update('deliver', 1);
  return service.getSession(sessionId);
}

function report(
  detail: SessionDetail,
  flags: ProcessFlags,
  out: Output,
  ehrLines: string[],
): void {
  if (flags.json) {
    out.json({ ...detail, ehr: ehrLines });
    return;
  }
  if (flags.summary) {
    out.stdout(renderSummary(detail, ehrLines));
    return;
  }
  const codes = detail.billing?.suggestion.lines.map((l) =>
    [l.cpt, ...l.modifiers].join('-'),
  );
  out.stdout(
    `session ${detail.summary.id}: ${detail.summary.status}; codes ${codes?.join(', ') ?? 'none'}\n`,
  );
  for (const line of ehrLines) out.stdout(`${line}\n`);
}

function parseEngine(value: string): DraftEngine {
  if (value === 'llm' || value === 'rules') return value;
  throw new AppError('invalid_request', '--engine must be llm or rules.');
}
