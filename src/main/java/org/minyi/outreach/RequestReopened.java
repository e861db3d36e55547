package org.minyi.outreach;

import java.util.Optional;
import java.util.Set;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeKind;

/** The resident was not satisfied with the answer: the request is back with the unit, with a new deadline. */
public record RequestReopened(RequestRef request) implements RequestNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return announce(RequestNotices.REOPENED, "v" + request.version());
	}

	@Override
	public Set<NoticeKind> settles() {
		return Set.of(RequestNotices.ANSWERED);
	}
}
