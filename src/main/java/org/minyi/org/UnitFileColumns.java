package org.minyi.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The columns of the unit import/export file. Headers are the translated column names; an
 * import accepts headers in Chinese or English, in any order.
 */
enum UnitFileColumns {

	CODE(true), NAME(true), KIND(true), PARENT_CODE(true), LEADER_NAME(false), CONTACT_PHONE(false),
	POPULATION_TOTAL(false);

	static final List<Locale> HEADER_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	final boolean required;

	UnitFileColumns(boolean required) {
		this.required = required;
	}

	String messageKey() {
		return "unit.file.column." + name();
	}

	/** Headers of the template: the fixed columns, then one per population cell. */
	static List<String> headers(MessageSource messages, Locale locale) {
		List<String> headers = new ArrayList<>();
		for (UnitFileColumns column : values()) {
			headers.add(messages.getMessage(column.messageKey(), null, locale));
		}
		for (PopulationCell cell : PopulationCell.all()) {
			headers.add(populationHeader(messages, cell, locale));
		}
		return headers;
	}

	static String populationHeader(MessageSource messages, PopulationCell cell, Locale locale) {
		return messages.getMessage("unit.file.column.population",
				new Object[] { messages.getMessage(cell.gender().messageKey(), null, locale),
						messages.getMessage(cell.ageGroup().messageKey(), null, locale) },
				locale);
	}
}
