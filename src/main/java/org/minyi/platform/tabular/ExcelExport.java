package org.minyi.platform.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one sheet of rows as XLSX, streaming (only a window of rows stays in memory), so an
 * export of a million rows fits in a small heap. Text is always written as a text cell, never
 * as a formula, so values such as {@code =cmd|...} are harmless when the file is opened.
 */
public final class ExcelExport implements AutoCloseable {

	private static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(DISPLAY_ZONE);

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final SXSSFSheet sheet;

	private int nextRow;

	public ExcelExport(String sheetName, List<String> headers) {
		sheet = workbook.createSheet(sheetName);
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row header = sheet.createRow(nextRow++);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3)) * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	public void row(List<?> values) {
		Row row = sheet.createRow(nextRow++);
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof Number number && !(value instanceof Long l && Math.abs(l) > 1L << 50)) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value instanceof Instant instant) {
				cell.setCellValue(TIME.format(instant));
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date.toString());
			}
			else {
				cell.setCellValue(String.valueOf(value));
			}
		}
	}

	public void writeTo(OutputStream out) throws IOException {
		workbook.write(out);
	}

	@Override
	public void close() {
		try {
			workbook.close();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
