package org.minyi.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.minyi.platform.MinyiProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files in a local directory ({@code minyi.files.dir}, by default {@code files} in the data directory,
 * outside anything the web server serves), named by 128-bit random keys and spread over 256
 * sub-directories. Keys from outside are checked against their shape before they touch the disk.
 */
@Component
public class LocalFileStore implements FileStore {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final SecureRandom random = new SecureRandom();

	private final Path root;

	LocalFileStore(MinyiProperties properties, @Value("${minyi.files.dir:}") String directory) {
		this.root = (directory.isBlank() ? properties.dataDir().resolve("files") : Path.of(directory)).toAbsolutePath().normalize();
	}

	@Override
	public String put(InputStream content) throws IOException {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String key = HexFormat.of().formatHex(bytes);
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(key + ".part");
		try (content) {
			Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
		return key;
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public boolean exists(String key) {
		return KEY.matcher(key).matches() && Files.isRegularFile(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	private Path path(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a file key");
		}
		return root.resolve(key.substring(0, 2)).resolve(key);
	}
}
