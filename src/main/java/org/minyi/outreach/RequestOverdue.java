package org.minyi.outreach;

import java.util.Optional;

import org.minyi.notices.Announcement;

/** A request's answer is past its deadline (found by the daily job the day after). */
public record RequestOverdue(RequestRef request) implements RequestNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return announce(RequestNotices.OVERDUE, "late");
	}
}
