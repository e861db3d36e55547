package org.minyi.survey;

import java.util.List;

/** A page of the instrument (screening, scored items, demographics, ...). */
public record Section(String id, String title, List<Question> questions) {

	public Section {
		questions = List.copyOf(questions);
	}
}
