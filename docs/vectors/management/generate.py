#!/usr/bin/env python3
"""Writes management-vectors.txt: byte-level vectors of the management protocol
(docs/management-protocol.md), read by the C tests (firmware/device/tests) and the Java tests
(toolchain/device). Plain Python, an encoder independent of both.
Run it from anywhere: python3 docs/vectors/management/generate.py
"""
import os
import struct

TYPES = {
    # requests: type, then the request id
    "info": 0x01, "install-begin": 0x02, "install-data": 0x03, "install-end": 0x04,
    "install-abort": 0x05, "list": 0x06, "start": 0x07, "stop": 0x08, "uninstall": 0x09,
    "set-run-on-boot": 0x0A,
    # responses: type, then the request id they answer
    "ok": 0x40, "info-result": 0x41, "installed": 0x42, "list-result": 0x43, "error": 0x7F,
    # events: type, no request id
    "started": 0x80, "exited": 0x81,
}


def varint(n):
    assert n >= 0
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def svarint(n):
    return varint((n << 1) ^ (n >> 63) if n < 0 else n << 1)


def text(s):
    b = s.encode("utf-8")
    return varint(len(b)) + b


def blob(b):
    return varint(len(b)) + b


def hx(b):
    return b.hex() if b else "-"


def shx(s):
    return hx(s.encode("utf-8"))


lines = ["# Management protocol vectors (docs/management-protocol.md), written by generate.py.",
         "# KIND NAME key=value...; strings are hex of their UTF-8, '-' is empty; numbers decimal."]


def emit(kind, vector, /, **fields):
    lines.append(" ".join([kind, vector] + [f"{k.replace('_', '-')}={v}" for k, v in fields.items()]))


def message(vector, type_name, body, /, request=None, **fields):
    head = bytes([TYPES[type_name]]) + (varint(request) if request is not None else b"")
    keys = {"type": type_name}
    if request is not None:
        keys["request"] = request
    keys.update(fields)
    keys["bytes"] = (head + body).hex()
    emit("message", vector, **keys)
    return head + body


ID_HELLO = bytes.fromhex("9f86d081884c7d659a2feaa0c55ad015")
ID_BLINK = bytes(range(0x10, 0x20))

# --- requests ---
message("info", "info", b"", request=0)
message("install-begin", "install-begin", text("blink") + varint(1234) + struct.pack("<I", 0xDEADBEEF) + bytes([1]),
        request=7, name=shx("blink"), size=1234, crc32="deadbeef", run_on_boot=1)
message("install-begin-utf8", "install-begin", text("caf\u00e9-\u00fcber") + varint(300) + struct.pack("<I", 0) + bytes([0]),
        request=300, name=shx("caf\u00e9-\u00fcber"), size=300, crc32="00000000", run_on_boot=0)
data = bytes(range(256)) * 2
chunk = data[:496]
message("install-data", "install-data", varint(992) + blob(chunk), request=8, offset=992, data=hx(chunk))
message("install-data-small", "install-data", varint(0) + blob(b"EAVE"), request=2**32 - 1, offset=0, data=hx(b"EAVE"))
message("install-end", "install-end", b"", request=9)
message("install-abort", "install-abort", b"", request=10)
message("list", "list", varint(0), request=11, first=0)
message("list-page-2", "list", varint(5), request=12, first=5)
message("start", "start", text("blink") + varint(0), request=13, name=shx("blink"), args="-")
message("start-args", "start", text("sensor") + varint(2) + text("--rate") + text("10 Hz"), request=14,
        name=shx("sensor"), args=",".join([shx("--rate"), shx("10 Hz")]))
message("stop", "stop", text("blink"), request=15, name=shx("blink"))
message("uninstall", "uninstall", text("blink"), request=16, name=shx("blink"))
message("set-run-on-boot", "set-run-on-boot", text("blink") + bytes([1]), request=17, name=shx("blink"), run_on_boot=1)
message("clear-run-on-boot", "set-run-on-boot", text("blink") + bytes([0]), request=18, name=shx("blink"), run_on_boot=0)

# --- responses ---
message("ok", "ok", b"", request=7)
message("info-result", "info-result", varint(1) + varint(496) + varint(1048544) + varint(523200) + varint(32) + varint(3),
        request=0, protocol=1, max_chunk=496, capacity=1048544, free=523200, max_entries=32, entries=3)
message("installed", "installed", ID_BLINK + varint(42), request=9, image_id=ID_BLINK.hex(), sequence=42)
message("error-no-container", "error",
        varint(3) + text("no container named 'blink': install it first"), request=13,
        code=3, message=shx("no container named 'blink': install it first"))
message("error-crc", "error",
        varint(10) + text("the image arrived corrupt (CRC-32 0x12345678, expected 0xdeadbeef): install it again"), request=9,
        code=10, message=shx("the image arrived corrupt (CRC-32 0x12345678, expected 0xdeadbeef): install it again"))

entries = {}


