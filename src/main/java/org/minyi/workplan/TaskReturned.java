package org.minyi.workplan;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeKind;

/** The district returned a submitted task to its unit with what to correct; {@code version} is the task's after it. */
public record TaskReturned(long taskId, long unitId, String title, LocalDate dueDate, int version, String comment)
		implements TaskNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return announce(TaskNotices.RETURNED, "v" + version);
	}

	@Override
	public Set<NoticeKind> settles() {
		return Set.of(TaskNotices.SUBMITTED);
	}
}
