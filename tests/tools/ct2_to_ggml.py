#!/usr/bin/env python3
"""Converts a faster-whisper (CTranslate2) Whisper model to whisper.cpp's ggml file.

Usage: ct2_to_ggml.py MODEL_DIR ASSETS_DIR OUT_FILE

MODEL_DIR holds CTranslate2's model.bin (float16 or float32 weights); ASSETS_DIR
holds openai/whisper's assets (mel_filters.npz, gpt2.tiktoken,
multilingual.tiktoken). Only the Python standard library is needed.

The ggml file whisper.cpp loads is, in order (all little endian int32/float32):
  magic 0x67676d6c;
  hparams n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer,
    n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype;
  mel filters n_mel, n_fft, then n_mel*n_fft floats;
  vocabulary: count, then count x (length, bytes) in token-id order (the
    loader names the remaining special tokens itself, up to n_vocab);
  tensors until end of file: n_dims, name length, type (0 f32, 1 f16),
    dims innermost first, name, data.
Matrices keep the source precision; 1-D tensors, conv biases (stored as
[n, 1]) and positional embeddings are float32, as whisper.cpp allocates them.
"""

import sys

from ct2_model import read_ct2
from ggml_writer import GgmlWriter, load_mel_filters, load_tiktoken
from whisper_names import map_tensors


def hparams_of(v: dict) -> dict:
    """Derives whisper's hyper-parameters from tensor shapes and stored scalars."""
    n_vocab, n_text_state = v["decoder/embeddings/weight"].shape
    n_audio_ctx, n_audio_state = v["encoder/position_encodings/encodings"].shape
    return {
        "n_vocab": n_vocab,
        "n_audio_ctx": n_audio_ctx,
        "n_audio_state": n_audio_state,
        "n_audio_head": _scalar(v["encoder/num_heads"]),
        "n_audio_layer": _count_layers(v, "encoder"),
        "n_text_ctx": v["decoder/position_encodings/encodings"].shape[0],
        "n_text_state": n_text_state,
        "n_text_head": _scalar(v["decoder/num_heads"]),
        "n_text_layer": _count_layers(v, "decoder"),
        "n_mels": v["encoder/conv1/weight"].shape[1],
    }


def _scalar(var) -> int:
    return int.from_bytes(var.data, "little", signed=True)


def _count_layers(v: dict, side: str) -> int:
    n = 0
    while f"{side}/layer_{n}/ffn/linear_0/weight" in v:
        n += 1
    return n


def main(model_dir: str, assets_dir: str, out_file: str) -> None:
    v = read_ct2(f"{model_dir}/model.bin")
    hp = hparams_of(v)
    weight_dtype = v["decoder/embeddings/weight"].dtype
    if weight_dtype not in ("float16", "float32"):
        raise SystemExit(f"unsupported weight type {weight_dtype} (quantized?)")

    # Vocab sizes of 51865 and up are the multilingual tokenizers.
    multilingual = hp["n_vocab"] >= 51865
    vocab_file = "multilingual.tiktoken" if multilingual else "gpt2.tiktoken"
    tokens = load_tiktoken(f"{assets_dir}/{vocab_file}")
    if not multilingual:
        # whisper.cpp's published English models name token 50256 (end of
        # text); without it the loader would call it [_EOT_]. Same meaning.
        tokens.append(b"<|endoftext|>")
    filters = load_mel_filters(f"{assets_dir}/mel_filters.npz", hp["n_mels"])

    with GgmlWriter(out_file, f16=weight_dtype == "float16") as w:
        w.header(hp)
        w.mel_filters(filters)
        w.vocabulary(tokens)
        for name, var, force_f32, shape in map_tensors(v, hp):
            w.tensor(name, var, force_f32, shape)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
