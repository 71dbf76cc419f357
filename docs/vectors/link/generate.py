#!/usr/bin/env python3
"""Writes link-vectors.txt: byte-level vectors of the device link (docs/link-protocol.md).

Uses only Python's zlib (CRC-32), hashlib and hmac, so the vectors come from an implementation
independent of the C (firmware/link) and Java (toolchain/link) ones that are tested against them.
Run it from anywhere: python3 docs/vectors/link/generate.py
"""
import hashlib
import hmac
import os
import struct
import zlib

SYNC = b"\xEA\x5E"
ACK, NACK, RESET = 0x01, 0x02, 0x04


def frame(flags, channel, seq, payload):
    header = struct.pack("<BBBH", flags, channel, seq, len(payload))
    hcheck = zlib.crc32(header) & 0xFF
    body = header + bytes([hcheck]) + payload
    crc = zlib.crc32(body)  # flags through payload, the header check included
    return SYNC + body + struct.pack("<I", crc)


def text(s):
    b = s.encode("utf-8")
    return bytes([len(b)]) + b


lines = ["# Device link vectors (docs/link-protocol.md), written by generate.py. KIND NAME key=value..."]


def emit(kind, vector_name, **fields):
    parts = [kind, vector_name] + [f"{k.replace('_', '-')}={v}" for k, v in fields.items()]
    lines.append(" ".join(parts))


frames = {}


def add_frame(name, flags, channel, seq, payload):
    b = frame(flags, channel, seq, payload)
    frames[name] = b
    emit("frame", name, flags=f"{flags:02x}", channel=f"{channel:02x}", seq=f"{seq:02x}",
         payload=payload.hex() or "-", bytes=b.hex())


add_frame("console-hello", 0x00, 2, 0, b"hello\n")
add_frame("control-empty", 0x00, 0, 255, b"")
add_frame("ack-7", ACK, 1, 7, b"")
add_frame("nack", NACK, 0, 0, b"")
add_frame("reset", RESET, 0, 0, struct.pack("<I", 0x12345678))
add_frame("reset-ack", RESET | ACK, 0, 0, struct.pack("<I", 0x12345678))
add_frame("debug-sync-bytes", 0x00, 3, 42, bytes([0xEA, 0x5E, 0xEA, 0x5E, 0x00]))
add_frame("management-max", 0x00, 1, 128, bytes(i & 0xFF for i in range(512)))

def reference_decode(data):
    """The decoding steps of the protocol document, written plainly: (frames, corrupt count)."""
    found, corrupt, buf = [], 0, bytearray(data)
    while buf:
        if buf[0] != 0xEA:
            del buf[0]
            continue
        if len(buf) < 2:
            break
        if buf[1] != 0x5E:
            del buf[0]
            continue
        if len(buf) < 8:
            break
        length = buf[5] | buf[6] << 8
        if zlib.crc32(bytes(buf[2:7])) & 0xFF != buf[7] or length > 512:
            corrupt += 1
            del buf[0]
            continue
        if len(buf) < 12 + length:
            break
        if zlib.crc32(bytes(buf[2:8 + length])) != struct.unpack("<I", bytes(buf[8 + length:12 + length]))[0]:
            corrupt += 1
            del buf[0]
            continue
        found.append(bytes(buf[:12 + length]))
        del buf[:12 + length]
    return found, corrupt


# Streams: what a decoder must find in a byte stream with garbage and damage.
def stream(name, data, names, corrupt):
    got, got_corrupt = reference_decode(data)
    assert got == [frames[n] for n in names] and got_corrupt == corrupt, (name, len(got), got_corrupt)
    emit("stream", name, bytes=data.hex(), frames=",".join(names) or "-", corrupt=str(corrupt))

a, b = frames["console-hello"], frames["ack-7"]
stream("two-frames", a + b, ["console-hello", "ack-7"], 0)
stream("garbage-between", b"\x00\xEA\x11" + a + b"\xEA\xEA\x5E" + b, ["console-hello", "ack-7"], 1)
flipped = bytearray(a); flipped[10] ^= 0x40
stream("corrupt-payload-then-good", bytes(flipped) + b, ["ack-7"], 1)
stream("truncated-then-good", a[:9] + b, ["ack-7"], 1)
bad_length = bytearray(a); bad_length[5] = 0xFF; bad_length[6] = 0x7F
stream("bad-length-then-good", bytes(bad_length) + b, ["ack-7"], 1)
stream("frame-inside-payload", frames["debug-sync-bytes"], ["debug-sync-bytes"], 0)
stream("only-garbage", bytes(range(0, 0xEA)), [], 0)

# SHA-256 (FIPS 180-2 examples) and HMAC-SHA256 (RFC 4231 test cases 1, 2, 6).
for name, msg in [("empty", b""), ("abc", b"abc"),
                  ("two-blocks", b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                  ("million-a", None)]:
    if msg is None:
        digest = hashlib.sha256(b"a" * 1000000).hexdigest()
        emit("sha256", name, message="61", repeat="1000000", digest=digest)
    else:
        emit("sha256", name, message=msg.hex() or "-", repeat="1", digest=hashlib.sha256(msg).hexdigest())

for name, key, msg in [
    ("rfc4231-1", b"\x0b" * 20, b"Hi There"),
    ("rfc4231-2", b"Jefe", b"what do ya want for nothing?"),
    ("rfc4231-6", b"\xaa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First"),
]:
    emit("hmac", name, key=key.hex(), message=msg.hex(), mac=hmac.new(key, msg, hashlib.sha256).hexdigest())

# The authentication MAC.
secret = "correct horse battery staple"
device_id = hashlib.sha256(b"eave-sim:sim").digest()[:8]
challenge = bytes(range(16))
mac = hmac.new(secret.encode(), b"eave-link-auth-1" + device_id + challenge, hashlib.sha256).digest()
emit("auth", "sim", secret=secret.encode().hex(), device_id=device_id.hex(), challenge=challenge.hex(), mac=mac.hex())

# Control messages.
hello = (bytes([0x02]) + struct.pack("<HB", 1, 0x01) + device_id + challenge
         + text("0.1.0") + text("sim") + text("host (Linux simulator)"))
emit("hello", "sim", protocol="1", flags="1", device_id=device_id.hex(), challenge=challenge.hex(),
     firmware=b"0.1.0".hex(), name=b"sim".hex(), board=b"host (Linux simulator)".hex(), payload=hello.hex())
emit("control", "hello-request", payload=(bytes([0x01]) + struct.pack("<H", 1)).hex())
emit("control", "auth", payload=(bytes([0x03]) + mac).hex())
emit("control", "auth-ok", payload="04")
refusal = "wrong secret for device 'sim'"
emit("refused", "wrong-secret", reason="1", message=refusal.encode().hex(),
     payload=(bytes([0x05, 1]) + text(refusal)).hex())

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "link-vectors.txt"), "w") as out:
    out.write("\n".join(lines) + "\n")
