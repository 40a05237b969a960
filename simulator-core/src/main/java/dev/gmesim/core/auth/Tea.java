package dev.gmesim.core.auth;

import java.util.Random;

/**
 * TEA with 16 rounds (delta 0x9e3779b9, key and blocks read as big-endian u32s) and Tencent's
 * {@code symmetry_encrypt} chaining, as docs/gme-fidelity-notes.md A.8 describes them. Written
 * from that description; the Python script in the test resources is a second reading of it.
 */
final class Tea {
  private static final int DELTA = 0x9e3779b9;
  private static final int ROUNDS = 16;
  /** The random salt after the padding. */
  private static final int SALT = 2;
  /** The zero bytes after the body, which decryption checks. */
  private static final int ZEROS = 7;
  /** The shortest ciphertext: two blocks hold the header byte, the salt and the zeros. */
  static final int MIN_CIPHERTEXT = 16;

  private final int k0;
  private final int k1;
  private final int k2;
  private final int k3;

  Tea(byte[] key) {
    k0 = readInt(key, 0);
    k1 = readInt(key, 4);
    k2 = readInt(key, 8);
    k3 = readInt(key, 12);
  }

  /** Encrypts {@code body}: header byte, padding, salt, body, seven zeros, each block chained on the last ciphertext. */
  byte[] encrypt(byte[] body, Random random) {
    int unpadded = 1 + SALT + body.length + ZEROS;
    int pad = (8 - unpadded % 8) % 8;
    byte[] plain = new byte[unpadded + pad];
    // The low three bits of the first byte carry the padding length; the rest is random.
    plain[0] = (byte) ((random.nextInt(256) & 0xF8) | pad);
    int at = 1;
    for (int i = 0; i < pad + SALT; i++) {
      plain[at++] = (byte) random.nextInt(256);
    }
    System.arraycopy(body, 0, plain, at, body.length);
    // The trailing zeros are already there: a new array is all zeros.
    byte[] out = new byte[plain.length];
    byte[] block = new byte[8];
    for (int off = 0; off < plain.length; off += 8) {
      for (int j = 0; j < 8; j++) {
        // Zero IV for the first block, then the previous ciphertext block.
        block[j] = (byte) (plain[off + j] ^ (off == 0 ? 0 : out[off - 8 + j]));
      }
      encryptBlock(block, out, off);
    }
    return out;
  }

  /** Decrypts a ciphertext and returns its body, or null when the length, padding or zeros are wrong (another key). */
  byte[] decrypt(byte[] cipher) {
    if (cipher.length < MIN_CIPHERTEXT || cipher.length % 8 != 0) {
      return null;
    }
    byte[] plain = new byte[cipher.length];
    byte[] block = new byte[8];
    for (int off = 0; off < cipher.length; off += 8) {
      decryptBlock(cipher, off, block);
      for (int j = 0; j < 8; j++) {
        plain[off + j] = (byte) (block[j] ^ (off == 0 ? 0 : cipher[off - 8 + j]));
      }
    }
    int pad = plain[0] & 0x07;
    int start = 1 + pad + SALT;
    int end = plain.length - ZEROS;
    if (end < start) {
      return null;
    }
    for (int i = end; i < plain.length; i++) {
      if (plain[i] != 0) {
        return null;
      }
    }
    byte[] body = new byte[end - start];
    System.arraycopy(plain, start, body, 0, body.length);
    return body;
  }

  private void encryptBlock(byte[] in, byte[] out, int outOff) {
    int y = readInt(in, 0);
    int z = readInt(in, 4);
    int sum = 0;
    for (int i = 0; i < ROUNDS; i++) {
      sum += DELTA;
      y += ((z << 4) + k0) ^ (z + sum) ^ ((z >>> 5) + k1);
      z += ((y << 4) + k2) ^ (y + sum) ^ ((y >>> 5) + k3);
    }
    writeInt(out, outOff, y);
    writeInt(out, outOff + 4, z);
  }

  private void decryptBlock(byte[] in, int inOff, byte[] out) {
    int y = readInt(in, inOff);
    int z = readInt(in, inOff + 4);
    int sum = DELTA * ROUNDS;
    for (int i = 0; i < ROUNDS; i++) {
      z -= ((y << 4) + k2) ^ (y + sum) ^ ((y >>> 5) + k3);
      y -= ((z << 4) + k0) ^ (z + sum) ^ ((z >>> 5) + k1);
      sum -= DELTA;
    }
    writeInt(out, 0, y);
    writeInt(out, 4, z);
  }

  private static int readInt(byte[] b, int off) {
    return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
  }

  private static void writeInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
