package org.minyi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.minyi.notices.NoticeEvent;
import org.minyi.notices.NoticeKinds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MinyiApplication.class);

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.minyi");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

	@Test
	void domainCodeNeverImportsWebCode() {
		noClasses().that().resideOutsideOfPackage("org.minyi..web..")
			.should().dependOnClassesThat().resideInAPackage("org.minyi..web..")
			.check(classes);
	}

	/** The estimation library runs in the application, the analyst CLI and tests alike: plain Java and maths only. */
	@Test
	void estimationIsPlainJava() {
		classes().that().resideInAPackage("org.minyi.scoring.estimation..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.minyi.scoring.estimation..", "org.apache.commons.math3..")
			.check(classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(Autowired.class).check(classes);
	}

	/** Pages ask their module's services; SQL lives with the module's data, never in a controller. */
	@Test
	void webCodeRunsNoSql() {
		noClasses().that().resideInAPackage("org.minyi..web..")
			.should().dependOnClassesThat().belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, DataSource.class)
			.check(classes);
	}

	/** Each module's demo data lives in its own {@code demo} room, only under the demo profile, and nothing else relies on it. */
	@Test
	void demoDataLivesInDemoPackages() {
		classes().that().haveSimpleNameStartingWith("Demo").and().areTopLevelClasses()
			.should().resideInAPackage("org.minyi..demo..").andShould().beAnnotatedWith(Profile.class)
			.check(classes);
		noClasses().that().resideOutsideOfPackage("org.minyi..demo..")
			.should().dependOnClassesThat().resideInAPackage("org.minyi..demo..")
			.check(classes);
	}

	/** Listeners and repositories are a module's inside: nobody else calls them. */
	@Test
	void listenersAndRepositoriesAreNotPublic() {
		methods().that().areAnnotatedWith(EventListener.class).or().areAnnotatedWith(ApplicationModuleListener.class)
			.or().areAnnotatedWith(TransactionalEventListener.class)
			.should().notBePublic()
			.check(classes);
		classes().that().areAssignableTo(Repository.class).and().areInterfaces()
			.should().notBePublic()
			.check(classes);
	}

	/**
	 * The notice centre's contract: only an event's record components are stored in the publication
	 * registry, so notice events are records; kinds are declared by a bean of their own module.
	 */
	@Test
	void noticeEventsAreRecordsAndKindsAreDeclaredByModuleBeans() {
		classes().that().implement(NoticeEvent.class).and().areNotInterfaces()
			.should().beRecords()
			.check(classes);
		classes().that().implement(NoticeKinds.class)
			.should().beAnnotatedWith(Component.class).andShould().notBePublic()
			.check(classes);
	}
}
