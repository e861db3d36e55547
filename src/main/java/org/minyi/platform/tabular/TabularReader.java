package org.minyi.platform.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads an uploaded table row by row without holding the file in memory: XLSX (first sheet,
 * streamed through POI's SAX reader) or CSV in UTF-8 (with or without BOM) or GBK/GB18030, the
 * encodings Chinese Excel writes. The format is recognised by content, not by the file name.
 * Row 1 is the header and is delivered like any other row; callers validate it.
 */
public final class TabularReader {

	private static final int SNIFF_BYTES = 64 * 1024;

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TabularReader() {
	}

	/** A header cell as a lookup key: without white space, lower case ("Unit  code" matches "unitcode"). */
	public static String headerKey(String text) {
		return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
	}

	/** Whether the file is a zip container (XLSX), whose progress cannot be told by the bytes read. */
	public static boolean isZip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return startsWith(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
		}
	}

	/**
	 * The data rows (header left out) of a file that ships with the application, such as the demo's;
	 * such a file that does not read is a fault of the build, not of input.
	 */
	public static List<TabularRow> bundled(String classpathResource) {
		try (InputStream in = new ClassPathResource(classpathResource).getInputStream()) {
			List<TabularRow> rows = new ArrayList<>();
			read(in, 10_000, rows::add);
			return rows.subList(1, rows.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (TabularFileException e) {
			throw new IllegalStateException(classpathResource, e);
		}
	}

	/**
	 * @param maxRows rows beyond this (header included) make the whole file fail
	 */
	public static void read(InputStream input, int maxRows, Consumer<TabularRow> rows) throws TabularFileException {
		BufferedInputStream in = new BufferedInputStream(input, SNIFF_BYTES);
		byte[] head = sniff(in);
		if (head.length == 0) {
			throw new TabularFileException("tabular.error.empty", null);
		}
		RowLimit limited = new RowLimit(maxRows, rows);
		try {
			if (startsWith(head, ZIP_MAGIC)) {
				XlsxSheetReader.readFirstSheet(in, limited);
			}
			else if (startsWith(head, OLE2_MAGIC)) {
				throw new TabularFileException("tabular.error.oldExcel", null);
			}
			else {
				readCsv(in, head, limited);
			}
		}
		catch (RowLimit.Exceeded e) {
			throw new TabularFileException("tabular.error.tooManyRows", null, maxRows);
		}
		if (limited.count == 0) {
			throw new TabularFileException("tabular.error.empty", null);
		}
	}

	private static byte[] sniff(BufferedInputStream in) throws TabularFileException {
		try {
			in.mark(SNIFF_BYTES);
			byte[] head = in.readNBytes(SNIFF_BYTES);
			in.reset();
			return head;
		}
		catch (IOException e) {
			throw new TabularFileException("tabular.error.unreadable", e);
		}
	}

	private static void readCsv(BufferedInputStream in, byte[] head, Consumer<TabularRow> rows) throws TabularFileException {
		Charset charset = detectCharset(head);
		try {
			if (startsWith(head, UTF8_BOM)) {
				in.skipNBytes(UTF8_BOM.length);
			}
			CharsetDecoder decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			if (head.length > 0 && containsNul(head)) {
				throw new TabularFileException("tabular.error.notText", null);
			}
			Reader reader = new InputStreamReader(in, decoder);
			int number = 0;
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
				number++;
				List<String> cells = new ArrayList<>(record.size());
				List<Integer> formulas = new ArrayList<>();
				for (int i = 0; i < record.size(); i++) {
					String text = record.get(i).strip();
					cells.add(text);
					if (TabularRow.looksLikeFormula(text)) {
						formulas.add(i);
					}
				}
				rows.accept(new TabularRow(number, cells, formulas));
			}
		}
		catch (CharacterCodingException e) {
			throw new TabularFileException("tabular.error.encoding", e);
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				throw new TabularFileException("tabular.error.encoding", e);
			}
			throw new TabularFileException("tabular.error.malformedCsv", e);
		}
	}

	/** UTF-8 when the BOM says so or the first bytes decode as UTF-8; otherwise GB18030 (a superset of GBK). */
	static Charset detectCharset(byte[] head) {
		if (startsWith(head, UTF8_BOM)) {
			return StandardCharsets.UTF_8;
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		// a multi-byte character may be cut at the end of the sniffed block: ignore up to 3 bytes
		int length = head.length;
		for (int cut = 0; cut <= Math.min(3, length); cut++) {
			try {
				utf8.reset().decode(ByteBuffer.wrap(head, 0, length - cut));
				return StandardCharsets.UTF_8;
			}
			catch (CharacterCodingException e) {
				if (length < SNIFF_BYTES) {
					break;
				}
			}
		}
		return GB18030;
	}

	private static boolean containsNul(byte[] head) {
		for (byte b : head) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
	}

	/** Counts rows and stops the read early once a file is known to be too long. */
	private static final class RowLimit implements Consumer<TabularRow> {

		private final int maxRows;

		private final Consumer<TabularRow> target;

		private int count;

		RowLimit(int maxRows, Consumer<TabularRow> target) {
			this.maxRows = maxRows;
			this.target = target;
		}

		@Override
		public void accept(TabularRow row) {
			if (++count > maxRows) {
				throw new Exceeded();
			}
			target.accept(row);
		}

		static final class Exceeded extends RuntimeException {

			Exceeded() {
				super(null, null, false, false);
			}
		}
	}
}
