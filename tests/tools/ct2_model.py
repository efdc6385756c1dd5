"""Reads a CTranslate2 model.bin (binary format version 6) without ctranslate2.

Layout, as CTranslate2's ModelSpec writes it (little endian):
  u32 binary_version, str spec_name, u32 spec_revision, u32 n_variables,
  n_variables x (str name, u8 rank, rank x u32 dim, u8 dtype, u32 n_bytes, data),
  u32 n_aliases, n_aliases x (str alias, str target)
where str is u16 length (including a trailing NUL) followed by the bytes.
"""

import struct
from dataclasses import dataclass

# CTranslate2's DataType enum, in declaration order.
DTYPES = {0: ("float32", 4), 1: ("int8", 1), 2: ("int16", 2),
          3: ("int32", 4), 4: ("float16", 2), 5: ("bfloat16", 2)}


@dataclass
class Variable:
    """One stored tensor: its shape, CTranslate2 dtype name and raw bytes."""
    name: str
    shape: tuple
    dtype: str
    data: bytes


class _Reader:
    def __init__(self, buf: bytes):
        self.buf = buf
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.buf):
            raise ValueError("model.bin is truncated")
        chunk = self.buf[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str):
        size = struct.calcsize(fmt)
        return struct.unpack("<" + fmt, self.take(size))

    def string(self) -> str:
        (length,) = self.unpack("H")
        return self.take(length)[:-1].decode("utf-8")


def read_ct2(path: str) -> dict:
    """Returns {name: Variable} with aliases resolved to their targets."""
    with open(path, "rb") as f:
        r = _Reader(f.read())

    (version,) = r.unpack("I")
    if version != 6:
        raise ValueError(f"unsupported CTranslate2 binary version {version}")
    r.string()  # spec name
    r.unpack("I")  # spec revision

    variables = {}
    (count,) = r.unpack("I")
    for _ in range(count):
        var = _read_variable(r)
        variables[var.name] = var

    (n_aliases,) = r.unpack("I")
    for _ in range(n_aliases):
        alias, target = r.string(), r.string()
        variables[alias] = variables[target]
    return variables


def _read_variable(r: _Reader) -> Variable:
    name = r.string()
    (rank,) = r.unpack("B")
    shape = r.unpack("I" * rank) if rank else ()
    (dtype_id,) = r.unpack("B")
    (n_bytes,) = r.unpack("I")
    if dtype_id not in DTYPES:
        raise ValueError(f"unknown dtype {dtype_id} for {name}")
    return Variable(name, tuple(shape), DTYPES[dtype_id][0], r.take(n_bytes))
