package org.minyi.platform.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.commons.io.input.BoundedInputStream;
import org.minyi.platform.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes an uploaded file into the file store: its type checked by name and content, its size
 * counted while it is stored (an oversized file is deleted at once). Called inside the transaction
 * that records the file: if that transaction does not commit, the stored file is deleted with it,
 * so the store never keeps a file nothing points to.
 */
@Service
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	/** A file in the store: its key and what the uploader called it. */
	public record StoredFile(String key, String name, FileTypes type, long size) {
	}

	private final FileStore files;

	Uploads(FileStore files) {
		this.files = files;
	}

	/** @param allowed the types this upload may be; others are refused like an unknown type */
	public StoredFile store(String fileName, InputStream content, long maxBytes, Set<FileTypes> allowed) {
		try (BufferedInputStream in = new BufferedInputStream(content)) {
			in.mark(FileTypes.HEAD_BYTES);
			FileTypes type = FileTypes.of(fileName, in.readNBytes(FileTypes.HEAD_BYTES));
			if (!allowed.contains(type)) {
				throw new BusinessRuleException("file", "file.error.type", type.name().toLowerCase(java.util.Locale.ROOT));
			}
			in.reset();
			BoundedInputStream counted = BoundedInputStream.builder().setInputStream(in).setMaxCount(maxBytes + 1).get();
			String key = files.put(counted);
			if (counted.getCount() > maxBytes) {
				files.delete(key);
				throw new BusinessRuleException("file", "file.error.size", maxBytes / (1024 * 1024));
			}
			deleteIfNotCommitted(key);
			return new StoredFile(key, fileName.strip(), type, counted.getCount());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Deletes a stored file once the transaction that stops pointing to it commits. */
	public void deleteAfterCommit(String key) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				deleteQuietly(key);
			}
		});
	}

	private void deleteIfNotCommitted(String key) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					deleteQuietly(key);
				}
			}
		});
	}

	private void deleteQuietly(String key) {
		try {
			files.delete(key);
		}
		catch (IOException e) {
			log.warn("Stored file {} could not be deleted: {}", key, e.getMessage());
		}
	}
}
