package org.minyi.outreach;

import java.time.LocalDate;

/** What an event says of its citizen request: the request, its unit (none before triage) and deadline, and its version after the step. */
public record RequestRef(long id, String reference, String title, Long unitId, LocalDate dueDate, int version) {
}
