package org.minyi.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Evaluates a controller's {@code @PreAuthorize} before Spring MVC binds the request. Method
 * security alone runs after binding, so a denied user sending a malformed request would get
 * 400 (and learn the endpoint's parameters) instead of 403. The method interceptor still runs;
 * this only makes the same decision earlier. Expressions that refer to arguments are left to it.
 */
class PreBindingAuthorization implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

	PreBindingAuthorization(ApplicationContext context) {
		manager.setApplicationContext(context);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			AuthorizationResult result = manager.authorize(
					() -> SecurityContextHolder.getContext().getAuthentication(),
					new SimpleMethodInvocation(method.getBean(), method.getMethod(),
							new Object[method.getMethod().getParameterCount()]));
			if (result != null && !result.isGranted()) {
				throw new AccessDeniedException("Access Denied");
			}
		}
		return true;
	}
}
