package org.minyi.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What every module may know about the signed-in user. The access module's principal
 * implements it; other modules depend on this contract, not on access.
 */
public interface CurrentUser {

	long accountId();

	String username();

	/** Role name, e.g. {@code DISTRICT_ADMIN}. */
	String roleName();

	long unitId();

	DataScope dataScope();

	static Optional<CurrentUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	static CurrentUser required() {
		return get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
	}
}
