package org.optbench.results.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.results.leaderboard.Leaderboard;
import org.optbench.results.leaderboard.Leaderboards;
import org.optbench.results.leaderboard.RecordTree;
import org.optbench.results.leaderboard.Selection;
import org.optbench.results.scoring.RuleVersion;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class RegressionGateTest {
    @TempDir
    Path tmp;

    private static Baseline baseline(double score, Double time, Double step) {
        return new Baseline(Baseline.FORMAT, "v0.6", Map.of("self_tuning", new Baseline.Experiment(List.of("cpu"),
                Map.of("adamw", new Baseline.SubmissionEntry(score,
                        Map.of("mlp", new Baseline.WorkloadEntry(time, step)))))));
    }

    @Test
    void identicalResultsPass() {
        Baseline b = baseline(0.8, 100.0, 0.01);
        List<Check> checks = RegressionGate.compare(b, b, Tolerances.defaults());
        assertEquals(3, checks.size()); // score, time to target, step time
        assertTrue(RegressionGate.passed(checks));
    }

    @Test
    void timeBeyondTheToleranceRegressesAndWithinPasses() {
        Baseline base = baseline(0.8, 100.0, 0.01);
        assertTrue(RegressionGate.passed(RegressionGate.compare(base, baseline(0.8, 109.9, 0.01),
                Tolerances.defaults())));
        List<Check> checks = RegressionGate.compare(base, baseline(0.8, 110.1, 0.01), Tolerances.defaults());
        assertFalse(RegressionGate.passed(checks));
        Check failed = checks.stream().filter(c -> !c.passed()).findFirst().orElseThrow();
        assertEquals(Quantity.TIME_TO_TARGET, failed.quantity());
        assertEquals(110.0, failed.limit(), 1e-9);
        assertTrue(failed.message().contains("by +10.1 %"), failed.message());
        // the time tolerance is separate from the step time's
        assertTrue(RegressionGate.passed(RegressionGate.compare(base, baseline(0.8, 110.1, 0.01),
                new Tolerances(0.2, 0.1, 0.05))));
    }

    @Test
    void stepTimeScoreAndNewMissesRegress() {
        Baseline base = baseline(0.8, 100.0, 0.01);
        assertEquals(Quantity.STEP_TIME, onlyFailure(base, baseline(0.8, 100.0, 0.0111)).quantity());
        assertEquals(Quantity.SCORE, onlyFailure(base, baseline(0.7499, 100.0, 0.01)).quantity());
        assertTrue(RegressionGate.passed(RegressionGate.compare(base, baseline(0.7501, 100.0, 0.01),
                Tolerances.defaults())));
        assertEquals(Quantity.TIME_TO_TARGET, onlyFailure(base, baseline(0.8, null, 0.01)).quantity());
        // a miss in both is no regression; a new hit is an improvement
        Baseline missed = baseline(0.8, null, 0.01);
        assertTrue(RegressionGate.passed(RegressionGate.compare(missed, missed, Tolerances.defaults())));
        assertTrue(RegressionGate.passed(RegressionGate.compare(missed, base, Tolerances.defaults())));
    }

    @Test
    void aResultMissingFromTheCurrentRecordsFails() {
        Baseline base = baseline(0.8, 100.0, 0.01);
        Baseline other = new Baseline(Baseline.FORMAT, "v0.6", Map.of("self_tuning", new Baseline.Experiment(
                List.of("cpu"), Map.of("adamw", new Baseline.SubmissionEntry(0.8, Map.of())))));
        List<Check> checks = RegressionGate.compare(base, other, Tolerances.defaults());
        assertEquals(2, checks.stream().filter(c -> !c.passed()).count(), checks.toString());
    }

    private static Check onlyFailure(Baseline base, Baseline current) {
        List<Check> failed = RegressionGate.compare(base, current, Tolerances.defaults()).stream()
                .filter(c -> !c.passed()).toList();
        assertEquals(1, failed.size(), failed.toString());
        return failed.get(0);
    }

    @Test
    void junitXmlIsValidAndHasOneTestcasePerCheckWithFailures() throws Exception {
        Baseline base = baseline(0.8, 100.0, 0.01);
        List<Check> checks = RegressionGate.compare(base, baseline(0.8, 150.0, 0.01), Tolerances.defaults());
        String xml = JUnitReport.xml(checks, Instant.parse("2026-11-27T03:00:00Z"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("junit.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("mlp time_to_target_seconds",
                failures.item(0).getParentNode().getAttributes().getNamedItem("name").getNodeValue());
        assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        // the validator rejects what CI would reject: a testcase without a name
        assertThrows(org.xml.sax.SAXException.class, () -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("junit.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml.replace("name=\"score\"", "")))));
    }

    @Test
    void summaryListsFailuresFirst() {
        Baseline base = baseline(0.8, 100.0, 0.01);
        String md = RegressionSummary.markdown(RegressionGate.compare(base, baseline(0.8, 150.0, 0.01),
                Tolerances.defaults()), Tolerances.defaults());
        assertTrue(md.startsWith("## optbench regression gate: FAILED"), md);
        assertTrue(md.contains("| self_tuning | adamw | mlp | time_to_target_seconds | 100.0 | 150.0 | 110.0 | **FAIL** |"), md);
    }

    @Test
    void baselineRoundTripsFromRecords() {
        Path records = tmp.resolve("records");
        RecordTree.twoByTwo(records.resolve("self_tuning"));
        Baseline b = Baseline.of(Leaderboards.read(records, Selection.all(),
                new Leaderboards.Settings(org.optbench.results.scoring.RuleVersion.V0_6, 1, 0.95, 0)));
        Path file = tmp.resolve("baseline.json");
        BaselineJson.write(b, file);
        Baseline read = BaselineJson.read(file);
        assertEquals(b, read);
        Baseline.SubmissionEntry fast = read.experiments().get("self_tuning").submissions().get("fast");
        assertEquals(0.5, fast.score(), 1e-12);
        assertEquals(10.0, fast.workloads().get("mlp").timeToTargetSeconds());
        assertEquals(null, fast.workloads().get("cnn").timeToTargetSeconds()); // missed: null
        assertEquals(0.004, fast.workloads().get("cnn").stepTimeMedianSeconds());
    }

    @Test
    void malformedBaselinesAreOneLineBadInput() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"optbench-baseline/1\", \"experiments\": {\"self_tuning\": "
                + "{\"submissions\": {\"adamw\": {\"score\": \"high\", \"workloads\": {}}}}}}");
        BadInputException e = assertThrows(BadInputException.class, () -> BaselineJson.read(file));
        assertEquals(file + ": field 'experiments.self_tuning.submissions.adamw.score' must be a number",
                e.getMessage());
        Files.writeString(file, "{\"format\": \"other\"}");
        assertTrue(assertThrows(BadInputException.class, () -> BaselineJson.read(file)).getMessage()
                .contains("'format'"));
        Files.writeString(file, "{\"format\": ");
        assertTrue(assertThrows(BadInputException.class, () -> BaselineJson.read(file)).getMessage()
                .contains("malformed JSON"));
        assertThrows(BadInputException.class, () -> BaselineJson.read(tmp.resolve("absent.json")));
        assertThrows(BadInputException.class, () -> new Tolerances(-0.1, 0.1, 0.05));
    }

    @Test
    void aSlowerMachineWithItsBudgetScaledScoresAndPassesTheGateAsTheReferenceDoes() {
        // Given the same trials on the class's reference machine and on one twice as slow, whose budgets were
        // scaled by 2 (every measured second doubled).
        Path reference = tmp.resolve("reference");
        RecordTree.twoByTwo(reference.resolve("self_tuning"));
        Path slower = tmp.resolve("slower");
        RecordTree.twoByTwo(slower.resolve("self_tuning"), 2, b -> b.budgetScale(2.0));
        Leaderboards.Settings settings = new Leaderboards.Settings(RuleVersion.V0_6, 50, 0.95, 0);
        List<Leaderboard> onReference = Leaderboards.read(reference, Selection.all(), settings);
        List<Leaderboard> onSlower = Leaderboards.read(slower, Selection.all(), settings);
        // Then the scores and the times, in reference seconds, are the same.
        assertEquals(onReference.get(0).report().scores(), onSlower.get(0).report().scores());
        assertEquals(20.0, onSlower.get(0).report().input().times().time("slow", "mlp")); // 40 s measured / 2
        assertEquals(0.001, onSlower.get(0).stepTimeMedianSeconds("slow", "mlp"), 1e-15);
        Baseline base = Baseline.of(onReference);
        assertEquals(base, Baseline.of(onSlower));
        assertTrue(RegressionGate.passed(RegressionGate.compare(base, Baseline.of(onSlower), Tolerances.defaults())));

        // The same slower records without their scale: every time doubles, the ratios (and so the scores) do not.
        Path unscaled = tmp.resolve("unscaled");
        RecordTree.twoByTwo(unscaled.resolve("self_tuning"), 2, b -> b);
        List<Check> failed = RegressionGate.compare(base, Baseline.of(Leaderboards.read(unscaled, Selection.all(),
                settings)), Tolerances.defaults()).stream().filter(c -> !c.passed()).toList();
        // 3 reached times (fast/cnn missed in both) and 4 step times regress by +100 %.
        assertEquals(7, failed.size(), failed.toString());
        assertTrue(failed.stream().noneMatch(c -> c.quantity() == Quantity.SCORE), failed.toString());
    }

    @Test
    void aBaselineTimedByAnotherClockIsRefused() throws Exception {
        Path records = tmp.resolve("cpu-records");
        RecordTree.twoByTwo(records.resolve("self_tuning"), 1, b -> b.clock("cpu"));
        Baseline current = Baseline.of(Leaderboards.read(records, Selection.all(),
                new Leaderboards.Settings(RuleVersion.V0_6, 1, 0.95, 0)));
        assertEquals("cpu", current.experiments().get("self_tuning").clock());
        // A baseline file from before the clock field was timed by the wall clock.
        Path file = tmp.resolve("old.json");
        Files.writeString(file, "{\"format\": \"optbench-baseline/1\", \"rule_version\": \"v0.6\", \"experiments\": "
                + "{\"self_tuning\": {\"hardware_classes\": [\"cpu-test\"], \"submissions\": {\"fast\": {\"score\": "
                + "0.5, \"workloads\": {}}}}}}");
        Baseline old = BaselineJson.read(file);
        assertEquals("wall", old.experiments().get("self_tuning").clockOrWall());
        BadInputException e = assertThrows(BadInputException.class,
                () -> RegressionGate.compare(old, current, Tolerances.defaults()));
        assertEquals("self_tuning: the baseline was timed by the wall clock but the current records by the cpu "
                + "clock; times compare within one clock: save a baseline from cpu-clock records", e.getMessage());
        assertTrue(RegressionGate.passed(RegressionGate.compare(current, current, Tolerances.defaults())));
    }
}
