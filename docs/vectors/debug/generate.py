#!/usr/bin/env python3
"""Writes debug-vectors.txt: byte-level vectors of the debug agent's protocol
(docs/debug-protocol.md), read by the Java tests (toolchain/debug) and the C agent's tests
(vm-debug-agent). Plain Python, an encoder independent of both. See README.md for the format.
Run it from anywhere: python3 docs/vectors/debug/generate.py
"""
import os
import struct

TYPES = {
    # requests
    "attach": 1, "detach": 2, "set-breakpoint": 3, "clear-breakpoint": 4, "set-exception-stops": 5,
    "pause": 6, "continue": 7, "step": 8, "tasks": 9, "stack": 10, "locals": 11, "object": 12,
    "globals": 13,
    # responses
    "ok": 14, "error": 15, "attached": 16, "breakpoint-set": 17, "task-list": 18, "frames": 19,
    "values": 20,
    # events (request id 0)
    "stopped": 32, "continued": 33, "exited": 34,
}


def varint(n):
    assert 0 <= n <= 0xFFFFFFFF
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
    assert -(1 << 63) <= n < (1 << 63)
    z = ((n << 1) ^ (n >> 63)) & 0xFFFFFFFFFFFFFFFF
    out = bytearray()
    while True:
        b = z & 0x7F
        z >>= 7
        if z:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def text(s):
    b = s.encode("utf-8")
    return varint(len(b)) + b


def hx(b):
    return b.hex() if b else "-"


def shx(s):
    return hx(s.encode("utf-8"))


# Values: (python encoding, text form)
def v_null():
    return bytes([0]), "null"


def v_bool(b):
    return bytes([1 if b else 2]), "true" if b else "false"


def v_int(n):
    return bytes([3]) + svarint(n), f"int:{n}"


def v_float(x):
    raw = struct.pack("<d", x)
    return bytes([4]) + raw, f"float:{raw.hex()}"


def v_string(ref, full):
    b = full.encode("utf-8")
    prefix = b[:64]
    while True:  # cut at a character boundary
        try:
            prefix.decode("utf-8")
            break
        except UnicodeDecodeError:
            prefix = prefix[:-1]
    return bytes([5]) + varint(ref) + varint(len(b)) + varint(len(prefix)) + prefix, \
        f"string:{ref}:{len(b)}:{hx(prefix)}"


def v_object(ref, cls, size):
    return bytes([6]) + varint(ref) + varint(cls) + varint(size), f"object:{ref}:{cls}:{size}"


lines = ["# Debug protocol vectors (docs/debug-protocol.md), written by generate.py; see README.md.",
         "# KIND NAME key=value...; strings are hex of their UTF-8, '-' is empty; numbers decimal."]


def emit(kind, vector, /, **fields):
    lines.append(" ".join([kind, vector] + [f"{k.replace('_', '-')}={v}" for k, v in fields.items()]))


def message(vector, type_name, body, /, request=0, **fields):
    raw = bytes([TYPES[type_name]]) + varint(request) + body
    keys = {"type": type_name, "request": request}
    keys.update(fields)
    keys["bytes"] = raw.hex()
    emit("message", vector, **keys)
    return raw


IMAGE_ID = bytes.fromhex("9f86d081884c7d659a2feaa0c55ad015")

# --- requests ---
message("attach", "attach", text("blink"), request=1, container=shx("blink"))
message("attach-utf8", "attach", text("café-über"), request=300, container=shx("café-über"))
message("detach", "detach", b"", request=2)
message("set-breakpoint", "set-breakpoint", varint(3) + varint(17), request=3, method=3, offset=17)
message("set-breakpoint-big", "set-breakpoint", varint(70000) + varint(0), request=0xFFFFFFFF, method=70000, offset=0)
message("clear-breakpoint", "clear-breakpoint", varint(1), request=4, breakpoint=1)
message("set-exception-stops-none", "set-exception-stops", bytes([0]), request=5, flags=0)
message("set-exception-stops-uncaught", "set-exception-stops", bytes([1]), request=6, flags=1)
message("set-exception-stops-all", "set-exception-stops", bytes([3]), request=7, flags=3)
message("pause", "pause", b"", request=8)
message("continue", "continue", b"", request=9)


