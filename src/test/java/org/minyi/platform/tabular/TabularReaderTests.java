package org.minyi.platform.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularReaderTests {

	private static final String CSV = "单位编码,单位名称\nYJ01,城关街道\nYJ02,\"东湖街道, 新区\"\n";

	@Test
	void readsUtf8Csv() throws Exception {
		assertThat(cells(read(CSV.getBytes(StandardCharsets.UTF_8)))).containsExactly(List.of("单位编码", "单位名称"),
				List.of("YJ01", "城关街道"), List.of("YJ02", "东湖街道, 新区"));
	}

	@Test
	void readsUtf8CsvWithBom() throws Exception {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, file, 0, 3);
		System.arraycopy(body, 0, file, 3, body.length);
		assertThat(cells(read(file)).get(0)).containsExactly("单位编码", "单位名称");
	}

	@Test
	void readsGbkCsvAsWrittenByChineseExcel() throws Exception {
		assertThat(cells(read(CSV.getBytes(Charset.forName("GBK"))))).element(1).isEqualTo(List.of("YJ01", "城关街道"));
	}

	@Test
	void rowNumbersAreThoseExcelShows() throws Exception {
		assertThat(read(CSV.getBytes(StandardCharsets.UTF_8))).extracting(TabularRow::number).containsExactly(1, 2, 3);
	}

	@Test
	void marksFormulaLikeTextInCsv() throws Exception {
		List<TabularRow> rows = read("a,b\n=cmd|' /C calc'!A0,x\n+86 138,-5\n@SUM(A1),ok\n".getBytes(StandardCharsets.UTF_8));
		assertThat(rows.get(1).formulaColumns()).containsExactly(0);
		assertThat(rows.get(2).hasFormula()).as("phone numbers and negative numbers are data").isFalse();
		assertThat(rows.get(3).formulaColumns()).containsExactly(0);
	}

	@Test
	void readsXlsxAndMarksRealFormulaCells() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet();
			XSSFRow header = sheet.createRow(0);
			header.createCell(0).setCellValue("编码");
			header.createCell(2).setCellValue("人口");
			XSSFRow data = sheet.createRow(1);
			data.createCell(0).setCellValue("YJ01");
			data.createCell(2).setCellValue(1234);
			XSSFRow formula = sheet.createRow(2);
			formula.createCell(0).setCellFormula("HYPERLINK(\"http://x\",\"y\")");
			List<TabularRow> rows = read(bytes(workbook));
			assertThat(rows.get(0).cells()).containsExactly("编码", "", "人口");
			assertThat(rows.get(1).cells()).containsExactly("YJ01", "", "1234");
			assertThat(rows.get(1).hasFormula()).isFalse();
			assertThat(rows.get(2).formulaColumns()).as(rows.toString()).containsExactly(0);
		}
	}

	@Test
	void refusesEmptyFile() {
		assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(TabularFileException.class)
			.extracting(e -> ((TabularFileException) e).messageKey())
			.isEqualTo("tabular.error.empty");
	}

	@Test
	void refusesTenMegabytesOfGarbage() {
		byte[] garbage = new byte[10 * 1024 * 1024];
		new Random(42).nextBytes(garbage);
		assertThatThrownBy(() -> read(garbage)).isInstanceOf(TabularFileException.class)
			.extracting(e -> ((TabularFileException) e).messageKey())
			.isIn("tabular.error.notText", "tabular.error.encoding", "tabular.error.malformedCsv");
	}

	@Test
	void refusesGarbageNamedLikeExcel() {
		byte[] fake = "PK\u0003\u0004 this is not a zip at all".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> read(fake)).isInstanceOf(TabularFileException.class)
			.extracting(e -> ((TabularFileException) e).messageKey())
			.isEqualTo("tabular.error.notExcel");
	}

	@Test
	void refusesZipBombDisguisedAsXlsx() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 200; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(out.size()).as("200 MB of zeros compress to a small file").isLessThan(1024 * 1024);
		assertThatThrownBy(() -> read(out.toByteArray())).isInstanceOf(TabularFileException.class)
			.extracting(e -> ((TabularFileException) e).messageKey())
			.isIn("tabular.error.zipBomb", "tabular.error.notExcel");
	}

	@Test
	void refusesOldBinaryExcel() {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThatThrownBy(() -> read(xls)).extracting(e -> ((TabularFileException) e).messageKey())
			.isEqualTo("tabular.error.oldExcel");
	}

	@Test
	void stopsAtRowLimit() {
		String many = "a\n".repeat(50);
		assertThatThrownBy(() -> TabularReader.read(new ByteArrayInputStream(many.getBytes(StandardCharsets.UTF_8)), 10,
				row -> {
				}))
			.extracting(e -> ((TabularFileException) e).messageKey())
			.isEqualTo("tabular.error.tooManyRows");
	}

	private static List<TabularRow> read(byte[] file) throws TabularFileException {
		List<TabularRow> rows = new ArrayList<>();
		TabularReader.read(new ByteArrayInputStream(file), 100_000, rows::add);
		return rows;
	}

	private static List<List<String>> cells(List<TabularRow> rows) {
		return rows.stream().map(TabularRow::cells).toList();
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}
}
