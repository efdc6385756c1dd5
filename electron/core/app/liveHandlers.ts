import {
  QUICK_INSTRUMENTS,
  type InstrumentView,
  type QuickInstrument,
} from '../../contract/liveContract';
import { getInstrument } from '../assessments/instruments';
import type { HandlerRegistry } from '../ipc/registry';
import type { SessionService } from '../services/types';

/**
 * The live session screen's quick entry: the instruments it offers (data
 * under resources/instruments) and saving the clinician's answers through
 * the guarded session service, which checks the session is theirs.
 */
export function registerLiveHandlers(
  registry: HandlerRegistry,
  sessions: SessionService,
): void {
  registry.register('assessment:instruments', () =>
    QUICK_INSTRUMENTS.map(instrumentView),
  );
  // The guarded service records under the signed-in user; the actor
  // argument is ignored there.
  registry.register(
    'assessment:record',
    ({ sessionId, instrumentId, answers }) =>
      sessions.recordAssessment(sessionId, { instrumentId, answers }, ''),
  );
}

function instrumentView(id: QuickInstrument): InstrumentView {
  const instrument = getInstrument(id);
  const choices = (options: { value: number; label: string }[]) =>
    options.map(({ value, label }) => ({ value, label }));
  return {
    id,
    name: instrument.name,
    stem: instrument.stem,
    options: choices(instrument.options),
    items: instrument.items.map((item) => ({
      index: item.index,
      text: item.text,
      scored: item.scored,
      ...(item.options ? { options: choices(item.options) } : {}),
    })),
    riskItems: instrument.riskItems ?? [],
  };
}
