package org.minyi.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;

/**
 * Sends a stored file to the browser safely: always as an attachment under the name the uploader
 * gave it, with its checked content type and no type sniffing, so an uploaded file can never run as
 * a page of this site.
 */
public final class FileDownload {

	private FileDownload() {
	}

	public static void send(HttpServletResponse response, String name, String contentType, long size, InputStream content) throws IOException {
		try (InputStream in = content) {
			response.setContentType(contentType);
			response.setContentLengthLong(size);
			response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
			response.setHeader("X-Content-Type-Options", "nosniff");
			in.transferTo(response.getOutputStream());
		}
	}
}
