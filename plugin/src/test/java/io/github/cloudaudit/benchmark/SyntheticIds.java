package io.github.cloudaudit.benchmark;

import java.util.Locale;

/**
 * Deterministic, unique, realistic-looking cloud ids. An id is a bijective scramble of (kind, region, number), so two
 * different inputs of the same kind can never produce the same id, and the same input always produces the same one.
 */
final class SyntheticIds {

    /** Id kinds: each kind is its own id space. */
    static final int INSTANCE = 1;
    static final int VOLUME = 2;
    static final int NETWORK_INTERFACE = 3;
    static final int IMAGE = 5;
    static final int SECURITY_GROUP = 6;
    static final int VPC = 7;
    static final int SUBNET = 8;
    static final int RESERVATION = 9;
    static final int FLOW_LOG = 10;
    static final int DETECTOR = 11;

    private SyntheticIds() {
    }

    /** 16 hex digits, e.g. {@code 3f9a0c...}; prefixed with "0" it has the 17 digits of current AWS ids. */
    static String hex(int kind, int region, long number) {
        long input = ((long) kind << 56) | ((long) region << 44) | (number & 0xFFF_FFFF_FFFFL);
        return String.format(Locale.ROOT, "%016x", scramble(input));
    }

    /** An AWS-style id: prefix, dash, "0" and 16 hex digits, e.g. {@code i-0a1b...}. */
    static String aws(String prefix, int kind, int region, long number) {
        return prefix + "-0" + hex(kind, region, number);
    }

    /** A seed for the random facts of one item, different for every (kind, region, number). */
    static long seed(int kind, int region, long number) {
        return scramble(scramble(((long) kind << 56) | ((long) region << 44) | number) ^ 0x5DEECE66DL);
    }

    /** The SplitMix64 finalizer: xor-shifts and multiplications by odd constants, each step a bijection. */
    private static long scramble(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