def step(vector, request, task, mode, frame, ranges):
    body = varint(task) + bytes([mode]) + varint(frame) + varint(len(ranges))
    for a, b in ranges:
        body += varint(a) + varint(b)
    message(vector, "step", body, request=request, task=task, mode=mode, frame=frame,
            ranges=",".join(f"{a}-{b}" for a, b in ranges) or "-")


step("step-over", 10, 1, 1, 0, [(5, 12)])
step("step-in-two-ranges", 11, 2, 0, 0, [(0, 4), (130, 0xFFFFFFFF)])
step("step-out", 12, 1, 2, 0, [])
step("step-over-caller-frame", 13, 1, 1, 2, [(40, 52)])
message("tasks", "tasks", b"", request=14)
message("stack", "stack", varint(1) + varint(0) + varint(20), request=15, task=1, start=0, count=20)
message("stack-page", "stack", varint(1) + varint(20) + varint(20), request=16, task=1, start=20, count=20)
message("locals", "locals", varint(1) + varint(0) + varint(0) + varint(8), request=17, task=1, frame=0, start=0, count=8)
message("locals-page", "locals", varint(3) + varint(2) + varint(8) + varint(4), request=18, task=3, frame=2, start=8, count=4)
message("object", "object", varint(7) + varint(0) + varint(32), request=19, reference=7, start=0, count=32)
message("object-page", "object", varint(7) + varint(1000) + varint(100), request=20, reference=7, start=1000, count=100)
message("globals", "globals", varint(0) + varint(16), request=21, start=0, count=16)

# --- responses ---
message("ok", "ok", b"", request=9)
message("error-not-stopped", "error", varint(4) + text("the container is running: pause it first"), request=15,
        code=4, message=shx("the container is running: pause it first"))
message("error-utf8", "error", varint(2) + text("no container named 'café'"), request=1,
        code=2, message=shx("no container named 'café'"))
message("attached-running", "attached", varint(2) + varint(16) + IMAGE_ID + bytes([0]), request=1,
        container_id=2, image_id=IMAGE_ID.hex(), state=0)
message("attached-stopped", "attached", varint(0) + varint(16) + bytes(range(16, 32)) + bytes([1]), request=1,
        container_id=0, image_id=bytes(range(16, 32)).hex(), state=1)
message("attached-not-started", "attached", varint(300) + varint(16) + IMAGE_ID + bytes([2]), request=1,
        container_id=300, image_id=IMAGE_ID.hex(), state=2)
message("breakpoint-set", "breakpoint-set", varint(1), request=3, breakpoint=1)
message("task-list", "task-list", varint(3) + varint(1) + bytes([3]) + varint(2) + bytes([1]) + varint(200) + bytes([2]),
        request=14, tasks="1:3,2:1,200:2")
message("task-list-empty", "task-list", varint(0), request=14, tasks="-")
message("task-list-runnable", "task-list", varint(1) + varint(1) + bytes([0]), request=14, tasks="1:0")
frames = [(3, 17), (0, 200), (70000, 5)]
message("frames", "frames", varint(3) + varint(3) + b"".join(varint(m) + varint(o) for m, o in frames), request=15,
        total=3, frames=",".join(f"{m}:{o}" for m, o in frames))
message("frames-page", "frames", varint(45) + varint(1) + varint(9) + varint(1), request=16, total=45, frames="9:1")
message("frames-none", "frames", varint(45) + varint(0), request=16, total=45, frames="-")


def values(vector, request, vs):
    body = varint(len(vs)) + b"".join(v[0] for v in vs)
    message(vector, "values", body, request=request, values=",".join(v[1] for v in vs) or "-")


