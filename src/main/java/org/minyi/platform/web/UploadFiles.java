package org.minyi.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.minyi.platform.BusinessRuleException;
import org.springframework.stereotype.Component;

/**
 * Receives an uploaded file into a temporary file (owner-only permissions, as
 * {@link Files#createTempFile} creates them on POSIX systems) for work that outlives the request.
 * The caller deletes it when done.
 */
@Component
public class UploadFiles {

	public static final String TOO_LARGE = "error.upload.tooLargeFor";

	private static final int BUFFER = 64 * 1024;

	/** Copies the stream; more than {@code maxBytes} deletes what was written and refuses the file. */
	public Path receive(InputStream in, long maxBytes) throws IOException {
		Path file = Files.createTempFile("minyi-upload-", ".part");
		try (in; OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[BUFFER];
			long total = 0;
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				total += n;
				if (total > maxBytes) {
					throw new BusinessRuleException("file", TOO_LARGE, maxBytes / (1024 * 1024));
				}
				out.write(buffer, 0, n);
			}
			return file;
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
	}
}
