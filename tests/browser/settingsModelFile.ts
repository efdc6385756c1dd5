import { fakeGgmlModel } from '../speech/ggmlFixture';

/**
 * The model file settings.spec.ts imports: a structurally valid ggml file
 * (a second four-float tensor, as in ggmlFixture.ts) that settingsBridge.ts
 * pins in the manifest as `imported.test`.
 */
export const IMPORTED = fakeGgmlModel(
  51864,
  Buffer.concat([
    Buffer.from(new Int32Array([1, 1, 0, 4]).buffer),
    Buffer.from('z'),
    Buffer.from(new Float32Array([1, 2, 3, 4]).buffer),
  ]),
);
