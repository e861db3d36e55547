package org.minyi.outreach;

import java.util.Optional;

import org.minyi.notices.Announcement;

/** A request came in; one from the public form waits for the district to assign it, which the district is told. */
public record RequestReceived(RequestRef request, RequestSource source) implements RequestNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return source == RequestSource.WEB_FORM && request.unitId() == null ? announce(RequestNotices.RECEIVED, "v" + request.version())
				: Optional.empty();
	}
}
