package org.minyi.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.minyi.platform.MinyiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Named 256-bit secret keys (audit-trail HMAC, personal-data encryption, ...). A key comes from
 * the property {@code minyi.keys.<name>} (Base64; set it through the environment, e.g.
 * {@code MINYI_KEYS_AUDIT}), or else from {@code <data-dir>/keys/<name>.key}; when neither exists
 * the first start generates the file with owner-only permissions and warns that production must
 * supply and back up its own key.
 */
@Component
public class SecretKeys {

	private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

	private final Environment environment;

	private final Path keyDirectory;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	private final Map<String, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

	private final Map<String, FieldCipher> ciphers = new ConcurrentHashMap<>();

	SecretKeys(Environment environment, MinyiProperties properties) {
		this.environment = environment;
		this.keyDirectory = properties.dataDir().resolve("keys");
	}

	public byte[] get(String name) {
		return keys.computeIfAbsent(name, this::load).clone();
	}

	/** AES-GCM encryption of stored values under the named key (one instance per key). */
	public FieldCipher cipher(String name) {
		return ciphers.computeIfAbsent(name, n -> new FieldCipher(get(n)));
	}

	/**
	 * The key a named key replaced, during a rotation: {@code minyi.keys.<name>-previous} (environment
	 * {@code MINYI_KEYS_<NAME>_PREVIOUS}). Values sealed under it still open until they are re-sealed.
	 */
	public Optional<FieldCipher> previousCipher(String name) {
		String previous = name + "-previous";
		String configured = environment.getProperty("minyi.keys." + previous);
		return configured == null || configured.isBlank() ? Optional.empty()
				: Optional.of(ciphers.computeIfAbsent(previous, n -> new FieldCipher(decode(n, configured.strip()))));
	}

	/**
	 * HMAC-SHA256 of a value under the named key, as 64 hex digits: a stable, irreversible stand-in
	 * for a value that must be recognised again (de-duplication) but never read back.
	 */
	public String keyedHash(String name, String value) {
		Mac mac = macs.computeIfAbsent(name, n -> ThreadLocal.withInitial(() -> newMac(n))).get();
		return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
	}

	/** A keyed MAC is set up once per key and thread (doFinal resets it): imports hash a million values. */
	private Mac newMac(String name) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(get(name), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	private byte[] load(String name) {
		String configured = environment.getProperty("minyi.keys." + name);
		if (configured != null && !configured.isBlank()) {
			return decode(name, configured.strip());
		}
		Path file = keyDirectory.resolve(name + ".key");
		try {
			if (Files.exists(file)) {
				return decode(name, Files.readString(file).strip());
			}
			return generate(name, file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create key file " + file, e);
		}
	}

	private byte[] generate(String name, Path file) throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(file.getParent());
		Files.writeString(file, Base64.getEncoder().encodeToString(key));
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			log.warn("cannot restrict permissions of {} on this file system", file);
		}
		log.warn("Generated secret key '{}' into {}. Production must supply its own key through "
				+ "minyi.keys.{} (environment MINYI_KEYS_{}) and back it up.", name, file, name, name.toUpperCase());
		return key;
	}

	private static byte[] decode(String name, String base64) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length < 32) {
			throw new IllegalStateException("key '" + name + "' must be at least 256 bits");
		}
		return key;
	}
}
