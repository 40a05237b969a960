#!/usr/bin/env python3
"""A second, independent reading of GME's auth buffer format (docs/gme-fidelity-notes.md A.8).

AuthBufferCrossCheckTest runs it with python3 and compares its bytes with the Java generator's, so a
misreading of the format in either shows. Randomness (padding, salt) comes from java.util.Random's
documented 48-bit LCG, reimplemented here, so the same seed gives the same bytes in both languages.

Input: one JSON object per line on stdin; output: one JSON object per line on stdout.
  {"op": "generate", "appId": 1400000000, "roomId": "lobby", "openId": "10001",
   "key": "<16 chars>", "expiry": 2100000000, "seed": 42}      -> {"buffer": "<hex>"}
  {"op": "decrypt", "buffer": "<hex>", "key": "<16 chars>"}     -> {"appId":..., "roomId":..., ...}
                                                                   or {"error": "..."}
"""
import json
import struct
import sys

MASK32 = 0xFFFFFFFF


class JavaRandom:
    """java.util.Random: seed scrambled with 0x5DEECE66D, next(bits) from a 48-bit LCG."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next_bits(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.seed >> (48 - bits)

    def byte(self):
        # nextInt(256): for a power-of-two bound Java returns (bound * next(31)) >> 31.
        return (256 * self.next_bits(31)) >> 31


def tea_encipher(block, k):
    y, z = struct.unpack(">II", block)
    total = 0
    for _ in range(16):
        total = (total + 0x9E3779B9) & MASK32
        y = (y + ((((z << 4) + k[0]) & MASK32) ^ ((z + total) & MASK32) ^ (((z >> 5) + k[1]) & MASK32))) & MASK32
        z = (z + ((((y << 4) + k[2]) & MASK32) ^ ((y + total) & MASK32) ^ (((y >> 5) + k[3]) & MASK32))) & MASK32
    return struct.pack(">II", y, z)


def tea_decipher(block, k):
    y, z = struct.unpack(">II", block)
    total = (0x9E3779B9 * 16) & MASK32
    for _ in range(16):
        z = (z - ((((y << 4) + k[2]) & MASK32) ^ ((y + total) & MASK32) ^ (((y >> 5) + k[3]) & MASK32))) & MASK32
        y = (y - ((((z << 4) + k[0]) & MASK32) ^ ((z + total) & MASK32) ^ (((z >> 5) + k[1]) & MASK32))) & MASK32
        total = (total - 0x9E3779B9) & MASK32
    return struct.pack(">II", y, z)


def xor8(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def symmetry_encrypt(body, key, rnd):
    k = struct.unpack(">IIII", key)
    pad = (8 - (1 + 2 + len(body) + 7) % 8) % 8
    head = bytes([(rnd.byte() & 0xF8) | pad]) + bytes(rnd.byte() for _ in range(pad + 2))
    plain = head + body + bytes(7)
    out = b""
    prev = bytes(8)
    for i in range(0, len(plain), 8):
        prev = tea_encipher(xor8(plain[i:i + 8], prev), k)
        out += prev
    return out


def symmetry_decrypt(cipher, key):
    if len(cipher) < 16 or len(cipher) % 8:
        raise ValueError("length %d" % len(cipher))
    k = struct.unpack(">IIII", key)
    plain = b""
    prev = bytes(8)
    for i in range(0, len(cipher), 8):
        plain += xor8(tea_decipher(cipher[i:i + 8], k), prev)
        prev = cipher[i:i + 8]
    pad = plain[0] & 7
    body = plain[1 + pad + 2:len(plain) - 7]
    if any(plain[-7:]) or 1 + pad + 2 > len(plain) - 7:
        raise ValueError("does not decrypt")
    return body


def layout(app_id, room_id, open_id, expiry):
    o = open_id.encode("utf-8")
    r = room_id.encode("utf-8")
    return (struct.pack(">BH", 1, len(o)) + o
            + struct.pack(">IIIIIH", app_id, 0, expiry, 0xFFFFFFFF, 0, len(r)) + r)


def parse(body):
    ver, olen = struct.unpack_from(">BH", body, 0)
    at = 3
    open_id = body[at:at + olen].decode("utf-8")
    at += olen
    app_id, _, expiry, _, _, rlen = struct.unpack_from(">IIIIIH", body, at)
    at += 22
    room_id = body[at:at + rlen].decode("utf-8")
    if ver != 1 or at + rlen != len(body):
        raise ValueError("not the layout")
    return {"appId": app_id, "roomId": room_id, "openId": open_id, "expiry": expiry}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        key = req["key"].encode("utf-8")
        if req["op"] == "generate":
            body = layout(req["appId"], req["roomId"], req["openId"], req["expiry"])
            out = {"buffer": symmetry_encrypt(body, key, JavaRandom(req["seed"])).hex()}
        else:
            try:
                out = parse(symmetry_decrypt(bytes.fromhex(req["buffer"]), key))
            except (ValueError, UnicodeDecodeError, struct.error) as e:
                out = {"error": str(e)}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
