package org.minyi.platform;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reference numbers people read out on the phone: a prefix, the day, and five random characters
 * without look-alikes ({@code SQ20261129-R2W67}). Not guessable; unique by the table's constraint —
 * the rare clash of two random parts on one day is met by drawing again. The insert must skip a taken
 * reference ({@code on conflict do nothing}) rather than fail: on PostgreSQL a failed statement would
 * spoil the caller's whole transaction.
 */
public final class References {

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int ATTEMPTS = 3;

	private References() {
	}

	/**
	 * Inserts a row under a fresh reference.
	 *
	 * @param insert inserts with the reference given and returns the new id, or empty when the reference was taken
	 */
	public static long insertWithNew(String prefix, LocalDate day, Function<String, OptionalLong> insert) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			OptionalLong id = insert.apply(next(prefix, day));
			if (id.isPresent()) {
				return id.getAsLong();
			}
		}
		throw new IllegalStateException("no free " + prefix + " reference after " + ATTEMPTS + " draws");
	}

	static String next(String prefix, LocalDate day) {
		StringBuilder reference = new StringBuilder(prefix).append(DateTimeFormatter.BASIC_ISO_DATE.format(day)).append('-');
		for (int i = 0; i < 5; i++) {
			reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return reference.toString();
	}
}
