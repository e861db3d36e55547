package org.minyi.workplan;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeKind;

/** A unit submitted its task (with evidence) for the district's review; {@code version} is the task's after it. */
public record TaskSubmitted(long taskId, long unitId, String title, LocalDate dueDate, int version)
		implements TaskNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return announce(TaskNotices.SUBMITTED, "v" + version);
	}

	@Override
	public Set<NoticeKind> settles() {
		return Set.of(TaskNotices.DUE_SOON, TaskNotices.OVERDUE, TaskNotices.RETURNED, TaskNotices.ESCALATED);
	}
}
