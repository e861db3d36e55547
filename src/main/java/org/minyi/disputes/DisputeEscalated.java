package org.minyi.disputes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeEvent;

/** A high-risk dispute was taken in: the district's administrators are told at once. */
public record DisputeEscalated(long disputeId, String reference, String summary, long unitId, LocalDate receivedOn)
		implements NoticeEvent {

	@Override
	public String link() {
		return "/disputes/" + disputeId;
	}

	@Override
	public Optional<Announcement> announcement() {
		return Optional.of(new Announcement(DisputeNotices.HIGH_RISK, unitId, "dispute:" + disputeId + ":high-risk",
				List.of(summary, reference, Announcement.UNIT_NAME, receivedOn.toString())));
	}
}
