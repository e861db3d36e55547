package org.minyi.access;

/**
 * Result of checking the audit trail's hash chain.
 *
 * @param checked          entries checked
 * @param firstBrokenEntry id of the first entry whose link or content does not match; null when intact
 * @param reason           message key of what was found: {@code audit.verify.ok}, {@code .altered},
 *                         {@code .missing} (an entry before this one was removed) or {@code .truncated}
 * @param intact           whether the whole chain verified
 */
public record ChainVerification(long checked, Long firstBrokenEntry, String reason, boolean intact) {

	static ChainVerification intact(long checked) {
		return new ChainVerification(checked, null, "audit.verify.ok", true);
	}

	static ChainVerification broken(long checked, Long firstBrokenEntry, String reason) {
		return new ChainVerification(checked, firstBrokenEntry, reason, false);
	}
}
