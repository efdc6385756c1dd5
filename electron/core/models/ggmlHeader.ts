import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../contract/errors';

/**
 * A structural check of a whisper.cpp ggml model file, done in JS before the
 * native loader sees it: whisper.cpp aborts the whole process (GGML_ASSERT)
 * on some malformed headers instead of returning an error, so a damaged
 * download would otherwise crash the app rather than give `model_corrupt`.
 *
 * Layout (whisper.cpp `whisper_model_load`): magic; 11 int32 hyper-parameters;
 * mel filters (n_mel, n_fft, floats); vocabulary (count, then length-prefixed
 * tokens); then tensors to the end of the file, each `n_dims, name length,
 * type, dims[n_dims], name, data`.
 */
export interface GgmlModelInfo {
  nVocab: number;
  nMels: number;
  tensors: number;
}

const GGML_MAGIC = 0x67676d6c;
/** whisper.cpp stores the quantization version as ftype / 1000. */
const QNT_VERSION_FACTOR = 1000;
const WINDOW = 1 << 20;

/** ggml type id -> [block size in elements, bytes per block] for types whisper models use. */
const TYPE_SIZE: Record<number, [number, number]> = {
  0: [1, 4], // F32
  1: [1, 2], // F16
  2: [32, 18], // Q4_0
  3: [32, 20], // Q4_1
  6: [32, 22], // Q5_0
  7: [32, 24], // Q5_1
  8: [32, 34], // Q8_0
};
/** Model file types (hparams.ftype) whisper.cpp maps to a weight type. */
const FILE_TYPES = new Set([0, 1, 2, 3, 7, 8, 9]);

const corrupt = (what: string) =>
  new AppError(
    'model_corrupt',
    `The speech model file is damaged or not a Whisper model (${what}).`,
  );

export async function readGgmlModelInfo(file: string): Promise<GgmlModelInfo> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const reader = new Reader(handle, size);
    const { nVocab, nMels } = await readHeader(reader);
    const tensors = await walkTensors(reader);
    return { nVocab, nMels, tensors };
  } finally {
    await handle.close();
  }
}

async function readHeader(reader: Reader) {
  if ((await reader.u32()) !== GGML_MAGIC) throw corrupt('no ggml magic');
  const h = await reader.i32s(11);
  const [
    nVocab,
    ,
    nAudioState,
    ,
    nAudioLayer,
    ,
    nTextState,
    ,
    nTextLayer,
    nMels,
    ftype,
  ] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const plausible =
    nVocab > 50000 &&
    nVocab < 60000 &&
    (nMels === 80 || nMels === 128) &&
    nAudioState > 0 &&
    nAudioState <= 4096 &&
    nTextState > 0 &&
    nTextState <= 4096 &&
    nAudioLayer > 0 &&
    nAudioLayer <= 64 &&
    nTextLayer > 0 &&
    nTextLayer <= 64;
  if (!plausible) throw corrupt('implausible hyper-parameters');
  if (!FILE_TYPES.has(ftype % QNT_VERSION_FACTOR))
    throw corrupt('unknown weight type');

  const [melCount, fftCount] = (await reader.i32s(2)) as [number, number];
  if (melCount !== nMels || fftCount <= 0 || fftCount > 1024)
    throw corrupt('mel filters');
  reader.skip(melCount * fftCount * 4);

  const words = await reader.i32();
  if (words < 0 || words > nVocab) throw corrupt('vocabulary');
  for (let i = 0; i < words; i++) reader.skip(await reader.u32Bounded(256));
  return { nVocab, nMels };
}

async function walkTensors(reader: Reader): Promise<number> {
  let count = 0;
  while (!reader.atEnd()) {
    const [dims, nameLength, type] = (await reader.i32s(3)) as [
      number,
      number,
      number,
    ];
    const layout = TYPE_SIZE[type];
    if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > 256 || !layout)
      throw corrupt('tensor header');

    const shape = await reader.i32s(dims);
    if (shape.some((n) => n < 1)) throw corrupt('tensor shape');
    const elements = shape.reduce((a, b) => a * b, 1);
    if (elements % layout[0] !== 0) throw corrupt('tensor shape');
    reader.skip(nameLength + (elements / layout[0]) * layout[1]);
    if (reader.pastEnd()) throw corrupt('file is truncated');
    count++;
  }
  if (count === 0) throw corrupt('no tensors');
  return count;
}

/** Positioned little-endian reads over a file handle, with bounds checks. */
class Reader {
  private pos = 0;
  private window = Buffer.alloc(0);
  private windowStart = 0;
  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.size;
  }

  pastEnd(): boolean {
    return this.pos > this.size;
  }

  skip(bytes: number): void {
    this.pos += bytes;
    if (this.pastEnd()) throw corrupt('file is truncated');
  }

  async i32s(count: number): Promise<number[]> {
    const bytes = await this.bytes(count * 4);
    return Array.from({ length: count }, (_, i) => bytes.readInt32LE(i * 4));
  }

  async i32(): Promise<number> {
    return (await this.bytes(4)).readInt32LE(0);
  }

  async u32(): Promise<number> {
    return (await this.bytes(4)).readUInt32LE(0);
  }

  async u32Bounded(max: number): Promise<number> {
    const value = await this.u32();
    if (value > max) throw corrupt('vocabulary');
    return value;
  }

  /** Reads through a 1 MiB window: the vocabulary is ~50k tiny records. */
  private async bytes(length: number): Promise<Buffer> {
    if (this.pos + length > this.size) throw corrupt('file is truncated');
    const inWindow =
      this.pos >= this.windowStart &&
      this.pos + length <= this.windowStart + this.window.length;
    if (!inWindow) {
      const want = Math.min(Math.max(length, WINDOW), this.size - this.pos);
      this.window = Buffer.alloc(want);
      await this.handle.read(this.window, 0, want, this.pos);
      this.windowStart = this.pos;
    }
    const at = this.pos - this.windowStart;
    this.pos += length;
    return this.window.subarray(at, at + length);
  }
}
