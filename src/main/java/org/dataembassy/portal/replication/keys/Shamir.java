package org.dataembassy.portal.replication.keys;

import java.security.SecureRandom;

/**
 * Shamir secret sharing over GF(2^8) with the AES polynomial x^8+x^4+x^3+x+1, byte-wise.
 * Share x-coordinates are 1..255; the secret is the polynomial's value at 0.
 */
public final class Shamir {
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x ^= (x << 1) ^ ((x & 0x80) != 0 ? 0x11B : 0); // multiply by generator 3
            x &= 0xFF;
        }
        for (int i = 255; i < 512; i++) {
            EXP[i] = EXP[i - 255];
        }
    }

    private Shamir() {
    }

    static int mul(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(256)");
        }
        return a == 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
    }

    /** Returns {@code n} share payloads; share i (0-based) is the polynomial at x = i + 1. */
    public static byte[][] split(byte[] secret, int m, int n, SecureRandom random) {
        if (m < 2 || n < m || n > 255) {
            throw new IllegalArgumentException("need 2 <= M <= N <= 255, got M=" + m + " N=" + n);
        }
        byte[][] shares = new byte[n][secret.length];
        int[] coeff = new int[m];
        for (int b = 0; b < secret.length; b++) {
            coeff[0] = secret[b] & 0xFF;
            for (int c = 1; c < m; c++) {
                coeff[c] = random.nextInt(256);
            }
            for (int i = 0; i < n; i++) {
                int x = i + 1;
                int y = 0;
                for (int c = m - 1; c >= 0; c--) {
                    y = mul(y, x) ^ coeff[c];
                }
                shares[i][b] = (byte) y;
            }
        }
        return shares;
    }

    /** Lagrange interpolation at 0 from distinct x-coordinates {@code xs} (1..255). */
    public static byte[] combine(int[] xs, byte[][] ys) {
        int len = ys[0].length;
        byte[] secret = new byte[len];
        for (int b = 0; b < len; b++) {
            int acc = 0;
            for (int i = 0; i < xs.length; i++) {
                int num = 1;
                int den = 1;
                for (int j = 0; j < xs.length; j++) {
                    if (i != j) {
                        num = mul(num, xs[j]);
                        den = mul(den, xs[i] ^ xs[j]);
                    }
                }
                acc ^= mul(ys[i][b] & 0xFF, div(num, den));
            }
            secret[b] = (byte) acc;
        }
        return secret;
    }
}
