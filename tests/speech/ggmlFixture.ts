/**
 * Writes a structurally valid but weightless whisper.cpp ggml file (tiny.en
 * hyper-parameters, one stray tensor): it passes the JS structure check and
 * must then be refused by the native loader as incomplete.
 */
export function fakeGgmlModel(nVocab = 51864, extra = Buffer.alloc(0)): Buffer {
  const ints = (...values: number[]) =>
    Buffer.from(new Int32Array(values).buffer);
  const hparams = ints(nVocab, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1);
  const mel = Buffer.concat([ints(80, 1), Buffer.alloc(80 * 4)]);
  const vocab = ints(0);
  const tensor = Buffer.concat([
    ints(1, 1, 0, 4),
    Buffer.from('x'),
    Buffer.alloc(16),
  ]);
  return Buffer.concat([
    Buffer.from([0x6c, 0x6d, 0x67, 0x67]),
    hparams,
    mel,
    vocab,
    tensor,
    extra,
  ]);
}
