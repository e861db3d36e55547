package org.minyi.fieldwork;

import java.util.HexFormat;

/**
 * The numbers an import has already kept, by the first 128 bits of their keyed hash, in two
 * primitive arrays (open addressing): a million numbers take 32 MB and no object per number. A
 * frame is filled by exactly one file, so repeated numbers are found here instead of by a unique
 * index, whose maintenance on random keys was most of the import's time (ADR 0011). Two different
 * numbers share 128 bits of an HMAC-SHA256 with a probability of about 10⁻²⁷ in a million.
 */
final class SeenNumbers {

	private long[] high = new long[1 << 16];

	private long[] low = new long[1 << 16];

	private boolean[] used = new boolean[1 << 16];

	private int size;

	/** Adds the number's hash (hexadecimal, at least 32 digits); false when it was already there. */
	boolean add(String hexHash) {
		long h = HexFormat.fromHexDigitsToLong(hexHash, 0, 16);
		long l = HexFormat.fromHexDigitsToLong(hexHash, 16, 32);
		if (2 * (size + 1) > used.length) {
			grow();
		}
		return insert(h, l);
	}

	private boolean insert(long h, long l) {
		int mask = used.length - 1;
		for (int slot = (int) (l ^ (l >>> 32)) & mask; ; slot = (slot + 1) & mask) {
			if (!used[slot]) {
				used[slot] = true;
				high[slot] = h;
				low[slot] = l;
				size++;
				return true;
			}
			if (high[slot] == h && low[slot] == l) {
				return false;
			}
		}
	}

	private void grow() {
		long[] oldHigh = high;
		long[] oldLow = low;
		boolean[] oldUsed = used;
		high = new long[oldUsed.length * 2];
		low = new long[oldUsed.length * 2];
		used = new boolean[oldUsed.length * 2];
		size = 0;
		for (int i = 0; i < oldUsed.length; i++) {
			if (oldUsed[i]) {
				insert(oldHigh[i], oldLow[i]);
			}
		}
	}
}
