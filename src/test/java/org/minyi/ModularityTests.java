package org.minyi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
}
