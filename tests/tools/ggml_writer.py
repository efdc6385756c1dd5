"""Writes whisper.cpp's ggml model file and reads the assets it embeds."""

import ast
import base64
import struct
import zipfile
from array import array

MAGIC = 0x67676D6C  # "ggml"
HPARAM_ORDER = ("n_vocab", "n_audio_ctx", "n_audio_state", "n_audio_head",
                "n_audio_layer", "n_text_ctx", "n_text_state", "n_text_head",
                "n_text_layer", "n_mels")


class GgmlWriter:
    """Streams a ggml file; `f16` says whether matrices are stored as float16."""

    def __init__(self, path: str, f16: bool):
        self.path = path
        self.f16 = f16
        self.names = set()

    def __enter__(self):
        self.out = open(self.path, "wb")
        return self

    def __exit__(self, *exc):
        self.out.close()

    def header(self, hp: dict) -> None:
        values = [hp[k] for k in HPARAM_ORDER] + [1 if self.f16 else 0]
        self.out.write(struct.pack("<I", MAGIC))
        self.out.write(struct.pack("<11i", *values))

    def mel_filters(self, filters: tuple) -> None:
        n_mel, n_fft, data = filters
        self.out.write(struct.pack("<ii", n_mel, n_fft))
        self.out.write(data)

    def vocabulary(self, tokens: list) -> None:
        self.out.write(struct.pack("<i", len(tokens)))
        for token in tokens:
            self.out.write(struct.pack("<i", len(token)))
            self.out.write(token)

    def tensor(self, name: str, var, force_f32: bool, shape) -> None:
        if name in self.names:
            raise ValueError(f"tensor {name} written twice")
        self.names.add(name)
        shape = shape or var.shape
        as_f32 = force_f32 or not self.f16
        data = to_f32(var) if as_f32 else to_f16(var)

        encoded = name.encode("utf-8")
        self.out.write(struct.pack("<iii", len(shape), len(encoded), 0 if as_f32 else 1))
        # ggml lists dimensions innermost first.
        self.out.write(struct.pack(f"<{len(shape)}i", *reversed(shape)))
        self.out.write(encoded)
        self.out.write(data)


def to_f32(var) -> bytes:
    if var.dtype == "float32":
        return var.data
    if var.dtype != "float16":
        raise ValueError(f"{var.name}: cannot convert {var.dtype} to float32")
    count = len(var.data) // 2
    return array("f", struct.unpack(f"<{count}e", var.data)).tobytes()


def to_f16(var) -> bytes:
    if var.dtype == "float16":
        return var.data
    count = len(var.data) // 4
    return struct.pack(f"<{count}e", *struct.unpack(f"<{count}f", var.data))


def load_tiktoken(path: str) -> list:
    """Returns token byte strings in rank order from a .tiktoken file."""
    ranked = []
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                token, rank = line.split()
                ranked.append((int(rank), base64.b64decode(token)))
    ranked.sort()
    if [r for r, _ in ranked] != list(range(len(ranked))):
        raise ValueError(f"{path}: token ranks are not contiguous")
    return [t for _, t in ranked]


def load_mel_filters(path: str, n_mels: int) -> tuple:
    """Reads mel_<n> from openai/whisper's npz: (n_mel, n_fft, float32 bytes)."""
    with zipfile.ZipFile(path) as z:
        raw = z.read(f"mel_{n_mels}.npy")
    return _parse_npy_f32(raw)


def _parse_npy_f32(raw: bytes) -> tuple:
    if raw[:6] != b"\x93NUMPY":
        raise ValueError("mel filters: not a .npy array")
    major = raw[6]
    if major == 1:
        (hlen,) = struct.unpack("<H", raw[8:10])
        start = 10
    else:
        (hlen,) = struct.unpack("<I", raw[8:12])
        start = 12
    header = ast.literal_eval(raw[start:start + hlen].decode("latin1"))
    if header["descr"] != "<f4" or header["fortran_order"]:
        raise ValueError(f"mel filters: unexpected layout {header}")
    n_mel, n_fft = header["shape"]
    data = raw[start + hlen:]
    if len(data) != n_mel * n_fft * 4:
        raise ValueError("mel filters: size does not match shape")
    return n_mel, n_fft, data
