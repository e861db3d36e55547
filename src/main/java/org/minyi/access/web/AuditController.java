package org.minyi.access.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.access.AuditQuery;
import org.minyi.access.AuditTrail;
import org.minyi.access.ChainVerification;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The auditor's view of the audit trail: filter, export, verify the hash chain. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping("/access/audit")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String username, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) Integer page, Model model) {
		AuditQuery query = query(from, to, username, action, targetType, targetId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("query", query);
		model.addAttribute("entries", trail.search(query, PageRequest.of(page, 50, null, null)));
		return "access/audit";
	}

	@GetMapping("/access/audit/export")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String username, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			HttpServletResponse response, Locale locale) throws IOException {
		AuditQuery query = query(from, to, username, action, targetType, targetId);
		List<String> headers = List.of("id", "time", "username", "role", "unit", "ip", "action", "targetType", "targetId",
				"summary", "hash")
			.stream()
			.map(column -> messages.getMessage("audit.column." + column, null, locale))
			.toList();
		ExcelDownload.send(response, "audit", messages.getMessage("nav.audit", null, locale), headers,
				sheet -> trail.forEach(query, e -> sheet.row(java.util.Arrays.asList(e.id(), e.occurredAt(), e.username(),
						e.role(), e.unitId(), e.clientIp(), e.action(), e.targetType(), e.targetId(), e.summary(), e.hash()))));
	}

	@PostMapping("/access/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", trail.verify());
		return "access/audit :: verification";
	}

	@GetMapping("/api/v1/audit/verification")
	@ResponseBody
	ChainVerification verifyApi() {
		return trail.verify();
	}

	private static AuditQuery query(LocalDate from, LocalDate to, String username, String action, String targetType,
			String targetId) {
		return new AuditQuery(from == null ? null : from.atStartOfDay(ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant(), username, action, targetType, targetId);
	}
}
