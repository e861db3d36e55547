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
	/** To the district: a task is a week or more overdue. */
	ESCALATED;

	public String messageKey() {
		return "workplan.notice." + name();
	}
}
