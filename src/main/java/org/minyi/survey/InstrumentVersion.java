package org.minyi.survey;

import java.time.Instant;

/** One stored version of an instrument with its parsed definition. */
public record InstrumentVersion(long id, String code, int version, String title, InstrumentStatus status,
		InstrumentDefinition definition, Instant createdAt, String createdBy, Instant publishedAt) {

	public boolean isDraft() {
		return status == InstrumentStatus.DRAFT;
	}
}
