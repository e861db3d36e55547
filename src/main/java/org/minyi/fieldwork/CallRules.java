package org.minyi.fieldwork;

import java.time.Instant;

import org.minyi.platform.BusinessRuleException;

/**
 * What happens to a case after an attempt: a final disposition closes it; the others call again
 * after the disposition's recall delay (no answer 3 h, busy 30 min, soft refusal a week …) or at
 * the time the respondent gave. A second soft refusal is final, and so is any attempt that reaches
 * the maximum number of attempts.
 */
final class CallRules {

	record NextStep(CaseStatus status, Instant nextCallAt) {
	}

	private CallRules() {
	}

	/**
	 * @param attempts    attempts made including this one
	 * @param previous    the case's disposition before this attempt, or null
	 * @param appointment the time the respondent asked to be called, for {@link Disposition#APPOINTMENT}
	 */
	static NextStep after(Disposition disposition, Disposition previous, int attempts, Instant appointment, Instant now,
			int maxAttempts) {
		if (disposition.isFinal() || attempts >= maxAttempts
				|| (disposition == Disposition.SOFT_REFUSAL && previous == Disposition.SOFT_REFUSAL)) {
			return new NextStep(CaseStatus.FINAL, null);
		}
		if (disposition == Disposition.APPOINTMENT) {
			if (appointment == null || !appointment.isAfter(now)) {
				throw new BusinessRuleException("appointment", "fieldwork.call.error.appointment");
			}
			return new NextStep(CaseStatus.APPOINTMENT, appointment);
		}
		return new NextStep(CaseStatus.RECALL, now.plus(disposition.recallAfter()));
	}
}
