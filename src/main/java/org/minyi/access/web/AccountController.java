package org.minyi.access.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.minyi.access.AccountDraft;
import org.minyi.access.AccountManagement;
import org.minyi.access.AccountView;
import org.minyi.access.CreatedAccount;
import org.minyi.access.MinyiUser;
import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration for the system admin (who sets up security admins and auditors) and
 * the security admin (everyone else).
 */
@Controller
@RequestMapping("/access/accounts")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN')")
class AccountController {

	private final AccountManagement accounts;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	AccountController(AccountManagement accounts, UnitManagement units, MessageSource messages, Flash flash) {
		this.accounts = accounts;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String list(@AuthenticationPrincipal MinyiUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", accounts.list(user.role(), q, PageRequest.of(page, 30, null, null)));
		model.addAttribute("unitNames", unitNames());
		return "access/accounts";
	}

	@GetMapping("/export")
	void export(@AuthenticationPrincipal MinyiUser user, @RequestParam(required = false) String q,
			HttpServletResponse response, Locale locale) throws IOException {
		Map<Long, String> unitNames = unitNames();
		List<String> headers = List.of("username", "displayName", "role", "unit", "state", "lastLogin").stream()
			.map(column -> messages.getMessage("account." + column, null, locale))
			.toList();
		ExcelDownload.send(response, "accounts", messages.getMessage("nav.accounts", null, locale), headers, sheet -> {
			PageResult<AccountView> page = accounts.list(user.role(), q, new PageRequest(0, PageRequest.MAX_SIZE, null, false));
			while (true) {
				for (AccountView a : page.items()) {
					sheet.row(Arrays.asList(a.username(), a.displayName(), messages.getMessage(a.role().messageKey(), null, locale),
							unitNames.get(a.unitId()), messages.getMessage(state(a), null, locale), a.lastLoginAt()));
				}
				if (!page.hasNext()) {
					break;
				}
				page = accounts.list(user.role(), q, new PageRequest(page.page() + 1, PageRequest.MAX_SIZE, null, false));
			}
		});
	}

	private static String state(AccountView account) {
		if (!account.enabled()) {
			return "account.state.disabled";
		}
		return account.locked() ? "account.state.locked" : "account.state.active";
	}

	@GetMapping("/new")
	String createForm(@AuthenticationPrincipal MinyiUser user, Model model) {
		return form(model, user, new AccountForm(), null);
	}

	@PostMapping
	String create(@AuthenticationPrincipal MinyiUser user, @Valid @ModelAttribute("form") AccountForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return form(model, user, form, null);
		}
		try {
			CreatedAccount created = accounts.create(user.role(), form.toDraft());
			model.addAttribute("created", created);
			return "access/account-password";
		}
		catch (BusinessRuleException e) {
			errors.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
			return form(model, user, form, null);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal MinyiUser user, @PathVariable long id, Model model) {
		AccountView account = manageable(user, id);
		return form(model, user, AccountForm.of(account), account);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal MinyiUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		AccountView account = manageable(user, id);
		form.setUsername(account.username());
		if (errors.hasErrors()) {
			return form(model, user, form, account);
		}
		try {
			accounts.update(user.role(), id, form.toDraft());
			flash.success(redirect, "account.updated", account.username());
			return "redirect:/access/accounts";
		}
		catch (BusinessRuleException e) {
			errors.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
			return form(model, user, form, account);
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal MinyiUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "account.disabled", () -> accounts.setEnabled(user.role(), id, false));
	}

	@PostMapping("/{id}/enable")
	String enable(@AuthenticationPrincipal MinyiUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "account.enabled", () -> accounts.setEnabled(user.role(), id, true));
	}

	@PostMapping("/{id}/unlock")
	String unlock(@AuthenticationPrincipal MinyiUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "account.unlocked", () -> accounts.unlock(user.role(), id));
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@AuthenticationPrincipal MinyiUser user, @PathVariable long id, Model model) {
		model.addAttribute("created", accounts.resetPassword(user.role(), id));
		return "access/account-password";
	}

	private String act(RedirectAttributes redirect, String doneKey,
			Supplier<AccountView> action) {
		try {
			AccountView account = action.get();
			flash.success(redirect, doneKey, account.username());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/access/accounts";
	}

	private AccountView manageable(MinyiUser user, long id) {
		return accounts.find(id).filter(a -> user.role().manageableRoles().contains(a.role()))
			.orElseThrow(() -> new RecordNotFoundException("account", id));
	}

	private String form(Model model, MinyiUser user, AccountForm form, AccountView existing) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("roles", user.role().manageableRoles());
		model.addAttribute("units", activeUnits());
		return "access/account-form";
	}

	private List<UnitView> activeUnits() {
		return units.list(DataScope.wholeDistrict()).stream().filter(UnitView::active).toList();
	}

	private Map<Long, String> unitNames() {
		Map<Long, String> names = new HashMap<>();
		units.list(DataScope.wholeDistrict()).forEach(u -> names.put(u.id(), u.name()));
		return names;
	}

	/** The account form as posted. */
	static class AccountForm {

		@NotBlank
		@Size(min = 3, max = 50)
		@Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{account.username.pattern}")
		private String username;

		@NotBlank
		@Size(max = 50)
		private String displayName;

		@NotNull
		private Role role;

		@NotNull
		private Long unitId;

		static AccountForm of(AccountView account) {
			AccountForm form = new AccountForm();
			form.username = account.username();
			form.displayName = account.displayName();
			form.role = account.role();
			form.unitId = account.unitId();
			return form;
		}

		AccountDraft toDraft() {
			return new AccountDraft(username, displayName, role, unitId);
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public Role getRole() {
			return role;
		}

		public void setRole(Role role) {
			this.role = role;
		}

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}
	}
}
