package org.minyi.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.platform.tabular.ExcelExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes an {@link ExcelExport} straight into the response as a download. It runs on the request
 * thread, so data-scoped queries inside {@code fill} see the signed-in user.
 */
public final class ExcelDownload {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ExcelDownload() {
	}

	/** @param baseName file name without date and extension, e.g. {@code units} */
	public static void send(HttpServletResponse response, String baseName, String sheetName, List<String> headers,
			Consumer<ExcelExport> fill) throws IOException {
		String filename = baseName + "-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		try (ExcelExport export = new ExcelExport(sheetName, headers)) {
			fill.accept(export);
			export.writeTo(response.getOutputStream());
		}
	}
}
