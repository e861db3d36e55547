package org.minyi.survey.invitation;

import java.time.Instant;

/**
 * Invitations generated together for one township, or for one community of it.
 *
 * @param used how many of them have been answered
 */
public record InvitationBatch(long id, long roundId, long townshipId, Long communityId, int size, int used,
		Instant createdAt, String createdBy) {

	/** The unit the invitations were handed out in: the community when there is one. */
	public long unitId() {
		return communityId != null ? communityId : townshipId;
	}
}
