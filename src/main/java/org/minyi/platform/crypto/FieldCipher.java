package org.minyi.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single values for storage with AES-256-GCM: a fresh 96-bit nonce per value, stored with
 * the ciphertext and its tag as one Base64 string. Tampering or a wrong key fails to open.
 */
public final class FieldCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/** Looking a cipher up costs more than sealing a short value, and imports seal a million: one per thread. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);

	FieldCipher(byte[] key) {
		this.key = new SecretKeySpec(key, 0, 32, "AES");
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM unavailable", e);
		}
	}

	public String seal(String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM unavailable", e);
		}
	}

	/** Whether the value was sealed under this key (and not altered). */
	public boolean opens(String sealed) {
		try {
			open(sealed);
			return true;
		}
		catch (IllegalStateException e) {
			return false;
		}
	}

	public String open(String sealed) {
		byte[] bytes = Base64.getDecoder().decode(sealed);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("sealed value cannot be opened (wrong key or altered)", e);
		}
	}
}
