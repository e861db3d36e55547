package org.minyi.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Form login with BCrypt, CSRF, a strict Content-Security-Policy (no inline scripts), session
 * limits, lockout-aware login messages, and entry points that answer htmx and API requests in
 * their own terms when the session has expired. Endpoint permissions live on the controllers
 * ({@code @PreAuthorize}, checked before binding by {@link PreBindingAuthorization}); this chain
 * only separates public from signed-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig implements WebMvcConfigurer {

	private final ApplicationContext context;

	SecurityConfig(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PreBindingAuthorization(context));
	}

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	/**
	 * Residents' pages — the questionnaire, the public submission API and the public request form: no
	 * sign-in, no session and no CSRF token — the invitation token in the request (or the SameSite
	 * device cookie of an open link) is what authorises an answer, the public form is open to anyone
	 * (limited per address), and nothing here acts on behalf of a signed-in user.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain respondents(HttpSecurity http) throws Exception {
		http.securityMatcher("/s/**", "/api/v1/public/**", "/public/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, AccessProperties properties, SessionRegistry sessions) throws Exception {
		RequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request", "true");
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(Role.SYSTEM_ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failureHandler()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.maximumSessions(properties.maxSessionsPerUser())
				.sessionRegistry(sessions)
				.expiredUrl("/login?expired"))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(htmxEntryPoint(), htmx)
				.defaultAuthenticationEntryPointFor(apiEntryPoint(), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()))
			.addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/** Sends the user back to the login page with the reason, without saying whether the name exists. */
	private static AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error="
				+ reason(exception));
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "locked";
		}
		if (exception instanceof DisabledException) {
			return "disabled";
		}
		return "bad";
	}

	/** An htmx request after the session expired: tell htmx to load the login page as a whole page. */
	private static AuthenticationEntryPoint htmxEntryPoint() {
		return (request, response, exception) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}

	private static AuthenticationEntryPoint apiEntryPoint() {
		return SecurityConfig::problem;
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
				+ "\"detail\":\"Authentication required\"}");
	}
}
