// Drafting the demo session (fixtures/sessions/cbt-phq9-demo.json):
//   1. the deterministic drafter, SOAP, median of 20 runs;
//   2. the LLM drafter with the fixture model (SmolLM2-135M-Instruct), SOAP:
//      model load, time to first token, output tokens per second and total.
// Threads: HUSHNOTE_LLM_THREADS (default 1, as in the tests); context 2048.
// Prints ms.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectAssessments } from '../electron/core/assessments/detect';
import { draftNote } from '../electron/core/drafting/draftNote';
import { readTranscriptFile } from '../electron/core/drafting/transcriptFile';
import { loadLlamaEngine } from '../electron/core/llm/llamaEngine';
import { llmModelPath } from '../electron/core/models/fixtures';
import { detectRiskFlags } from '../electron/core/risk';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'fixtures',
  'sessions',
  'cbt-phq9-demo.json',
);
const RULES_RUNS = 20;
const THREADS = Number(process.env['HUSHNOTE_LLM_THREADS'] ?? 1);
const CONTEXT = 2048;

const print = (line: string) => process.stdout.write(`${line}\n`);
const transcript = readTranscriptFile(FIXTURE);
const assessments = detectAssessments(transcript.segments);
const riskFlags = detectRiskFlags(transcript.segments, assessments);
const base = { transcript, format: 'soap', riskFlags, assessments } as const;

async function benchRules(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RULES_RUNS; i += 1) {
    const start = performance.now();
    await draftNote({ ...base, engine: 'rules' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  print(
    `rules drafter: median ${fmt(times[Math.floor(times.length / 2)] ?? 0)} ms, min ${fmt(times[0] ?? 0)} ms (${RULES_RUNS} runs, ${transcript.segments.length} segments)`,
  );
}

async function benchLlm(): Promise<void> {
  let modelPath: string;
  try {
    modelPath = llmModelPath();
  } catch {
    print(
      'llm drafter: skipped, fixture model not provisioned (npm run fixtures)',
    );
    return;
  }
  const loadStart = performance.now();
  const llm = await loadLlamaEngine({
    modelPath,
    threads: THREADS,
    contextSize: CONTEXT,
  });
  print(
    `llm model load: ${fmt(performance.now() - loadStart)} ms (${path.basename(modelPath)}, threads ${THREADS}, context ${CONTEXT})`,
  );

  const start = performance.now();
  const draft = await draftNote({ ...base, engine: 'llm', llm });
  const total = performance.now() - start;
  await llm.dispose();

  const stats = draft.stats;
  if (!stats) {
    print(
      `llm drafter: fell back to rules (${draft.fallbackReason ?? 'unknown'})`,
    );
    return;
  }
  print(`llm time to first token: ${fmt(stats.firstTokenMs ?? Number.NaN)} ms`);
  const generationMs = stats.llmMs - stats.promptMs;
  print(
    `llm output: ${stats.outputTokens} tokens in ${stats.calls} calls, ${fmt(stats.outputTokens / (generationMs / 1000))} tokens/s generating (${fmt(stats.promptMs)} ms of prompt evaluation not counted)`,
  );
  print(
    `llm drafter total: ${fmt(total)} ms; largest context fill ${stats.maxContextTokens}/${stats.contextSize} tokens`,
  );
}

function fmt(ms: number): string {
  return ms.toFixed(1);
}

await benchRules();
await benchLlm();
