package org.minyi.platform.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.minyi.platform.BusinessRuleException;

/**
 * The file types evidence may have, each recognised by its content and its name together: a name
 * ending in {@code .pdf} must start like a PDF, a {@code .docx} must be a zip package, and so on. An
 * executable renamed to {@code .pdf}, a name with a path in it, an empty or an oversized file is
 * refused with a message key. Word and Excel 2007+ files are zip packages and old ones OLE2
 * containers; their names tell which of the two each must be.
 */
public enum FileTypes {

	PDF("application/pdf", bytes("%PDF-"), "pdf"),
	PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, "png"),
	JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "jpg", "jpeg"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes("PK\u0003\u0004"), "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes("PK\u0003\u0004"), "xlsx"),
	DOC("application/msword", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 },
			"doc"),
	XLS("application/vnd.ms-excel", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 }, "xls");

	/** Bytes needed to recognise any of the types. */
	public static final int HEAD_BYTES = 8;

	private final String contentType;

	private final byte[] magic;

	private final String[] extensions;

	FileTypes(String contentType, byte[] magic, String... extensions) {
		this.contentType = contentType;
		this.magic = magic;
		this.extensions = extensions;
	}

	public String contentType() {
		return contentType;
	}

	/**
	 * The type of a file from its name and first bytes; refused ({@code file.error.*}) when the name
	 * is not a plain file name, the extension is not allowed, or the content is not what the
	 * extension says.
	 */
	public static FileTypes of(String fileName, byte[] head) {
		String name = fileName == null ? "" : fileName.strip();
		if (name.isEmpty() || name.length() > 200 || name.contains("/") || name.contains("\\") || name.contains("..")
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw new BusinessRuleException("file", "file.error.name");
		}
		if (head.length == 0) {
			throw new BusinessRuleException("file", "file.error.empty");
		}
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		FileTypes type = byExtension(extension)
			.orElseThrow(() -> new BusinessRuleException("file", "file.error.type", extension));
		if (head.length < type.magic.length || !Arrays.equals(head, 0, type.magic.length, type.magic, 0, type.magic.length)) {
			throw new BusinessRuleException("file", "file.error.content", extension);
		}
		return type;
	}

	private static Optional<FileTypes> byExtension(String extension) {
		return Arrays.stream(values()).filter(t -> Arrays.asList(t.extensions).contains(extension)).findFirst();
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