def entry(vector, cname, image_id, size, state, run_on_boot, exit_code, reason, memory, quota, uptime):
    b = (text(cname) + image_id + varint(size) + bytes([state, run_on_boot]) + svarint(exit_code) + text(reason)
         + varint(memory) + varint(quota) + varint(uptime))
    entries[vector] = b
    emit("entry", vector, name=shx(cname), image_id=image_id.hex(), size=size, state=state, run_on_boot=run_on_boot,
         exit_code=exit_code, reason=shx(reason), memory=memory, quota=quota, uptime=uptime)


entry("e-blink-running", "blink", ID_BLINK, 1234, 1, 1, 0, "", 2048, 16384, 123456789012)
entry("e-hello-exited", "hello", ID_HELLO, 320, 3, 0, 0, "exited with code 0", 0, 16384, 0)
entry("e-crash", "crashy", ID_HELLO, 99, 4, 0, -1, "uncaught exception: division by zero", 0, 8192, 0)
entry("e-new", "fresh", bytes(16), 16, 0, 0, 0, "", 0, 0, 0)

message("list-empty", "list-result", varint(0) + varint(0), request=11, total=0, entries="-")
names = ["e-blink-running", "e-hello-exited", "e-crash", "e-new"]
message("list-result", "list-result", varint(6) + varint(4) + b"".join(entries[n] for n in names), request=11,
        total=6, entries=",".join(names))

# --- events ---
message("started", "started", text("blink") + ID_BLINK, name=shx("blink"), image_id=ID_BLINK.hex())
message("exited-normally", "exited", text("hello") + svarint(0) + bytes([0]) + text("exited with code 0") + varint(0),
        name=shx("hello"), exit_code=0, kind=0, reason=shx("exited with code 0"), trace="-")
trace = [(3, 17), (0, 200), (70000, 5)]
message("exited-exception", "exited",
        text("crashy") + svarint(-1) + bytes([1]) + text("uncaught exception: division by zero")
        + varint(len(trace)) + b"".join(varint(m) + varint(o) for m, o in trace),
        name=shx("crashy"), exit_code=-1, kind=1, reason=shx("uncaught exception: division by zero"),
        trace=",".join(f"{m}:{o}" for m, o in trace))
message("exited-code-big", "exited", text("x") + svarint(-(2**63)) + bytes([0]) + text("") + varint(0),
        name=shx("x"), exit_code=-(2**63), kind=0, reason="-", trace="-")

# --- console channel ---
def console(vector, stream, cname, txt):
    emit("console", vector, stream=stream, name=shx(cname), text=shx(txt),
         bytes=(bytes([stream]) + text(cname) + txt.encode("utf-8")).hex())


console("console-stdout", 0, "blink", "on\n")
console("console-stderr", 1, "blink", "warning: LED busy\n")
console("console-system", 2, "", "eave 0.1.0 booted; 2 containers start on boot\n")

# --- malformed requests: the device answers ERROR with this code and request id ---
def malformed(name, b, code):
    """`request`: the id the ERROR answer carries (the varint after the type, 0 when unreadable)."""
    rid = 0
    if len(b) >= 2:
        value, shift, ok = 0, 0, False
        for i, byte in enumerate(b[1:6]):
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                ok = (i == 0 or byte != 0) and value < 2**32
                break
        rid = value if ok else 0
    emit("malformed", name, bytes=hx(b), request=rid, error=code)


malformed("empty", b"", 1)
malformed("unknown-type", bytes([0x3E]) + varint(5), 2)
malformed("response-type", bytes([0x40]) + varint(5), 2)
malformed("truncated-id", bytes([0x01, 0x80]), 1)
malformed("overlong-varint", bytes([0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), 1)
malformed("non-minimal-varint", bytes([0x01, 0x85, 0x00]), 1)
malformed("id-too-large", bytes([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F]), 1)
malformed("trailing-byte", bytes([0x04, 0x09, 0x00]), 1)
malformed("name-truncated", bytes([0x08, 0x01, 0x05]) + b"bli", 1)
malformed("name-empty", bytes([0x08, 0x01, 0x00]), 1)
malformed("name-too-long", bytes([0x08, 0x01]) + text("a" * 32), 1)
malformed("name-bad-utf8", bytes([0x08, 0x01, 0x02, 0xC3, 0x28]), 1)
malformed("name-control-char", bytes([0x08, 0x01]) + text("a\nb"), 1)
malformed("data-too-long", bytes([0x03, 0x01, 0x00]) + blob(bytes(497)), 1)
malformed("data-length-past-end", bytes([0x03, 0x01, 0x00, 0x10, 0x01]), 1)
malformed("crc-truncated", bytes([0x02, 0x01]) + text("a") + varint(10) + b"\x00\x00", 1)
malformed("flag-not-boolean", bytes([0x0A, 0x01]) + text("a") + bytes([2]), 1)
malformed("too-many-args", bytes([0x07, 0x01]) + text("a") + varint(9) + text("x") * 9, 1)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "management-vectors.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines) - 2} vectors")
