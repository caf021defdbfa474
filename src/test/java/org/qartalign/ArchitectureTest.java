package org.qartalign;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the rooms of the house honest (see STYLE.md): who may use whom, no toolkit below the UI, and no cycles
 * between rooms or between the UI's windows (in the manner of PDFsam's TestCycles). {@code stats} sits below
 * eval and alignment, which both use it.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.qartalign");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.qartalign.ui..", "org.qartalign")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void coreUsesNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.qartalign.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.qartalign.store..", "org.qartalign.dataset..",
                        "org.qartalign.eval..", "org.qartalign.alignment..", "org.qartalign.labeling..",
                        "org.qartalign.ui..", "org.qartalign.cli..", "org.qartalign.stats..")
                .check(CLASSES);
    }

    @Test
    void theStoreUsesOnlyCore() {
        noClasses().that().resideInAPackage("org.qartalign.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.qartalign.dataset..", "org.qartalign.eval..",
                        "org.qartalign.alignment..", "org.qartalign.labeling..", "org.qartalign.ui..",
                        "org.qartalign.cli..")
                .check(CLASSES);
    }

    @Test
    void datasetEvalAlignmentAndLabelingUseOnlyCoreAndStore() {
        for (String room : new String[] {"dataset", "eval", "alignment", "labeling"}) {
            noClasses().that().resideInAPackage("org.qartalign." + room + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherRooms(room))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    /**
     * The simulated people answer from what the renderer knows, never by reading the image: nothing on their path
     * may use a ZXing reader or binarizer (the QR encoder, which draws the code, is allowed) or any evaluator.
     */
    @Test
    void theSimulatedPeopleUseNoQrReaderAndNoEvaluator() {
        DescribedPredicate<JavaClass> readerOrEval = new DescribedPredicate<>("are a ZXing reader, detector, "
                + "binarizer or decoder, or an org.qartalign.eval class") {
            @Override
            public boolean test(JavaClass c) {
                String name = c.getName();
                return name.startsWith("org.qartalign.eval.")
                        || c.isAssignableTo("com.google.zxing.Reader")
                        || c.isAssignableTo("com.google.zxing.Binarizer")
                        || c.isAssignableTo("com.google.zxing.LuminanceSource")
                        || name.equals("com.google.zxing.BinaryBitmap")
                        || name.startsWith("com.google.zxing.qrcode.detector.")
                        || name.startsWith("com.google.zxing.common.detector.")
                        || name.equals("com.google.zxing.qrcode.decoder.Decoder")
                        || name.startsWith("com.google.zxing.client.");
            }
        };
        noClasses().that().belongToAnyOf(org.qartalign.dataset.SimulatedLabelers.class,
                        org.qartalign.dataset.DemoDataset.class, org.qartalign.dataset.QrArtRenderer.class)
                .should().transitivelyDependOnClassesThat(readerOrEval)
                .check(CLASSES);
    }

    @Test
    void statisticsUseNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.qartalign.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.qartalign.core..", "org.qartalign.store..",
                        "org.qartalign.dataset..", "org.qartalign.eval..", "org.qartalign.alignment..",
                        "org.qartalign.labeling..", "org.qartalign.ui..", "org.qartalign.cli..")
                .check(CLASSES);
    }

    @Test
    void roomsHaveNoDependencyCycles() {
        slices().matching("org.qartalign.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void uiWindowsHaveNoDependencyCycles() {
        slices().matching("org.qartalign.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** One database access path: SQL, connections and result sets stay in the store's repositories. */
    @Test
    void onlyTheStoreUsesJavaSql() {
        noClasses().that().resideOutsideOfPackage("org.qartalign.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(CLASSES);
    }

    @Test
    void theCliNeverUsesTheUi() {
        noClasses().that().resideInAPackage("org.qartalign.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.qartalign.ui..")
                .check(CLASSES);
    }

    @Test
    void theUiNeverUsesTheCli() {
        noClasses().that().resideInAPackage("org.qartalign.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.qartalign.cli..")
                .check(CLASSES);
    }

    /** Views bind and forward; reading or writing data is a view model's job, off the UI thread (MVVM as in JabRef). */
    @Test
    void viewsNeverUseTheStore() {
        noClasses().that().resideInAPackage("org.qartalign.ui..")
                .and().haveSimpleNameNotEndingWith("ViewModel")
                .and().doNotHaveFullyQualifiedName("org.qartalign.ui.QArtAlignApp")
                .and().doNotHaveFullyQualifiedName("org.qartalign.ui.FirstRun")
                .should().dependOnClassesThat().resideInAPackage("org.qartalign.store..")
                .because("the app class opens the database and hands it to view models; views only see view models")
                .check(CLASSES);
    }

    /**
     * Dialogs and choosers open only through ui/common/Dialogs: shown any other way, a dialog is window-modal and
     * un-maximises the main window under openbox or KDE (JDK-8332222), or opens at 200x200 (JDK-8316423).
     */
    @Test
    void dialogsOpenOnlyThroughDialogs() {
        noClasses().that().doNotHaveFullyQualifiedName("org.qartalign.ui.common.Dialogs")
                .should().callMethod(javafx.scene.control.Dialog.class, "showAndWait")
                .orShould().callMethod(javafx.scene.control.Dialog.class, "show")
                .orShould().callMethod(javafx.scene.control.Alert.class, "showAndWait")
                .orShould().callMethod(javafx.scene.control.Alert.class, "show")
                .orShould().callMethod(javafx.stage.FileChooser.class, "showSaveDialog", javafx.stage.Window.class)
                .orShould().callMethod(javafx.stage.FileChooser.class, "showOpenDialog", javafx.stage.Window.class)
                .orShould().callMethod(javafx.stage.FileChooser.class, "showOpenMultipleDialog",
                        javafx.stage.Window.class)
                .orShould().callMethod(javafx.stage.DirectoryChooser.class, "showDialog", javafx.stage.Window.class)
                .check(CLASSES);
    }

    private static String[] otherRooms(String room) {
        return java.util.stream.Stream.of("dataset", "eval", "alignment", "labeling", "ui", "cli")
                .filter(r -> !r.equals(room)).map(r -> "org.qartalign." + r + "..").toArray(String[]::new);
    }
}
