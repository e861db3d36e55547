package org.minyi.workplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.stream.Stream;

import org.minyi.platform.BusinessRuleException;

/**
 * One field of a ledger entry: its type decides how a typed or imported text is checked and
 * normalised (dates ISO, numbers plain, a choice by its code). Labels are message keys
 * {@code ledger.field.<name>}, choice options {@code ledger.option.<CODE>}.
 */
public record LedgerField(String name, Type type, boolean required, int maxLength, List<String> options) {

	public enum Type {
		TEXT, LONG_TEXT, DATE, COUNT, AMOUNT, PERCENT, YEAR, CHOICE
	}

	/**
	 * How people and Excel write dates: 2026-11-02, 2026/11/2, 2026.11.2, the Chinese form with
	 * year, month and day characters, and 11/2/26 (how a date cell with Excel's default format reads).
	 */
	private static final List<DateTimeFormatter> DATE_FORMATS = Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu\u5e74M\u6708d\u65e5", "M/d/uu")
		.map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)) // 2026-02-30 is refused, not moved to the 28th
		.toList();

	private static final long MAX_COUNT = 10_000_000;

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	static LedgerField text(String name, boolean required, int maxLength) {
		return new LedgerField(name, Type.TEXT, required, maxLength, List.of());
	}

	static LedgerField longText(String name) {
		return new LedgerField(name, Type.LONG_TEXT, false, 4000, List.of());
	}

	static LedgerField of(String name, Type type, boolean required) {
		return new LedgerField(name, type, required, 0, List.of());
	}

	static LedgerField choice(String name, String... options) {
		return new LedgerField(name, Type.CHOICE, true, 0, List.of(options));
	}

	public String messageKey() {
		return "ledger.field." + name;
	}

	public static String optionKey(String option) {
		return "ledger.option." + option;
	}

	/**
	 * The stored form of a value, or null for an empty optional one. Choice texts must already be
	 * codes (callers translate labels). Refusals name the field for the form.
	 */
	String normalise(String text, LocalDate today) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			if (required) {
				throw refusal("ledger.error.required");
			}
			return null;
		}
		return switch (type) {
			case TEXT, LONG_TEXT -> {
				if (value.length() > maxLength) {
					throw refusal("ledger.error.tooLong", String.valueOf(maxLength));
				}
				yield value;
			}
			case DATE -> date(value, today).toString();
			case COUNT -> String.valueOf(count(value));
			case AMOUNT -> decimal(value, MAX_AMOUNT, 2).toPlainString();
			case PERCENT -> decimal(value.endsWith("%") ? value.substring(0, value.length() - 1) : value, BigDecimal.valueOf(100), 1)
				.toPlainString();
			case YEAR -> {
				long year = count(value);
				if (year < 2000 || year > today.getYear() + 5) {
					throw refusal("ledger.error.year");
				}
				yield String.valueOf(year);
			}
			case CHOICE -> {
				if (!options.contains(value)) {
					throw refusal("ledger.error.choice");
				}
				yield value;
			}
		};
	}

	private LocalDate date(String value, LocalDate today) {
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				LocalDate date = LocalDate.parse(value, format);
				if (date.isAfter(today) || date.getYear() < 2000) {
					throw refusal("ledger.error.dateRange");
				}
				return date;
			}
			catch (DateTimeParseException e) {
				// try the next way of writing a date
			}
		}
		throw refusal("ledger.error.date");
	}

	private long count(String value) {
		try {
			long count = Long.parseLong(value);
			if (count < 0 || count > MAX_COUNT) {
				throw refusal("ledger.error.number");
			}
			return count;
		}
		catch (NumberFormatException e) {
			throw refusal("ledger.error.number");
		}
	}

	private BigDecimal decimal(String value, BigDecimal max, int scale) {
		try {
			BigDecimal number = new BigDecimal(value.replace(",", ""));
			if (number.signum() < 0 || number.compareTo(max) > 0 || number.scale() > scale) {
				throw refusal("ledger.error.decimal", scale);
			}
			return number.setScale(scale, RoundingMode.UNNECESSARY);
		}
		catch (NumberFormatException e) {
			throw refusal("ledger.error.decimal", scale);
		}
	}

	private BusinessRuleException refusal(String key, Object... arguments) {
		return new BusinessRuleException(name, key, arguments);
	}
}
