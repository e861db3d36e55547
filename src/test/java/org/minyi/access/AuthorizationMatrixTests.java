package org.minyi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application registers and, for every role, asserts that the request
 * is allowed or denied exactly as the table below declares. A new endpoint without a row fails.
 */
@MinyiTest
class AuthorizationMatrixTests {

	private static final Set<Role> ALL = EnumSet.allOf(Role.class);

	private static final Set<Role> ORG_VIEW = EnumSet.of(Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN, Role.LEADER,
			Role.UNIT_OFFICER, Role.SURVEY_SUPERVISOR);

	private static final Set<Role> ORG_EDIT = EnumSet.of(Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN);

	private static final Set<Role> ACCOUNTS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN);

	private static final Set<Role> AUDIT = EnumSet.of(Role.AUDITOR);

	private static final Set<Role> INSTRUMENT_VIEW = EnumSet.of(Role.DISTRICT_ADMIN, Role.SURVEY_SUPERVISOR,
			Role.INTERVIEWER, Role.LEADER);

	private static final Set<Role> INSTRUMENT_EDIT = EnumSet.of(Role.DISTRICT_ADMIN);

	private static final Set<Role> ROUND_VIEW = EnumSet.of(Role.DISTRICT_ADMIN, Role.SURVEY_SUPERVISOR, Role.LEADER);

	private static final Set<Role> ROUND_EDIT = EnumSet.of(Role.DISTRICT_ADMIN);

	private static final Set<Role> FIELDWORK = EnumSet.of(Role.DISTRICT_ADMIN, Role.SURVEY_SUPERVISOR);

	private static final Set<Role> CATI = EnumSet.of(Role.INTERVIEWER, Role.SURVEY_SUPERVISOR);

	private static final Set<Role> PLAN_VIEW = EnumSet.of(Role.DISTRICT_ADMIN, Role.LEADER);

	private static final Set<Role> PLAN_EDIT = EnumSet.of(Role.DISTRICT_ADMIN);

	private static final Set<Role> TASK_VIEW = EnumSet.of(Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_OFFICER);

	private static final Set<Role> TASK_WORK = EnumSet.of(Role.UNIT_OFFICER);

	private static final Set<Role> LEDGER_EDIT = EnumSet.of(Role.DISTRICT_ADMIN, Role.UNIT_OFFICER);

	private static final Set<Role> OUTREACH_VIEW = EnumSet.of(Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_OFFICER);

	private static final Set<Role> OUTREACH_WORK = EnumSet.of(Role.DISTRICT_ADMIN, Role.UNIT_OFFICER);

	private static final Set<Role> NOTICES = EnumSet.of(Role.DISTRICT_ADMIN, Role.UNIT_OFFICER, Role.LEADER);

	private static final Set<Role> RESULTS = EnumSet.of(Role.DISTRICT_ADMIN, Role.SURVEY_SUPERVISOR, Role.LEADER, Role.UNIT_OFFICER);

	/** Residents' questionnaire and public submission: no sign-in, the token is the credential. */
	private static final Set<String> PUBLIC = Set.of("GET /s/{token}", "POST /s/{token}", "GET /s/open/{roundId}",
			"POST /s/open/{roundId}", "POST /api/v1/public/responses", "POST /api/v1/public/noop", "GET /public/requests",
			"POST /public/requests");

	/** method + path pattern → roles allowed. */
	private static final Map<String, Set<Role>> TABLE = new LinkedHashMap<>();

	static {
		TABLE.put("GET /", ALL);
		TABLE.put("GET /login", ALL);
		TABLE.put("GET /account/password", ALL);
		TABLE.put("POST /account/password", ALL);
		TABLE.put("GET /org/units", ORG_VIEW);
		TABLE.put("GET /org/units/{id}", ORG_VIEW);
		TABLE.put("GET /org/units/export", ORG_VIEW);
		TABLE.put("GET /org/units/new", ORG_EDIT);
		TABLE.put("POST /org/units", ORG_EDIT);
		TABLE.put("GET /org/units/{id}/edit", ORG_EDIT);
		TABLE.put("POST /org/units/{id}", ORG_EDIT);
		TABLE.put("POST /org/units/{id}/deactivate", ORG_EDIT);
		TABLE.put("POST /org/units/{id}/reactivate", ORG_EDIT);
		TABLE.put("GET /org/units/template", ORG_EDIT);
		TABLE.put("GET /org/units/import", ORG_EDIT);
		TABLE.put("POST /org/units/import", ORG_EDIT);
		TABLE.put("GET /api/v1/units", ORG_VIEW);
		TABLE.put("GET /api/v1/units/{id}", ORG_VIEW);
		TABLE.put("GET /access/accounts", ACCOUNTS);
		TABLE.put("GET /access/accounts/export", ACCOUNTS);
		TABLE.put("GET /access/accounts/new", ACCOUNTS);
		TABLE.put("POST /access/accounts", ACCOUNTS);
		TABLE.put("GET /access/accounts/{id}/edit", ACCOUNTS);
		TABLE.put("POST /access/accounts/{id}", ACCOUNTS);
		TABLE.put("POST /access/accounts/{id}/disable", ACCOUNTS);
		TABLE.put("POST /access/accounts/{id}/enable", ACCOUNTS);
		TABLE.put("POST /access/accounts/{id}/unlock", ACCOUNTS);
		TABLE.put("POST /access/accounts/{id}/reset-password", ACCOUNTS);
		TABLE.put("GET /access/audit", AUDIT);
		TABLE.put("GET /access/audit/export", AUDIT);
		TABLE.put("POST /access/audit/verify", AUDIT);
		TABLE.put("GET /api/v1/audit/verification", AUDIT);
		TABLE.put("GET /survey/instruments", INSTRUMENT_VIEW);
		TABLE.put("GET /survey/instruments/{id}", INSTRUMENT_VIEW);
		TABLE.put("GET /survey/instruments/{id}/export", INSTRUMENT_VIEW);
		TABLE.put("POST /survey/instruments/import", INSTRUMENT_EDIT);
		TABLE.put("POST /survey/instruments/{id}/draft", INSTRUMENT_EDIT);
		TABLE.put("POST /survey/instruments/{id}", INSTRUMENT_EDIT);
		TABLE.put("POST /survey/instruments/{id}/publish", INSTRUMENT_EDIT);
		TABLE.put("GET /survey/rounds", ROUND_VIEW);
		TABLE.put("GET /survey/rounds/{id}", ROUND_VIEW);
		TABLE.put("GET /survey/rounds/new", ROUND_EDIT);
		TABLE.put("GET /survey/rounds/{id}/edit", ROUND_EDIT);
		TABLE.put("POST /survey/rounds/{id}", ROUND_EDIT);
		TABLE.put("POST /survey/rounds", ROUND_EDIT);
		TABLE.put("POST /survey/rounds/{id}/targets", ROUND_EDIT);
		TABLE.put("POST /survey/rounds/{id}/status", ROUND_EDIT);
		TABLE.put("GET /survey/rounds/{id}/fieldwork", ROUND_VIEW);
		TABLE.put("GET /survey/rounds/{id}/fieldwork/counts", ROUND_VIEW);
		TABLE.put("POST /survey/rounds/{id}/invitations", FIELDWORK);
		TABLE.put("GET /survey/rounds/{id}/invitations/{batchId}/list", FIELDWORK);
		TABLE.put("GET /survey/rounds/{id}/invitations/{batchId}/sheets", FIELDWORK);
		TABLE.put("POST /survey/rounds/{id}/open-link", ROUND_EDIT);
		TABLE.put("GET /survey/rounds/{id}/open-link/poster", FIELDWORK);
		TABLE.put("GET /survey/rounds/{id}/official", ROUND_VIEW);
		TABLE.put("POST /survey/rounds/{id}/official", ROUND_EDIT);
		TABLE.put("GET /survey/rounds/{id}/official/template", ROUND_EDIT);
		TABLE.put("POST /survey/rounds/{id}/official/import", ROUND_EDIT);
		TABLE.put("GET /scoring/rounds", RESULTS);
		TABLE.put("GET /scoring/rounds/{id}", RESULTS);
		TABLE.put("POST /scoring/rounds/{id}/compute", FIELDWORK);
		TABLE.put("GET /scoring/rounds/{id}/export", RESULTS);
		TABLE.put("GET /scoring/rounds/{id}/units/{unitId}", RESULTS);
		TABLE.put("GET /scoring/rounds/{id}/settings", ROUND_EDIT);
		TABLE.put("GET /workplan/plans", PLAN_VIEW);
		TABLE.put("POST /workplan/plans", PLAN_EDIT);
		TABLE.put("GET /workplan/plans/{id}", PLAN_VIEW);
		TABLE.put("GET /workplan/plans/{id}/items/{itemId}", PLAN_EDIT);
		TABLE.put("POST /workplan/plans/{id}/items/{itemId}", PLAN_EDIT);
		TABLE.put("POST /workplan/plans/{id}/items", PLAN_EDIT);
		TABLE.put("POST /workplan/plans/{id}/items/{itemId}/remove", PLAN_EDIT);
		TABLE.put("POST /workplan/plans/{id}/publish", PLAN_EDIT);
		TABLE.put("GET /workplan/tasks", TASK_VIEW);
		TABLE.put("GET /workplan/tasks/export", TASK_VIEW);
		TABLE.put("GET /workplan/tasks/{id}", TASK_VIEW);
		TABLE.put("GET /workplan/tasks/{id}/evidence/{evidenceId}", TASK_VIEW);
		TABLE.put("POST /workplan/tasks/{id}/evidence/{evidenceId}/remove", TASK_WORK);
		TABLE.put("POST /workplan/tasks/{id}/files", TASK_WORK);
		TABLE.put("POST /workplan/tasks/{id}/meetings", TASK_WORK);
		TABLE.put("POST /workplan/tasks/{id}/submit", TASK_WORK);
		TABLE.put("POST /workplan/tasks/{id}/ledger", TASK_WORK);
		TABLE.put("GET /outreach/requests", OUTREACH_VIEW);
		TABLE.put("GET /outreach/requests/export", OUTREACH_VIEW);
		TABLE.put("GET /outreach/requests/new", OUTREACH_WORK);
		TABLE.put("POST /outreach/requests", OUTREACH_WORK);
		TABLE.put("GET /outreach/requests/{id}", OUTREACH_VIEW);
		TABLE.put("POST /outreach/requests/{id}/act", OUTREACH_WORK);
		TABLE.put("POST /outreach/requests/{id}/notes", OUTREACH_WORK);
		TABLE.put("POST /outreach/requests/{id}/contact", OUTREACH_WORK);
		TABLE.put("GET /outreach/visits", OUTREACH_VIEW);
		TABLE.put("GET /outreach/visits/new", OUTREACH_WORK);
		TABLE.put("POST /outreach/visits", OUTREACH_WORK);
		TABLE.put("GET /outreach/visits/{id}", OUTREACH_VIEW);
		TABLE.put("GET /outreach/visits/{id}/photos/{photoId}", OUTREACH_VIEW);
		TABLE.put("GET /outreach/assignments", OUTREACH_VIEW);
		TABLE.put("POST /outreach/assignments", OUTREACH_WORK);
		TABLE.put("POST /outreach/assignments/{id}/end", OUTREACH_WORK);
		TABLE.put("GET /outreach/metrics", OUTREACH_VIEW);
		TABLE.put("GET /outreach/special-groups", OUTREACH_VIEW);
		TABLE.put("GET /outreach/special-groups/export", OUTREACH_VIEW);
		TABLE.put("GET /outreach/special-groups/new", OUTREACH_WORK);
		TABLE.put("POST /outreach/special-groups", OUTREACH_WORK);
		TABLE.put("GET /outreach/special-groups/{id}", OUTREACH_VIEW);
		TABLE.put("POST /outreach/special-groups/{id}/reveal", OUTREACH_WORK);
		TABLE.put("POST /outreach/special-groups/{id}/care", OUTREACH_WORK);
		TABLE.put("GET /outreach/focus", PLAN_VIEW);
		TABLE.put("POST /outreach/focus/assign", PLAN_EDIT);
		TABLE.put("GET /outreach/comments", PLAN_EDIT);
		TABLE.put("GET /outreach/special-groups/kinds", PLAN_EDIT);
		TABLE.put("POST /outreach/special-groups/kinds", PLAN_EDIT);
		TABLE.put("POST /outreach/special-groups/kinds/{code}", PLAN_EDIT);
		TABLE.put("POST /outreach/special-groups/kinds/{code}/active", PLAN_EDIT);
		TABLE.put("POST /outreach/focus/publicity", PLAN_EDIT);
		TABLE.put("POST /outreach/comments/{id}/request", PLAN_EDIT);
		TABLE.put("POST /outreach/comments/{id}/set-aside", PLAN_EDIT);
		TABLE.put("POST /outreach/comments/{id}/restore", PLAN_EDIT);
		TABLE.put("GET /disputes", OUTREACH_VIEW);
		TABLE.put("GET /disputes/export", OUTREACH_VIEW);
		TABLE.put("GET /disputes/new", OUTREACH_WORK);
		TABLE.put("POST /disputes", OUTREACH_WORK);
		TABLE.put("GET /disputes/{id}", OUTREACH_VIEW);
		TABLE.put("POST /disputes/{id}/act", OUTREACH_WORK);
		TABLE.put("POST /disputes/{id}/sessions", OUTREACH_WORK);
		TABLE.put("POST /disputes/{id}/parties/{partyId}", OUTREACH_WORK);
		TABLE.put("GET /disputes/metrics", OUTREACH_VIEW);
		TABLE.put("GET /disputes/metrics/export", OUTREACH_VIEW);
		TABLE.put("GET /outreach/metrics/export", OUTREACH_VIEW);
		TABLE.put("GET /workplan/ledgers", TASK_VIEW);
		TABLE.put("GET /workplan/ledgers/{slug}", TASK_VIEW);
		TABLE.put("GET /workplan/ledgers/{slug}/export", TASK_VIEW);
		TABLE.put("GET /workplan/ledgers/{slug}/template", LEDGER_EDIT);
		TABLE.put("POST /workplan/ledgers/{slug}/import", LEDGER_EDIT);
		TABLE.put("GET /workplan/ledgers/{slug}/new", LEDGER_EDIT);
		TABLE.put("POST /workplan/ledgers/{slug}", LEDGER_EDIT);
		TABLE.put("GET /workplan/ledgers/{slug}/{id}", TASK_VIEW);
		TABLE.put("POST /workplan/ledgers/{slug}/{id}", LEDGER_EDIT);
		TABLE.put("POST /workplan/ledgers/{slug}/{id}/delete", LEDGER_EDIT);
		TABLE.put("POST /workplan/tasks/{id}/review", PLAN_EDIT);
		TABLE.put("GET /notices", NOTICES);
		TABLE.put("POST /notices/read", NOTICES);
		TABLE.put("GET /notices/settings", NOTICES);
		TABLE.put("POST /notices/settings", NOTICES);
		TABLE.put("GET /workplan/notices", NOTICES);
		TABLE.put("GET /workplan/notices/settings", NOTICES);
		TABLE.put("GET /workplan/board", TASK_VIEW);
		TABLE.put("GET /workplan/board/export", TASK_VIEW);
		TABLE.put("GET /fieldwork/frames", FIELDWORK);
		TABLE.put("POST /fieldwork/frames", FIELDWORK);
		TABLE.put("POST /fieldwork/frames/upload", FIELDWORK);
		TABLE.put("GET /fieldwork/frames/{id}/progress", FIELDWORK);
		TABLE.put("GET /fieldwork/frames/{id}", FIELDWORK);
		TABLE.put("GET /fieldwork/frames/{id}/rejections", FIELDWORK);
		TABLE.put("POST /fieldwork/frames/{id}/purge", ROUND_EDIT);
		TABLE.put("GET /fieldwork/rounds", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/monitor", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/export", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/export/quotas", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/export/productivity", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/draws", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/assignments", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/townships/{townshipId}/release", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/qc", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/qc/export", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/qc/export/interviewers", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/qc/verification", FIELDWORK);
		TABLE.put("GET /fieldwork/rounds/{roundId}/qc/interviews/{attemptId}", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/qc/interviews/{attemptId}/verify", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/qc/interviews/{attemptId}/number", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/qc/interviews/{attemptId}/verification", FIELDWORK);
		TABLE.put("POST /fieldwork/rounds/{roundId}/qc/interviews/{attemptId}/invalidate", FIELDWORK);
		TABLE.put("GET /fieldwork/do-not-call", FIELDWORK);
		TABLE.put("POST /fieldwork/do-not-call", FIELDWORK);
		TABLE.put("POST /fieldwork/do-not-call/remove", FIELDWORK);
		TABLE.put("GET /fieldwork/cati", CATI);
		TABLE.put("POST /fieldwork/cati/rounds/{roundId}/next", CATI);
		TABLE.put("GET /fieldwork/cati/calls/{caseId}", CATI);
		TABLE.put("POST /fieldwork/cati/calls/{caseId}/screening", CATI);
		TABLE.put("GET /fieldwork/cati/calls/{caseId}/interview", CATI);
		TABLE.put("POST /fieldwork/cati/calls/{caseId}/interview", CATI);
		TABLE.put("POST /fieldwork/cati/calls/{caseId}/disposition", CATI);
		TABLE.put("POST /scoring/rounds/{id}/settings", ROUND_EDIT);
		TABLE.put("GET /api/v1/rounds", ROUND_VIEW);
		TABLE.put("GET /api/v1/rounds/{id}", ROUND_VIEW);
		TABLE.put("GET /api/v1/rounds/{id}/response-counts", ROUND_VIEW);
		TABLE.put("POST /api/v1/rounds/{id}/invitations", FIELDWORK);
		TABLE.put("GET /api/v1/instruments", INSTRUMENT_VIEW);
		TABLE.put("GET /api/v1/instruments/{id}", INSTRUMENT_VIEW);
		PUBLIC.forEach(endpoint -> TABLE.put(endpoint, ALL));
		TABLE.put("GET /api/docs", ALL);
		TABLE.put("GET /v3/api-docs", ALL);
		TABLE.put("GET /v3/api-docs.yaml", ALL);
		TABLE.put("GET /v3/api-docs/swagger-config", ALL);
	}

	/** Framework endpoints outside our table (error page, actuator, OpenAPI are checked elsewhere). */
	private static final Set<String> FRAMEWORK = Set.of("/error");

	@Autowired
	MockMvc mvc;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountUserDetails users;

	@Test
	void everyEndpointHasAnEntry() {
		assertThat(endpoints()).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
	}

	@Test
	void everyRoleIsAllowedOrDeniedAsDeclared() throws Exception {
		Map<Role, String> demoUsers = Map.of(Role.SYSTEM_ADMIN, "sysadmin", Role.SECURITY_ADMIN, "secadmin", Role.AUDITOR,
				"auditor", Role.DISTRICT_ADMIN, "district", Role.LEADER, "leader", Role.SURVEY_SUPERVISOR, "supervisor",
				Role.INTERVIEWER, "interviewer", Role.UNIT_OFFICER, "officer");
		List<String> wrong = new ArrayList<>();
		for (String endpoint : endpoints()) {
			for (Role role : Role.values()) {
				MinyiUser principal = users.loadUserByUsername(demoUsers.get(role));
				int status = mvc.perform(request(endpoint).with(user(principal)).with(csrf())).andReturn().getResponse().getStatus();
				boolean allowed = TABLE.get(endpoint).contains(role);
				boolean denied = status == 403;
				if (allowed == denied) {
					wrong.add(endpoint + " as " + role + " -> " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anonymousRequestsAreSentToLogin() throws Exception {
		for (String endpoint : endpoints()) {
			MockHttpServletResponse response = mvc.perform(request(endpoint).with(csrf())).andReturn().getResponse();
			int status = response.getStatus();
			if (endpoint.equals("GET /login") || PUBLIC.contains(endpoint)) {
				assertThat(status).as(endpoint).isNotIn(401, 403);
				assertThat(String.valueOf(response.getRedirectedUrl())).as(endpoint).doesNotContain("/login");
				continue;
			}
			assertThat(status).as(endpoint).isIn(302, 401);
		}
	}

	private List<String> endpoints() {
		List<String> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (FRAMEWORK.contains(pattern) || !info.getMethodsCondition().getMethods().iterator().hasNext()) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	/** A harmless request: ids that do not exist, forms without data. */
	private static org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request(String endpoint) {
		String[] parts = endpoint.split(" ");
		String path = parts[1].replace("{token}", "AAAAAAAAAAAAAAAAAAAAAA").replaceAll("\\{[a-zA-Z]+\\}", "987654321");
		if (path.endsWith("/import") && parts[0].equals("POST")) {
			return MockMvcRequestBuilders.multipart(path);
		}
		return MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path);
	}
}
