package org.minyi.platform.personal;

import java.util.Locale;

/**
 * A resident identity card number (GB 11643-1999): 17 digits and a check character (a digit or X)
 * computed from them with weights 2^(17-i) mod 11. Refused when the length, the characters or the
 * check character are wrong, so a typo is caught at entry.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	/** Why a text is not an identity card number, as a message key. */
	public static final class Invalid extends Exception {

		private final String messageKey;

		Invalid(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}
	}

	public static IdNumber parse(String raw) throws Invalid {
		String text = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
		if (!text.matches("\\d{17}[\\dX]")) {
			throw new Invalid("idNumber.error.format");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (text.charAt(i) - '0') * WEIGHTS[i];
		}
		if (CHECK.charAt(sum % 11) != text.charAt(17)) {
			throw new Invalid("idNumber.error.check");
		}
		return new IdNumber(text);
	}

	/** The region code and the last four: {@code 110105********002X}. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}
}
