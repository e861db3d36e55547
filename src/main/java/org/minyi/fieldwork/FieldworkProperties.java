package org.minyi.fieldwork;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CATI settings under {@code minyi.fieldwork}.
 *
 * @param maxAttempts           attempts after which a case closes with its last disposition
 * @param recentInterviewMonths numbers completed in any round within this many months are not drawn again
 * @param staleCallAfter        a case held this long by an interviewer (closed browser, lost session) returns to the queue
 * @param qc                    quality control of completed interviews
 */
@ConfigurationProperties("minyi.fieldwork")
public record FieldworkProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("6") int recentInterviewMonths,
		@DefaultValue("2h") Duration staleCallAfter, @DefaultValue QualityRules qc) {

	/**
	 * Settings under {@code minyi.fieldwork.qc}.
	 *
	 * @param minInterviewDuration interviews shorter than this are flagged
	 * @param straightLineItems    answering at least this many questions of one scale all alike flags an interview
	 * @param outlierAlpha         family-wide significance level for flagging interviewers (Holm step-down)
	 * @param outlierMinInterviews interviewers with fewer completes are not compared
	 * @param verificationRate     share of completes a verification draw takes
	 */
	public record QualityRules(@DefaultValue("2m") Duration minInterviewDuration, @DefaultValue("5") int straightLineItems,
			@DefaultValue("0.01") double outlierAlpha, @DefaultValue("10") int outlierMinInterviews,
			@DefaultValue("0.1") double verificationRate) {

		public QualityRules {
			if (straightLineItems < 2 || outlierAlpha <= 0 || outlierAlpha >= 1 || outlierMinInterviews < 2
					|| verificationRate <= 0 || verificationRate > 1) {
				throw new IllegalArgumentException("minyi.fieldwork.qc: straight-line-items >= 2, outlier-alpha in (0, 1), "
						+ "outlier-min-interviews >= 2, verification-rate in (0, 1]");
			}
		}
	}

	public FieldworkProperties {
		if (maxAttempts < 1 || recentInterviewMonths < 0) {
			throw new IllegalArgumentException("minyi.fieldwork.max-attempts must be at least 1, recent-interview-months not negative");
		}
	}
}
