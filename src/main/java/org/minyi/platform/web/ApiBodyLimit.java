package org.minyi.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies above a limit (default 64 KB) on {@code /api/}: with 413 by the declared
 * length before anything parses them; a chunked body without a length is cut off while it is read,
 * which the JSON reader reports as an unreadable request (400). File uploads (multipart) have their
 * own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiBodyLimit extends OncePerRequestFilter {

	private final long limit;

	private final MessageSource messages;

	ApiBodyLimit(@Value("${minyi.web.max-api-body:64KB}") DataSize limit, MessageSource messages) {
		this.limit = limit.toBytes();
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !ErrorHandling.isApi(request) || (type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			refuse(response);
			return;
		}
		chain.doFilter(new Bounded(request, limit), response);
	}

	/** Runs before Spring MVC resolves the user's language, so it answers in the default, Chinese. */
	private void refuse(HttpServletResponse response) throws IOException {
		String detail = messages.getMessage("error.413.body", null, Locale.SIMPLIFIED_CHINESE);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"status\":413,\"detail\":\"" + detail + "\"}");
	}

	private static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body over the limit");
		}
	}

	/** Counts what is read and stops past the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++read > limit) {
						throw new BodyTooLarge();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0 && (read += n) > limit) {
						throw new BodyTooLarge();
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
