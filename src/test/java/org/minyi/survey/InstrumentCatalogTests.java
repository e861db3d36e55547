package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.platform.BusinessRuleException;
import org.minyi.survey.instrumentfile.InstrumentFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class InstrumentCatalogTests {

	@Autowired
	InstrumentCatalog catalog;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void standardInstrumentIsPublishedOnFirstStart() {
		InstrumentVersion standard = catalog.list().stream()
			.filter(v -> v.code().equals("STANDARD") && v.version() == 1)
			.findFirst()
			.orElseThrow();
		assertThat(standard.status()).isEqualTo(InstrumentStatus.PUBLISHED);
		assertThat(standard.definition()).isEqualTo(InstrumentFiles.standard());
	}

	@Test
	void publishedVersionNeverChangesAndEditingMakesTheNextDraft() {
		InstrumentVersion v1 = catalog.publish(catalog.addDraft(renamed(InstrumentFiles.standard(), code())).id());
		assertThatThrownBy(() -> catalog.replaceDraft(v1.id(), v1.definition()))
			.isInstanceOf(BusinessRuleException.class).hasMessage("instrument.error.publishedImmutable");

		InstrumentVersion v2 = catalog.newDraftFrom(v1.id());
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.isDraft()).isTrue();
		assertThatThrownBy(() -> catalog.newDraftFrom(v1.id())).hasMessage("instrument.error.openDraft");

		InstrumentDefinition changed = new InstrumentDefinition(v2.code(), "changed title", "hi", v2.definition().sections(),
				v2.definition().composites());
		catalog.replaceDraft(v2.id(), changed);
		assertThat(catalog.find(v2.id()).orElseThrow().title()).isEqualTo("changed title");
		assertThat(catalog.find(v1.id()).orElseThrow().definition()).isEqualTo(v1.definition());

		catalog.publish(v2.id());
		assertThatThrownBy(() -> catalog.publish(v2.id())).hasMessage("instrument.error.notDraft");
	}

	@Test
	void importedFileWithProblemsIsExplainedAndStoresNothing() throws Exception {
		int before = catalog.list().size();
		String body = mvc.perform(multipart("/survey/instruments/import")
			.file(new MockMultipartFile("file", "bad.yaml", "application/yaml",
					"code: X\ntitle: t\nsections: [{id: s, questions: [{id: A, text: a}]}]\n".getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).with(user(users.loadUserByUsername("district")))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("问卷文件有 1 处问题").contains("选择题必须有选项");
		assertThat(catalog.list()).hasSize(before);
	}

	@Test
	void exportedFileImportsAsTheNextDraft() throws Exception {
		String code = code();
		InstrumentVersion v1 = catalog.publish(catalog.addDraft(renamed(InstrumentFiles.standard(), code)).id());
		byte[] file = mvc.perform(get("/survey/instruments/{id}/export", v1.id()).with(user(users.loadUserByUsername("leader"))))
			.andReturn().getResponse().getContentAsByteArray();
		mvc.perform(multipart("/survey/instruments/import").file(new MockMultipartFile("file", "i.yaml", "application/yaml", file))
			.with(csrf()).with(user(users.loadUserByUsername("district"))));
		List<InstrumentVersion> versions = new ArrayList<>(catalog.list().stream().filter(v -> v.code().equals(code)).toList());
		assertThat(versions).extracting(InstrumentVersion::version).containsExactly(2, 1);
		assertThat(versions.get(0).definition()).isEqualTo(v1.definition());
	}

	@Test
	void draftEditedInThePageIsCheckedBeforeSaving() throws Exception {
		InstrumentVersion draft = catalog.addDraft(renamed(InstrumentFiles.standard(), code()));
		String yaml = new String(catalog.file(draft.id()), StandardCharsets.UTF_8).replace("weights:", "weights_typo:");
		String body = mvc.perform(post("/survey/instruments/{id}", draft.id()).param("yaml", yaml).with(csrf())
			.with(user(users.loadUserByUsername("district")))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("格式错误或含有无法识别的字段");
		assertThat(catalog.find(draft.id()).orElseThrow().definition()).isEqualTo(draft.definition());
	}

	private static InstrumentDefinition renamed(InstrumentDefinition definition, String code) {
		return new InstrumentDefinition(code, definition.title(), definition.introduction(), definition.sections(),
				definition.composites());
	}

	private static String code() {
		return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
	}
}
