package org.minyi.access;

/** An account together with its one-time password, shown once to the administrator. */
public record CreatedAccount(AccountView account, String oneTimePassword) {
}
