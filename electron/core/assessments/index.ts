export { detectAssessments, PROPOSE_AT } from './detect';
export { getInstrument, instruments, loadInstruments } from './instruments';
export { parseAnswerList, scoreAssessment, severityOf } from './score';
export { scoreTrend, type ScoreTrend } from './trend';
export { segmentsFromJson } from './transcriptFile';
export {
  toFhirObservations,
  toFhirQuestionnaireResponse,
  type FhirAssessmentContext,
} from './fhir/export';
export {
  importFhirAssessments,
  importFhirPhq9,
  type ImportedAssessment,
} from './fhir/import';
export type * from './types';
