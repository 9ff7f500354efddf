package io.fitmesh.reco;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.fitmesh.testkit.LayerRules;

/** The reco, promo and commerce services keep the shape every deployable has (see {@link LayerRules}). */
@AnalyzeClasses(packages = {"io.fitmesh.reco", "io.fitmesh.promo", "io.fitmesh.commerce"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchTests LAYERS = ArchTests.in(LayerRules.class);
}
