package io.fitmesh.commerce;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.fitmesh.testkit.LayerRules;

/** The commerce integration keeps the shape every deployable has (see {@link LayerRules}). */
@AnalyzeClasses(packages = "io.fitmesh.commerce", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchTests LAYERS = ArchTests.in(LayerRules.class);
}
