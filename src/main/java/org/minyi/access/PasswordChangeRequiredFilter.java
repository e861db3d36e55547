package org.minyi.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minyi.platform.security.CurrentUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user holding a one-time password (first login or after a reset) may do nothing but change it
 * or sign out.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean mustChange = CurrentUser.get().filter(u -> u instanceof MinyiUser m && m.mustChangePassword()).isPresent();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (mustChange && !path.equals(PASSWORD_PAGE) && !path.equals("/logout") && !path.startsWith("/webjars/")
				&& !path.startsWith("/css/") && !path.startsWith("/js/") && !path.equals("/error")) {
			String target = request.getContextPath() + PASSWORD_PAGE;
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", target);
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		chain.doFilter(request, response);
	}
}
