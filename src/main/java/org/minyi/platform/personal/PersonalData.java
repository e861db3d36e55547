package org.minyi.platform.personal;

import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.crypto.FieldCipher;
import org.minyi.platform.crypto.SecretKeys;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place personal data (residents' phone numbers, names, ID numbers …) is sealed, hashed and
 * revealed (ARCHITECTURE.md §3). A value is stored sealed with AES-GCM under the key {@code personal}
 * and, where it must be found again or de-duplicated, as a keyed hash under a separate key
 * {@code lookup} — so the encryption key can be rotated without re-hashing. Reading a value back is
 * a reveal: it is audited with the purpose the caller gives. Masking is the caller's (it knows the
 * shape of its value).
 */
@Component
public class PersonalData {

	static final String SEALING_KEY = "personal";

	static final String LOOKUP_KEY = "lookup";

	private final SecretKeys keys;

	private final ApplicationEventPublisher events;

	PersonalData(SecretKeys keys, ApplicationEventPublisher events) {
		this.keys = keys;
		this.events = events;
	}

	/** A value as stored: its ciphertext and its keyed hash. */
	public record Protected(String sealed, String hash) {
	}

	public Protected protect(String value) {
		return new Protected(cipher().seal(value), hash(value));
	}

	/** The keyed hash alone, to look a value up or find duplicates without decrypting anything. */
	public String hash(String value) {
		return keys.keyedHash(LOOKUP_KEY, value);
	}

	/**
	 * The plain value, recorded in the audit trail against what it belongs to and why it was read
	 * (e.g. "call" for the interviewer on the active call).
	 */
	@Transactional
	public String reveal(String sealed, String targetType, Object targetId, String purpose) {
		String value = open(sealed);
		events.publishEvent(AuditEvent.of("personal.reveal", targetType, targetId, "purpose=" + purpose));
		return value;
	}

	/**
	 * The value sealed under the current key, or null when it already is: what a key rotation writes
	 * back. A value that opens under neither the current nor the previous key fails loudly.
	 */
	public String resealed(String sealed) {
		if (cipher().opens(sealed)) {
			return null;
		}
		FieldCipher previous = keys.previousCipher(SEALING_KEY)
			.orElseThrow(() -> new IllegalStateException("a sealed value does not open under the personal key"));
		return cipher().seal(previous.open(sealed));
	}

	/** Opens under the current key, or under the previous one while a rotation is under way. */
	private String open(String sealed) {
		FieldCipher current = cipher();
		return keys.previousCipher(SEALING_KEY)
			.filter(previous -> !current.opens(sealed))
			.map(previous -> previous.open(sealed))
			.orElseGet(() -> current.open(sealed));
	}

	/** Whether a previous sealing key is configured, i.e. a rotation is under way. */
	public boolean rotating() {
		return keys.previousCipher(SEALING_KEY).isPresent();
	}

	private FieldCipher cipher() {
		return keys.cipher(SEALING_KEY);
	}
}