values("values-empty", 17, [])
values("values-scalars", 17, [v_null(), v_bool(True), v_bool(False), v_int(0), v_int(5), v_int(-1), v_int(-64),
                              v_int(64)])
values("values-int-limits", 17, [v_int(-(1 << 63)), v_int((1 << 63) - 1), v_int(1 << 40)])
values("values-floats", 17, [v_float(1.5), v_float(-0.0), v_float(3.141592653589793)])
values("values-strings", 17, [v_string(0, ""), v_string(4, "hello"), v_string(9, "héllo wörld")])
values("values-string-long", 19, [v_string(12, "x" * 200)])
values("values-string-cut-utf8", 19, [v_string(13, "a" + "é" * 40)])
values("values-objects", 19, [v_object(7, 3, 2), v_object(8, 7, 512), v_object(300, 70000, 0)])
values("values-bytes-as-ints", 19, [v_int(b) for b in b"\x00\x01\x7f\x80\xff"])

# --- events ---


def stopped(vector, task, reason, bp, exc, uncaught):
    body = varint(task) + bytes([reason]) + varint(bp) + exc[0] + bytes([uncaught])
    message(vector, "stopped", body, task=task, reason=reason, breakpoint=bp, exception=exc[1], uncaught=uncaught)


stopped("stopped-entry", 1, 0, 0, v_null(), 0)
stopped("stopped-breakpoint", 1, 1, 2, v_null(), 0)
stopped("stopped-step", 3, 2, 0, v_null(), 0)
stopped("stopped-pause", 1, 3, 0, v_null(), 0)
stopped("stopped-exception-uncaught", 1, 4, 0, v_object(5, 11, 2), 1)
stopped("stopped-exception-caught-string", 2, 4, 0, v_string(6, "OUT_OF_BOUNDS"), 0)
message("continued", "continued", b"")
message("exited-zero", "exited", svarint(0) + text(""), code=0, reason="-")
message("exited-exception", "exited", svarint(-1) + text("uncaught exception: division by zero"),
        code=-1, reason=shx("uncaught exception: division by zero"))
message("exited-big", "exited", svarint(-(1 << 63)) + text("x"), code=-(1 << 63), reason=shx("x"))


# --- malformed: every one must be refused (the agent answers ERROR BAD_REQUEST with `request`) ---
def malformed(vector, raw, request):
    emit("malformed", vector, bytes=hx(raw), request=request, error=1)


malformed("empty", b"", 0)
malformed("truncated-id", bytes([1, 0x80]), 0)
malformed("overlong-varint", bytes([9, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), 0)
malformed("non-minimal-varint", bytes([9, 0x85, 0x00]), 0)
malformed("id-too-large", bytes([9, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F]), 0)
malformed("unknown-type", bytes([99, 5]), 5)
malformed("type-zero", bytes([0, 5]), 5)
malformed("response-type-ok", bytes([14, 5]), 5)
malformed("event-type-continued", bytes([33, 0]), 0)
malformed("trailing-byte", bytes([9, 5, 0]), 5)
malformed("attach-name-truncated", bytes([1, 5, 5]) + b"bli", 5)
malformed("attach-bad-utf8", bytes([1, 5, 2, 0xC3, 0x28]), 5)
malformed("set-breakpoint-no-offset", bytes([3, 5, 3]), 5)
malformed("exception-flags-unknown", bytes([5, 5, 4]), 5)
malformed("step-mode-unknown", bytes([8, 5, 1, 3, 0, 0]), 5)
malformed("step-ranges-truncated", bytes([8, 5, 1, 1, 0, 2, 0, 4]), 5)
malformed("locals-old-shape", bytes([11, 5, 1, 0]), 5)
malformed("object-no-count", bytes([12, 5, 7, 0]), 5)
malformed("clear-breakpoint-trailing", bytes([4, 5, 1, 1]), 5)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "debug-vectors.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines) - 2} vectors to {out}")
