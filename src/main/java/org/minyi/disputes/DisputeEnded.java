package org.minyi.disputes;

import java.util.Set;

import org.minyi.notices.NoticeEvent;
import org.minyi.notices.NoticeKind;

/** A dispute has ended (closed, referred or withdrawn): it needs no more watching. */
public record DisputeEnded(long disputeId, DisputeStatus status) implements NoticeEvent {

	@Override
	public String link() {
		return "/disputes/" + disputeId;
	}

	@Override
	public Set<NoticeKind> settles() {
		return Set.of(DisputeNotices.HIGH_RISK);
	}
}
