package org.minyi.outreach;

import java.util.Optional;
import java.util.Set;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeKind;

/** The district gave a request to a unit (or to another one), which owes an answer by the deadline. */
public record RequestAssigned(RequestRef request) implements RequestNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return announce(RequestNotices.ASSIGNED, "v" + request.version());
	}

	@Override
	public Set<NoticeKind> settles() {
		return Set.of(RequestNotices.RECEIVED);
	}
}
