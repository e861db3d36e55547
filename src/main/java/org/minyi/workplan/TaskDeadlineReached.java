package org.minyi.workplan;

import java.time.LocalDate;
import java.util.Optional;

import org.minyi.notices.Announcement;

/**
 * A task still with its unit has reached a point of its deadline on {@code day}: due in three days,
 * overdue, or a week overdue (escalated to the district and the unit's leaders).
 */
public record TaskDeadlineReached(Stage stage, long taskId, long unitId, String title, LocalDate dueDate, LocalDate day)
		implements TaskNoticeEvent {

	public enum Stage {
		DUE_SOON, OVERDUE, ESCALATED
	}

	@Override
	public Optional<Announcement> announcement() {
		return announce(switch (stage) {
			case DUE_SOON -> TaskNotices.DUE_SOON;
			case OVERDUE -> TaskNotices.OVERDUE;
			case ESCALATED -> TaskNotices.ESCALATED;
		}, day.toString());
	}
}
