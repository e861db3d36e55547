package org.minyi.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the security admin enters to create an account or change its role and unit. */
public record AccountDraft(
		@NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{account.username.pattern}") String username,
		@NotBlank @Size(max = 50) String displayName,
		@NotNull Role role,
		@NotNull Long unitId) {
}
