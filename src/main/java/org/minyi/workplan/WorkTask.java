package org.minyi.workplan;

import java.time.Instant;
import java.time.LocalDate;

import org.minyi.platform.BusinessRuleException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A unit's task of a published plan and its lifecycle: the unit starts it (by adding evidence) and
 * submits it with evidence; the district approves it, returns it with what to correct, or cancels it
 * with a reason. Each step checks the task's status ({@link TaskAction}) and what it must record,
 * and returns the event it causes. The plan item it comes from (title, description) is the plan's.
 */
@Table("work_task")
class WorkTask {

	private static final int MAX_COMMENT = 1000;

	@Id
	private Long id;

	private long unitId;

	/** The plan item's title, joined in by {@link WorkTaskRepository#load}. */
	@ReadOnlyProperty
	private String title;

	private TaskStatus status;

	private LocalDate dueDate;

	private Instant submittedAt;

	private Instant closedAt;

	/** What the district said when it last returned or cancelled the task, or the unit when it submitted. */
	private String lastComment;

	@Version
	private Integer version;

	WorkTask() {
	}

	/**
	 * Takes the step and returns its event (none for starting).
	 *
	 * @param hasEvidence whether evidence is attached, which submitting needs
	 */
	TaskNoticeEvent act(TaskAction action, String comment, boolean hasEvidence, Instant now) {
		TaskStatus next = action.from(status);
		String given = comment == null || comment.isBlank() ? null : comment.strip();
		if (action.needsComment() && given == null) {
			throw new BusinessRuleException("comment", "workplan.task.error.comment");
		}
		if (given != null && given.length() > MAX_COMMENT) {
			throw new BusinessRuleException("comment", "workplan.task.error.commentLength");
		}
		if (action == TaskAction.SUBMIT && !hasEvidence) {
			throw BusinessRuleException.of("workplan.task.error.noEvidence");
		}
		// a submission clears the district's last word; other steps without a comment keep it
		lastComment = given != null ? given : next == TaskStatus.SUBMITTED ? null : lastComment;
		if (next == TaskStatus.SUBMITTED) {
			submittedAt = now;
		}
		if (!next.open()) {
			closedAt = now;
		}
		status = next;
		int saved = version + 1;
		return switch (next) {
			case SUBMITTED -> new TaskSubmitted(id, unitId, title, dueDate, saved);
			case RETURNED -> new TaskReturned(id, unitId, title, dueDate, saved, given);
			case DONE, CANCELLED -> new TaskClosed(id, unitId, title, dueDate, next);
			case ASSIGNED, IN_PROGRESS -> null;
		};
	}

	/** Refuses a step taken on a copy of the task older than this one (someone else moved it meanwhile). */
	void expectVersion(int seen) {
		if (version != seen) {
			throw BusinessRuleException.of("workplan.task.error.stale");
		}
	}

	Long id() {
		return id;
	}

	TaskStatus status() {
		return status;
	}

	String lastComment() {
		return lastComment;
	}
}
