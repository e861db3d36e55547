package org.minyi.workplan;

/** Why a user is told about a task. */
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
	ESCALATED;

	/** Whether users of the role receive notices of this kind (the recipients {@link Notices} chooses). */
	public boolean reaches(String roleName) {
		return switch (this) {
			case SUBMITTED -> "DISTRICT_ADMIN".equals(roleName);
			case ESCALATED -> "DISTRICT_ADMIN".equals(roleName) || "LEADER".equals(roleName);
			default -> "UNIT_OFFICER".equals(roleName);
		};
	}

	/** Submissions come in bulk near a deadline: the district reads them in the app unless it asks for mail. */
	public boolean emailByDefault() {
		return this != SUBMITTED;
	}

	public String messageKey() {
		return "workplan.notice." + name();
	}
}
