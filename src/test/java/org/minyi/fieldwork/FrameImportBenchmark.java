package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Imports a generated 1,000,000-row frame (phone, township, gender, age group) as CSV and as XLSX
 * and reports the time and the peak heap of each; on PostgreSQL also the time of {@code COPY} of the same file into a plain
 * table, as the floor. Not part of the normal build: {@code bench/frame-import.sh h2|pg}.
 */
@Tag("bench")
@MinyiTest
class FrameImportBenchmark {

	private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

	@Autowired
	SampleFrames frames;

	@Autowired
	UnitManagement units;

	@Autowired
	DataSource dataSource;

	@Test
	void aMillionRowFrameIsImported() throws Exception {
		Path file = Files.createTempFile("frame-bench", ".csv");
		List<String> townships = units.list(DataScope.wholeDistrict()).stream().filter(u -> u.kind() == UnitKind.TOWNSHIP)
			.map(UnitView::code).toList();
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("phone,township,gender,age group\n");
			for (int i = 0; i < ROWS; i++) {
				out.write(String.format("13%09d,%s,%s,%s%n", i * 7L % 1_000_000_000L, townships.get(i % townships.size()),
						i % 2 == 0 ? "MALE" : "FEMALE", List.of("AGE_18_29", "AGE_30_44", "AGE_45_59", "AGE_60_PLUS").get(i % 4)));
			}
		}
		importAndReport("CSV", file);
		try (Connection connection = dataSource.getConnection()) {
			if (connection.isWrapperFor(PGConnection.class)) {
				connection.createStatement().execute("create temporary table copy_reference (phone text, township text, gender text, age text)");
				long copyStart = System.nanoTime();
				long copied = connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy copy_reference from stdin with (format csv, header true)", Files.newBufferedReader(file));
				System.out.printf("BENCH PostgreSQL COPY of the same file: %d rows in %.1f s%n", copied, (System.nanoTime() - copyStart) / 1e9);
			}
		}
		Path workbook = Files.createTempFile("frame-bench", ".xlsx");
		writeWorkbook(file, workbook);
		importAndReport("XLSX", workbook);
		Files.delete(workbook);
		Files.delete(file);
	}

	private void importAndReport(String format, Path file) throws Exception {
		resetPeaks();
		long start = System.nanoTime();
		SampleFrames.FrameView frame;
		try (InputStream in = Files.newInputStream(file)) {
			frame = frames.importFile("benchmark " + System.nanoTime(), null, in);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(frame.imported()).isEqualTo(ROWS);
		System.out.printf("BENCH frame import (%s): %d rows in %.1f s (%.0f rows/s), max heap %d MB, old generation peak %d MB, "
				+ "file %d MB%n", format, ROWS, seconds, ROWS / seconds, Runtime.getRuntime().maxMemory() / 1_000_000,
				oldGenerationPeakMegabytes(), Files.size(file) / 1_000_000);
	}

	/** The same rows as an Excel workbook, written with POI's streaming writer (the test heap is capped too). */
	private static void writeWorkbook(Path csv, Path xlsx) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(xlsx)) {
			Sheet sheet = workbook.createSheet("frame");
			int rowNumber = 0;
			for (String line : (Iterable<String>) Files.lines(csv, StandardCharsets.UTF_8)::iterator) {
				Row row = sheet.createRow(rowNumber++);
				String[] cells = line.split(",");
				for (int i = 0; i < cells.length; i++) {
					row.createCell(i).setCellValue(cells[i]);
				}
			}
			workbook.write(out);
			workbook.dispose();
		}
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** What survived young collections at the worst moment: the import's lasting footprint. */
	private static long oldGenerationPeakMegabytes() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old Gen"))
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1_000_000;
	}
}
