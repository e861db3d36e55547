package org.minyi.platform.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded evidence files live, under random keys that say nothing of their content; the
 * name a user gave a file is kept by the module that owns it, never used as a path. A local
 * directory by default; an S3-compatible store can implement the same three operations.
 */
public interface FileStore {

	/** Stores the bytes under a new random key and returns the key. */
	String put(InputStream content) throws IOException;

	InputStream open(String key) throws IOException;

	boolean exists(String key);

	/** Removes a file that was never acknowledged (refused after it was received). */
	void delete(String key) throws IOException;
}
