package org.minyi.workplan;

/** Why a user is told about something: a task, a citizen request, a dispute. */
public enum NoticeKind {

	/** To the unit: the task is due in three days. */
	DUE_SOON,
	/** To the unit: the task is past its due date. */
	OVERDUE,
	/** To the unit: the district returned the task with comments. */
	RETURNED,
	/** To the district: a unit submitted a task for review. */
	SUBMITTED,
	/** To the district and the unit's leaders: a task is a week or more overdue. */
	ESCALATED,
	/** To the district: a resident sent a request through the public form; it waits to be assigned. */
	REQUEST_RECEIVED,
	/** To the unit: a citizen request was assigned to it. */
	REQUEST_ASSIGNED,
	/** To the unit: a request's answer is past its deadline. */
	REQUEST_OVERDUE,
	/** To the district: a unit answered a request; the resident is to be called back. */
	REQUEST_ANSWERED,
	/** To the unit: the resident was not satisfied with the answer and the request is open again. */
	REQUEST_REOPENED,
	/** To the district: a high-risk dispute was taken in. */
	DISPUTE_HIGH_RISK;

	/** Whether users of the role receive notices of this kind (the recipients {@link Notices} chooses). */
	public boolean reaches(String roleName) {
		if (this == ESCALATED) {
			return "DISTRICT_ADMIN".equals(roleName) || "LEADER".equals(roleName);
		}
		return forDistrict() ? "DISTRICT_ADMIN".equals(roleName) : "UNIT_OFFICER".equals(roleName);
	}

	/** Kinds told to the district's administrators rather than to a unit. */
	boolean forDistrict() {
		return this == SUBMITTED || this == REQUEST_RECEIVED || this == REQUEST_ANSWERED || this == DISPUTE_HIGH_RISK;
	}

	/**
	 * Submissions, new web requests and answers waiting for a call come in bulk: the district reads
	 * them in the app unless it asks for mail.
	 */
	public boolean emailByDefault() {
		return this != SUBMITTED && this != REQUEST_RECEIVED && this != REQUEST_ANSWERED;
	}

	public String messageKey() {
		return "workplan.notice." + name();
	}
}
