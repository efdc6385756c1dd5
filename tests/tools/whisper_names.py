"""Maps CTranslate2 Whisper variables to whisper.cpp tensor names.

CTranslate2 fuses attention projections: self-attention stores Q, K and V as
one linear_0 of 3*d rows; decoder cross-attention stores Q as linear_0 and
K, V fused as linear_1. Whisper's key projection has no bias, so the fused
bias carries zeros in the key's slot; those are checked and dropped.
"""

from ct2_model import DTYPES, Variable

LAYER_NORM = {"gamma": "weight", "beta": "bias"}


def map_tensors(v: dict, hp: dict):
    """Yields (ggml name, Variable, force_f32, shape) for every tensor."""
    yield from _encoder(v, hp)
    yield from _decoder(v, hp)


def _encoder(v: dict, hp: dict):
    yield "encoder.positional_embedding", v["encoder/position_encodings/encodings"], True, None
    for i in (1, 2):
        conv = v[f"encoder/conv{i}/weight"]
        yield f"encoder.conv{i}.weight", conv, False, None
        bias = v[f"encoder/conv{i}/bias"]
        # whisper.cpp adds the conv bias as a [n, 1] tensor.
        yield f"encoder.conv{i}.bias", bias, True, (bias.shape[0], 1)
    yield from _norm(v, "encoder/layer_norm", "encoder.ln_post")

    for i in range(hp["n_audio_layer"]):
        src, dst = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        yield from _self_attention(v, f"{src}/self_attention", f"{dst}.attn")
        yield from _norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln")
        yield from _ffn(v, f"{src}/ffn", dst)


def _decoder(v: dict, hp: dict):
    yield "decoder.positional_embedding", v["decoder/position_encodings/encodings"], True, None
    # The output projection is tied to the token embedding in whisper.cpp.
    yield "decoder.token_embedding.weight", v["decoder/embeddings/weight"], False, None
    yield from _norm(v, "decoder/layer_norm", "decoder.ln")

    for i in range(hp["n_text_layer"]):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        yield from _self_attention(v, f"{src}/self_attention", f"{dst}.attn")
        yield from _norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln")
        yield from _cross_attention(v, f"{src}/attention", f"{dst}.cross_attn")
        yield from _norm(v, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln")
        yield from _ffn(v, f"{src}/ffn", dst)


def _norm(v: dict, src: str, dst: str):
    for ct2, ggml in LAYER_NORM.items():
        yield f"{dst}.{ggml}", v[f"{src}/{ct2}"], True, None


def _ffn(v: dict, src: str, dst: str):
    yield from _norm(v, f"{src}/layer_norm", f"{dst}.mlp_ln")
    for ct2, ggml in (("linear_0", "mlp.0"), ("linear_1", "mlp.2")):
        yield f"{dst}.{ggml}.weight", v[f"{src}/{ct2}/weight"], False, None
        yield f"{dst}.{ggml}.bias", v[f"{src}/{ct2}/bias"], True, None


def _self_attention(v: dict, src: str, dst: str):
    q, k, val = split_rows(v[f"{src}/linear_0/weight"], 3)
    qb, kb, vb = split_rows(v[f"{src}/linear_0/bias"], 3)
    yield from _qkv(dst, q, qb, k, kb, val, vb)
    yield from _out(v, f"{src}/linear_1", dst)


def _cross_attention(v: dict, src: str, dst: str):
    q, qb = v[f"{src}/linear_0/weight"], v[f"{src}/linear_0/bias"]
    k, val = split_rows(v[f"{src}/linear_1/weight"], 2)
    kb, vb = split_rows(v[f"{src}/linear_1/bias"], 2)
    yield from _qkv(dst, q, qb, k, kb, val, vb)
    yield from _out(v, f"{src}/linear_2", dst)


def _qkv(dst, q, qb, k, kb, val, vb):
    if any(kb.data):
        raise ValueError(f"{dst}: key bias is not zero; not a Whisper model?")
    yield f"{dst}.query.weight", q, False, None
    yield f"{dst}.query.bias", qb, True, None
    yield f"{dst}.key.weight", k, False, None
    yield f"{dst}.value.weight", val, False, None
    yield f"{dst}.value.bias", vb, True, None


def _out(v: dict, src: str, dst: str):
    yield f"{dst}.out.weight", v[f"{src}/weight"], False, None
    yield f"{dst}.out.bias", v[f"{src}/bias"], True, None


def split_rows(var: Variable, parts: int) -> list:
    """Splits a row-major tensor into equal blocks along its first axis."""
    rows = var.shape[0]
    if rows % parts:
        raise ValueError(f"{var.name}: {rows} rows do not split in {parts}")
    step = len(var.data) // parts
    shape = (rows // parts,) + tuple(var.shape[1:])
    assert step * parts == len(var.data)
    assert step == _nbytes(shape, var.dtype)
    return [Variable(f"{var.name}[{i}]", shape, var.dtype, var.data[i * step:(i + 1) * step])
            for i in range(parts)]


def _nbytes(shape: tuple, dtype: str) -> int:
    size = next(s for n, s in DTYPES.values() if n == dtype)
    for dim in shape:
        size *= dim
    return size
