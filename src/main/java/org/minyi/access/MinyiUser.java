package org.minyi.access;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user: Spring Security's user details plus what every module needs to know. */
public final class MinyiUser extends User implements CurrentUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String displayName;

	private final Role role;

	private final long unitId;

	private final String unitName;

	private final DataScope dataScope;

	private final boolean mustChangePassword;

	MinyiUser(long accountId, String username, String passwordHash, boolean enabled, boolean nonLocked,
			String displayName, Role role, long unitId, String unitName, String unitPath, boolean mustChangePassword) {
		super(username, passwordHash, enabled, true, true, nonLocked, authorities(role));
		this.accountId = accountId;
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.unitName = unitName;
		this.dataScope = role.districtWide() ? DataScope.districtWide(unitId, unitPath) : DataScope.subtree(unitId, unitPath);
		this.mustChangePassword = mustChangePassword;
	}

	private static Collection<? extends GrantedAuthority> authorities(Role role) {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	/** The same user after a successful password change. */
	public MinyiUser withPasswordChanged() {
		return new MinyiUser(accountId, getUsername(), "", true, true, displayName, role, unitId, unitName,
				dataScope.unitPath(), false);
	}

	@Override
	public long accountId() {
		return accountId;
	}

	@Override
	public String username() {
		return getUsername();
	}

	@Override
	public String roleName() {
		return role.name();
	}

	@Override
	public long unitId() {
		return unitId;
	}

	@Override
	public DataScope dataScope() {
		return dataScope;
	}

	public Role role() {
		return role;
	}

	public String displayName() {
		return displayName;
	}

	public String unitName() {
		return unitName;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}
}
