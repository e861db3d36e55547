package org.minyi.platform.personal;

import java.util.regex.Pattern;

/**
 * A mainland Chinese telephone number in one canonical form: a mobile number as its 11 digits
 * ({@code 13812341234}), a landline as area code and local number ({@code 0571-81600569}).
 * Country prefixes (+86, 0086, 86), spaces, dashes, dots and brackets are removed; a landline
 * without its area code is refused, since a list covers several areas.
 */
public record PhoneNumber(String value, Kind kind) {

	public enum Kind {
		MOBILE, LANDLINE
	}

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\u3000]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	/** 010 and 02x have three-digit area codes and eight-digit local numbers; other areas four digits and seven or eight. */
	private static final Pattern LANDLINE = Pattern.compile("(010|02\\d)([2-9]\\d{7})|(0[3-9]\\d{2})([2-9]\\d{6,7})");

	private static final Pattern LOCAL_ONLY = Pattern.compile("[2-9]\\d{6,7}");

	/** Why a text is not a telephone number, as a message key. */
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

	public static PhoneNumber parse(String raw) throws Invalid {
		String digits = raw == null ? "" : SEPARATORS.matcher(raw.strip()).replaceAll("");
		if (digits.isEmpty()) {
			throw new Invalid("phone.error.empty");
		}
		digits = withoutCountryCode(digits);
		if (!digits.chars().allMatch(Character::isDigit)) {
			throw new Invalid("phone.error.notDigits");
		}
		if (MOBILE.matcher(digits).matches()) {
			return new PhoneNumber(digits, Kind.MOBILE);
		}
		var landline = LANDLINE.matcher(digits);
		if (landline.matches()) {
			return landline.group(1) != null ? new PhoneNumber(landline.group(1) + "-" + landline.group(2), Kind.LANDLINE)
					: new PhoneNumber(landline.group(3) + "-" + landline.group(4), Kind.LANDLINE);
		}
		if (LOCAL_ONLY.matcher(digits).matches()) {
			throw new Invalid("phone.error.noAreaCode");
		}
		throw new Invalid("phone.error.invalid");
	}

	private static String withoutCountryCode(String digits) {
		if (digits.startsWith("+86")) {
			return digits.substring(3);
		}
		if (digits.startsWith("0086")) {
			return digits.substring(4);
		}
		if (digits.startsWith("86") && digits.length() == 13 && digits.charAt(2) == '1') {
			return digits.substring(2);
		}
		return digits;
	}

	/** The number with its middle hidden: {@code 138****1234}, {@code 0571-****0569}. */
	public String masked() {
		int visibleStart = kind == Kind.MOBILE ? 3 : value.indexOf('-') + 1;
		return value.substring(0, visibleStart) + "****" + value.substring(value.length() - 4);
	}
}
