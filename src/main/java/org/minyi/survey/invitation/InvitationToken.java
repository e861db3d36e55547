package org.minyi.survey.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Invitation tokens: 128 random bits from a {@link SecureRandom}, written as 22 URL-safe Base64
 * characters so they fit a short QR code. The database keeps only their SHA-256 (a 128-bit random
 * value needs no key or salt to be safe against guessing from its hash). Public for
 * {@code ResponseIntake}, which finds a respondent's invitation by the token's hash.
 */
public final class InvitationToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

	private InvitationToken() {
	}

	static String generate() {
		byte[] bits = new byte[16];
		RANDOM.nextBytes(bits);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
	}

	/** Whether the text can be a token at all; anything else is refused without a database lookup. */
	public static boolean wellFormed(String token) {
		return token != null && FORMAT.matcher(token).matches();
	}

	public static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 unavailable", e);
		}
	}
}
