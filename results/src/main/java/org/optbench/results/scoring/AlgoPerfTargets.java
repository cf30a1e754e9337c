package org.optbench.results.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.api.BadInputException;
import org.optbench.api.MetricDirection;

/**
 * The workloads and validation targets of an AlgoPerf benchmark version, read from a JSON file:
 * <pre>{@code
 * {"base_workloads": ["criteo1tb", ...],
 *  "held_out_workloads": ["criteo1tb_layernorm", ...],
 *  "workloads": {"criteo1tb": {"target_metric_name": "loss", "validation_target_value": 0.123735}, ...}}
 * }</pre>
 * A held-out variant's base is the longest base workload name that prefixes it followed by {@code _} (as
 * AlgoPerf names them); an entry may also be an object {@code {"name": ..., "base": ...}}. Directions follow the
 * metric names (see {@link #directionOf}).
 *
 * @param baseWorkloads the base workloads, in file order
 * @param variantToBase each held-out variant's base
 * @param targets every workload's and variant's target
 */
public record AlgoPerfTargets(List<String> baseWorkloads, Map<String, String> variantToBase,
                              Map<String, WorkloadTarget> targets) {

    /** Copies into unmodifiable collections. */
    public AlgoPerfTargets {
        baseWorkloads = List.copyOf(baseWorkloads);
        variantToBase = Collections.unmodifiableMap(new LinkedHashMap<>(variantToBase));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** Reads a targets file; a missing or malformed field is bad input naming it. */
    public static AlgoPerfTargets read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " line " + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object");
        }
        JsonNode workloads = root.get("workloads");
        if (workloads == null || !workloads.isObject()) {
            throw new BadInputException(file + ": missing object 'workloads'");
        }
        Map<String, WorkloadTarget> targets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = workloads.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "workloads." + entry.getKey();
            JsonNode metric = entry.getValue().get("target_metric_name");
            JsonNode value = entry.getValue().get("validation_target_value");
            if (metric == null || !metric.isTextual()) {
                throw new BadInputException(file + ": field '" + field + ".target_metric_name' must be a string");
            }
            if (value == null || !value.isNumber()) {
                throw new BadInputException(file + ": field '" + field + ".validation_target_value' must be a number");
            }
            MetricDirection direction;
            try {
                direction = directionOf(metric.asText());
            } catch (BadInputException e) {
                throw new BadInputException(file + ": field '" + field + ".target_metric_name': " + e.getMessage(), e);
            }
            targets.put(entry.getKey(), new WorkloadTarget(metric.asText(), direction, value.asDouble()));
        }
        List<String> bases = new ArrayList<>();
        JsonNode baseNode = root.get("base_workloads");
        if (baseNode == null) {
            // Without a list, every workload that is not held out is a base workload.
            bases.addAll(targets.keySet());
        } else {
            bases.addAll(strings(file, "base_workloads", baseNode));
        }
        Map<String, String> variants = new LinkedHashMap<>();
        JsonNode heldOut = root.get("held_out_workloads");
        if (heldOut != null) {
            if (!heldOut.isArray()) {
                throw new BadInputException(file + ": field 'held_out_workloads' must be a list");
            }
            for (JsonNode entry : heldOut) {
                if (entry.isTextual()) {
                    variants.put(entry.asText(), baseOf(file, entry.asText(), bases));
                } else if (entry.isObject() && entry.path("name").isTextual() && entry.path("base").isTextual()) {
                    variants.put(entry.get("name").asText(), entry.get("base").asText());
                } else {
                    throw new BadInputException(file + ": field 'held_out_workloads' entries must be names or "
                            + "{\"name\": ..., \"base\": ...}, got " + entry);
                }
            }
            if (baseNode == null) {
                bases.removeAll(variants.keySet());
            }
        }
        for (String w : bases) {
            if (!targets.containsKey(w)) {
                throw new BadInputException(file + ": base workload '" + w + "' has no entry in 'workloads'");
            }
        }
        for (String w : variants.keySet()) {
            if (!targets.containsKey(w)) {
                throw new BadInputException(file + ": held-out workload '" + w + "' has no entry in 'workloads'");
            }
        }
        return new AlgoPerfTargets(bases, variants, targets);
    }

    /**
     * The workload a log directory such as {@code imagenet_resnet_jax} belongs to: the name itself if known, else
     * the name without its last {@code _<framework>} part; {@code null} if neither is known.
     */
    public String workloadOfDirectory(String directoryName) {
        if (targets.containsKey(directoryName)) {
            return directoryName;
        }
        int cut = directoryName.lastIndexOf('_');
        if (cut > 0 && targets.containsKey(directoryName.substring(0, cut))) {
            return directoryName.substring(0, cut);
        }
        return null;
    }

    private static List<String> strings(Path file, String field, JsonNode node) {
        if (!node.isArray()) {
            throw new BadInputException(file + ": field '" + field + "' must be a list of names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new BadInputException(file + ": field '" + field + "' must be a list of names, got " + n);
            }
            names.add(n.asText());
        }
        return names;
    }

    private static String baseOf(Path file, String variant, List<String> bases) {
        String best = null;
        for (String base : bases) {
            if (variant.startsWith(base + "_") && (best == null || base.length() > best.length())) {
                best = base;
            }
        }
        if (best == null) {
            throw new BadInputException(file + ": held-out workload '" + variant + "' starts with no base workload's "
                    + "name; write it as {\"name\": \"" + variant + "\", \"base\": ...}");
        }
        return best;
    }

    /**
     * The direction of an AlgoPerf metric by its name, as AlgoPerf's scoring guesses it: losses, error rates and
     * WER go down; accuracy, mAP, SSIM and BLEU go up.
     *
     * @param metric a metric name such as {@code "wer"} or {@code "validation/accuracy"}
     */
    public static MetricDirection directionOf(String metric) {
        String name = metric.substring(metric.lastIndexOf('/') + 1);
        switch (name) {
            case "accuracy", "mean_average_precision", "ssim", "bleu":
                return MetricDirection.HIGHER;
            case "loss", "ce_loss", "ctc_loss", "l1_loss", "error_rate", "wer":
                return MetricDirection.LOWER;
            default:
                throw new BadInputException("metric '" + metric + "' has no known direction; expected one of "
                        + "accuracy, mean_average_precision, ssim, bleu (higher) or loss, ce_loss, ctc_loss, l1_loss, "
                        + "error_rate, wer (lower)");
        }
    }
}
