package io.oteldoctor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Features depend only downwards: ingest <- signature <- diagnosis <- matching/report <- analysis <- follow. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.oteldoctor");

    @Test
    void layersStayApart() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ingest").definedBy("io.oteldoctor.ingest..")
                .layer("signature").definedBy("io.oteldoctor.signature..")
                .layer("diagnosis").definedBy("io.oteldoctor.diagnosis..")
                .layer("matching").definedBy("io.oteldoctor.matching..")
                .layer("report").definedBy("io.oteldoctor.report..")
                .layer("analysis").definedBy("io.oteldoctor.analysis..")
                .layer("follow").definedBy("io.oteldoctor.follow..")
                .whereLayer("follow").mayNotBeAccessedByAnyLayer()
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("follow")
                .whereLayer("report").mayOnlyBeAccessedByLayers("analysis", "follow")
                .whereLayer("matching").mayOnlyBeAccessedByLayers("analysis", "follow")
                .whereLayer("diagnosis").mayOnlyBeAccessedByLayers("matching", "report", "analysis", "follow")
                .whereLayer("signature").mayOnlyBeAccessedByLayers("diagnosis", "matching", "analysis", "follow")
                .check(classes);
    }
}
