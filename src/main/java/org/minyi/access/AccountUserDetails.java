package org.minyi.access;

import java.time.Clock;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for login, with their unit's path so the data scope is known for the session. */
@Component
class AccountUserDetails implements UserDetailsService {

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final Clock clock;

	AccountUserDetails(AccountRepository accounts, UnitManagement units, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.clock = clock;
	}

	@Override
	public MinyiUser loadUserByUsername(String username) {
		Account account = accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		UnitView unit = units.findById(account.unitId()).orElseThrow(() -> new UsernameNotFoundException(username));
		return new MinyiUser(account.id(), account.username(), account.passwordHash(), account.enabled() && unit.active(),
				!account.isLocked(clock.instant()), account.displayName(), account.role(), unit.id(), unit.name(),
				unit.path(), account.mustChangePassword());
	}
}
