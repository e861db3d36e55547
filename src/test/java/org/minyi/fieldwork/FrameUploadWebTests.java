package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.web.UploadFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class FrameUploadWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	SampleFrames frames;

	@Autowired
	UploadFiles uploads;

	@Test
	void aFileSentAsTheRequestBodyIsImportedInTheBackgroundAndItsPageShowsProgress() throws Exception {
		byte[] csv = "电话号码,镇(街道)\n13612340001,城关街道\n13612340002,YJHK\n".getBytes(StandardCharsets.UTF_8);
		String location = mvc.perform(post("/fieldwork/frames/upload").param("name", "raw upload")
				.contentType(MediaType.APPLICATION_OCTET_STREAM).content(csv).with(csrf()).with(supervisor()))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(location.replaceAll(".*/fieldwork/frames/(\\d+).*", "$1"));
		for (int i = 0; i < 100 && frames.find(id).orElseThrow().status() == SampleFrames.FrameStatus.IMPORTING; i++) {
			Thread.sleep(50);
		}
		assertThat(frames.find(id).orElseThrow().imported()).isEqualTo(2);
		mvc.perform(get("/fieldwork/frames/" + id + "/progress").with(supervisor()))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getHeader("HX-Refresh")).as("a finished import reloads its page").isEqualTo("true"));
	}

	@Test
	void aRefusedUploadSaysWhyInChineseAndCreatesNoFrame() throws Exception {
		int before = frames.list().size();
		mvc.perform(post("/fieldwork/frames/upload").param("name", " ").contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content("phone,township\n13612340001,YJCG\n".getBytes(StandardCharsets.UTF_8)).with(csrf()).with(supervisor()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("请填写样本库名称（不超过 100 字）"));
		mvc.perform(post("/fieldwork/frames/upload").param("name", "empty").contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content(new byte[0]).with(csrf()).with(supervisor()))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/fieldwork/frames/upload").param("name", "forged").contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content("x".getBytes(StandardCharsets.UTF_8)).with(csrf()).with(user(users.loadUserByUsername("officer"))))
			.andExpect(status().isForbidden());
		assertThat(frames.list()).hasSize(before);
	}

	@Test
	void anUploadOverItsLimitIsRefusedAndLeavesNoFileBehind() throws Exception {
		long tempFiles = countUploads();
		assertThatThrownBy(() -> uploads.receive(new ByteArrayInputStream(new byte[3 * 1024 * 1024]), 2 * 1024 * 1024))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo(UploadFiles.TOO_LARGE));
		assertThat(countUploads()).isEqualTo(tempFiles);
		Path kept = uploads.receive(new ByteArrayInputStream(new byte[1024]), 2 * 1024 * 1024);
		assertThat(Files.size(kept)).isEqualTo(1024);
		Files.delete(kept);
	}

	private static long countUploads() throws Exception {
		try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter(f -> f.getFileName().toString().startsWith("minyi-upload-")).count();
		}
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor supervisor() {
		return user(users.loadUserByUsername("supervisor"));
	}
}
