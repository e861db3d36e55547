package org.minyi.workplan;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.minyi.platform.BusinessRuleException;

/**
 * What can be done to a task, by whom, from which states, and where it leads. The unit starts and
 * submits; the district approves, returns with comments, or cancels with a reason.
 */
public enum TaskAction {

	START(EnumSet.of(TaskStatus.ASSIGNED), TaskStatus.IN_PROGRESS, false, false),
	SUBMIT(EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED), TaskStatus.SUBMITTED, false, false),
	APPROVE(EnumSet.of(TaskStatus.SUBMITTED), TaskStatus.DONE, true, false),
	RETURN(EnumSet.of(TaskStatus.SUBMITTED), TaskStatus.RETURNED, true, true),
	CANCEL(EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED, TaskStatus.RETURNED), TaskStatus.CANCELLED,
			true, true);

	private final Set<TaskStatus> from;

	private final TaskStatus to;

	private final boolean byDistrict;

	private final boolean needsComment;

	TaskAction(Set<TaskStatus> from, TaskStatus to, boolean byDistrict, boolean needsComment) {
		this.from = from;
		this.to = to;
		this.byDistrict = byDistrict;
		this.needsComment = needsComment;
	}

	/** The status after this action; refused when the task's status does not allow it. */
	public TaskStatus from(TaskStatus status) {
		if (!from.contains(status)) {
			throw BusinessRuleException.of("workplan.task.error.transition");
		}
		return to;
	}

	public boolean allowedFrom(TaskStatus status) {
		return from.contains(status);
	}

	/** Done by the district (reviewing) rather than by the unit the task belongs to. */
	public boolean byDistrict() {
		return byDistrict;
	}

	/** A comment (what to correct) or reason (why cancelled) is required. */
	public boolean needsComment() {
		return needsComment;
	}

	/** The action's name in the audit trail, e.g. {@code workplan.task.return}. */
	public String auditAction() {
		return "workplan.task." + name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "workplan.action." + name();
	}
}
