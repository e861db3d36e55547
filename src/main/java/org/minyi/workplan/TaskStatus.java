package org.minyi.workplan;

import java.util.EnumSet;
import java.util.Set;

/** Where a task stands. DONE and CANCELLED are final. */
public enum TaskStatus {

	ASSIGNED, IN_PROGRESS, SUBMITTED, RETURNED, DONE, CANCELLED;

	/** Still the unit's to do: counts as overdue once its due date has passed. */
	public static final Set<TaskStatus> WITH_UNIT = EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED);

	public boolean open() {
		return this != DONE && this != CANCELLED;
	}

	public String messageKey() {
		return "workplan.status." + name();
	}
}
