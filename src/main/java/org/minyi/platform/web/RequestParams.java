package org.minyi.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Lenient reading of optional filter parameters: an unknown enum name or a malformed date is "no
 * value", so a tampered or outdated link shows an unfiltered page instead of an error.
 */
public final class RequestParams {

	private RequestParams() {
	}

	public static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	public static LocalDate date(String value, LocalDate fallback) {
		LocalDate date = date(value);
		return date == null ? fallback : date;
	}

	public static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
