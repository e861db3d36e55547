package org.minyi.disputes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.TextInput;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dispute case's lifecycle: mediation started with its type and mediator, ending in an agreement,
 * a partial one or a referral; an agreement followed up until it is kept; withdrawal before an
 * outcome. Each step checks the case's status ({@link DisputeAction}) and what it must record.
 * What the case is about (parties, amount, description) is written at intake and never here.
 */
@Table("dispute")
class Dispute {

	private static final int MAX_TEXT = 4000;

	@Id
	private Long id;

	@ReadOnlyProperty
	private LocalDate receivedOn;

	private DisputeStatus status;

	private MediationType mediationType;

	private String mediator;

	private String outcome;

	private LocalDate settledOn;

	private Integer daysToSettle;

	private String terms;

	private Referral referral;

	private LocalDate fulfilledOn;

	private Instant closedAt;

	@Version
	private Integer version;

	Dispute() {
	}

	/**
	 * Takes the step. {@code today} bounds the days a step may name (not in the future, at most five
	 * years back); returns the event to publish when the case has ended, else null.
	 */
	DisputeEnded act(DisputeAction action, Disputes.Step step, LocalDate today, Instant now) {
		DisputeStatus next = action.from(status);
		String comment = comment(action, step.comment());
		switch (action) {
			case START_MEDIATION -> {
				if (step.mediationType() == null) {
					throw new BusinessRuleException("mediationType", "disputes.error.mediationType");
				}
				mediationType = step.mediationType();
				mediator = TextInput.clean(step.mediator(), 50, "mediator", Disputes.REQUIRED);
			}
			case AGREE, AGREE_IN_PART -> {
				LocalDate day = dayOfCase(step.day(), receivedOn, today);
				outcome = action == DisputeAction.AGREE ? "AGREEMENT" : "PARTIAL";
				settledOn = day;
				daysToSettle = (int) ChronoUnit.DAYS.between(receivedOn, day);
				terms = comment;
			}
			case REFER -> {
				if (step.referral() == null) {
					throw new BusinessRuleException("referral", "disputes.error.referral");
				}
				referral = step.referral();
				// a broken agreement keeps its outcome; a failed mediation records that it failed
				outcome = outcome == null ? "FAILED" : outcome;
				closedAt = now;
			}
			case CONFIRM_FULFILMENT -> {
				// kept no earlier than it was agreed
				fulfilledOn = dayOfCase(step.day(), settledOn == null ? receivedOn : settledOn, today);
				closedAt = now;
			}
			case WITHDRAW -> closedAt = now;
		}
		status = next;
		return next.open() ? null : new DisputeEnded(id, next);
	}

	/** The terms agreed, the reason for withdrawing, or what became of a referral must be written down. */
	private static String comment(DisputeAction action, String given) {
		String comment = given == null || given.isBlank() ? null : given.strip();
		if (action.needsComment() && comment == null) {
			throw new BusinessRuleException("comment", "disputes.error.comment");
		}
		if (comment != null && comment.length() > MAX_TEXT) {
			throw new BusinessRuleException("comment", "input.error.tooLong", String.valueOf(MAX_TEXT));
		}
		return comment;
	}

	/** A day of the case's story: given, not in the future, not before {@code earliest}, at most five years back. */
	static LocalDate dayOfCase(LocalDate day, LocalDate earliest, LocalDate today) {
		if (day == null || day.isAfter(today) || day.isBefore(earliest) || day.isBefore(today.minusYears(5))) {
			throw new BusinessRuleException("day", "disputes.error.day");
		}
		return day;
	}

	/** Refuses a step taken on a copy of the case older than this one (someone else moved it meanwhile). */
	void expectVersion(int seen) {
		if (version != seen) {
			throw BusinessRuleException.of("disputes.error.stale");
		}
	}

	DisputeStatus status() {
		return status;
	}

	String mediator() {
		return mediator;
	}
}
