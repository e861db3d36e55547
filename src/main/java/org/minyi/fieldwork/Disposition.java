package org.minyi.fieldwork;

import java.time.Duration;

/**
 * What an attempt to interview a drawn number ended with, from the AAPOR telephone disposition
 * codes (Standard Definitions, RDD telephone). Final codes close the case; the others schedule the
 * next attempt after their recall delay. {@code connected} marks attempts where a person answered
 * (the denominator of the Chinese "success rate", which is not an AAPOR rate).
 */
public enum Disposition {

	COMPLETE("1.1", AaporGroup.I, null, true),
	PARTIAL("1.2", AaporGroup.P, null, true),
	REFUSAL("2.11", AaporGroup.R, null, true),
	SOFT_REFUSAL("2.11", AaporGroup.R, Duration.ofDays(7), true),
	BREAK_OFF("2.12", AaporGroup.R, Duration.ofDays(1), true),
	RESPONDENT_UNAVAILABLE("2.21", AaporGroup.NC, Duration.ofDays(1), true),
	APPOINTMENT("2.21", AaporGroup.NC, Duration.ZERO, true),
	PHYSICALLY_UNABLE("2.32", AaporGroup.O, null, true),
	LANGUAGE_BARRIER("2.33", AaporGroup.O, null, true),
	NOT_ATTEMPTED("3.11", AaporGroup.UH, null, false),
	BUSY("3.12", AaporGroup.UH, Duration.ofMinutes(30), false),
	NO_ANSWER("3.13", AaporGroup.UH, Duration.ofHours(3), false),
	ANSWERING_MACHINE("3.14", AaporGroup.UH, Duration.ofHours(3), false),
	FAX_DATA_LINE("4.2", AaporGroup.NE, null, false),
	NON_WORKING("4.3", AaporGroup.NE, null, false),
	NOT_ELIGIBLE("4.7", AaporGroup.NE, null, true),
	QUOTA_FULL("4.8", AaporGroup.NE, null, true);

	private final String aaporCode;

	private final AaporGroup group;

	private final Duration recallAfter;

	private final boolean connected;

	Disposition(String aaporCode, AaporGroup group, Duration recallAfter, boolean connected) {
		this.aaporCode = aaporCode;
		this.group = group;
		this.recallAfter = recallAfter;
		this.connected = connected;
	}

	public String aaporCode() {
		return aaporCode;
	}

	public AaporGroup group() {
		return group;
	}

	/** Whether this disposition closes the case at once (no recall delay). */
	public boolean isFinal() {
		return recallAfter == null;
	}

	/** Delay before the next attempt; zero for an appointment, whose time the respondent gives. */
	public Duration recallAfter() {
		return recallAfter;
	}

	public boolean connected() {
		return connected;
	}

	/** Whether an interviewer may choose it for an attempt (the others are set by the system). */
	public boolean recordable() {
		return this != NOT_ATTEMPTED && this != COMPLETE && this != QUOTA_FULL;
	}

	public String messageKey() {
		return "fieldwork.disposition." + name();
	}
}
