package org.minyi.platform.crypto;

/** Masks personal data for lists, logs and the audit trail. */
public final class Masking {

	private Masking() {
	}

	/** {@code 13812341234} becomes {@code 138****1234}; short values keep only their last character. */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String digits = phone.strip();
		if (digits.length() < 7) {
			return "*".repeat(digits.length() - 1) + digits.charAt(digits.length() - 1);
		}
		return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
	}

	/** A personal name keeps its first character and masks the rest, one star per character. */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String n = name.strip();
		return n.substring(0, n.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, n.codePointCount(0, n.length()) - 1));
	}
}
